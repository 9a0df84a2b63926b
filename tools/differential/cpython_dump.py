#!/usr/bin/env python3
"""CPython side of the differential check of our Python parser (see DifferentialCheck.java).

Dump mode (default): reads each file as bytes, runs ast.parse on it and writes one JSON line
per file to stdout, in input order:

  {"path": P, "ok": true, "dump": D}        CPython accepts the file; D is the canonical dump
  {"path": P, "ok": false, "error": E}      CPython rejects it (SyntaxError, ValueError, ...);
                                            "lineno" and "offset" (1-based, in characters)
                                            come with a SyntaxError that has them

preceded by one header line {"python": "3.11.7", "fstring_part_positions": false, ...}.

The dump is written exactly as AstDumper.java writes our tree: Kind(field=value, ...,
lineno=L, col_offset=C, end_lineno=L2, end_col_offset=C2), fields in CPython 3.15's order,
strings as JSON with every non-ASCII character escaped, bytes as b + the JSON string of their
Latin-1 reading, numbers as repr. Trees of older interpreters are brought to the 3.15 shape
(type_params=[], default_value=None, is_lazy=0), so that one dump of ours compares with any, and
before 3.14 an unknown __future__ feature is rejected as 3.14's ast.parse rejects it. Before 3.12 CPython places the parts of an f-string at
the position of the whole string; then the positions of those parts are left out (as
AstDumper.dump(node, false) does) while the expressions inside {} keep theirs. One more
pre-3.12 quirk is undone: an unparenthesized tuple that is a whole replacement field, as in
f"{a, b}", is given the span of its elements instead of the span of the braces.

Timing mode (--time N): reads every file into memory, parses each once to warm up, then times
N rounds of ast.parse over all of them (rejected files included, their exception caught) and
writes one JSON line with files, lines, bytes, seconds, lines_per_second, mb_per_second.

Other modes: --roots prints a JSON object with the interpreter's stdlib and site-packages
folders; --corpus prints the default corpus (every .py file under those folders, deduplicated
by real path, sorted), one path per line.

Usage:
  python3 cpython_dump.py [--list FILE|-] [--fstring-part-positions|--no-fstring-part-positions]
                          [--time N] [--roots] [--corpus] [PATH ...]
"""

import __future__
import argparse
import ast
import importlib.util
import json
import os
import sys
import sysconfig
import threading
import time
import warnings

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)

# Fields that CPython 3.15 has and older interpreters lack, with the value to print for them
# (they can only have that value when the older interpreter accepted the file): type_params
# (3.12), default_value (3.13), is_lazy (3.15, 0 but for `lazy import`).
_MISSING_FIELDS = {
    "FunctionDef": (("type_params", "[]"),),
    "AsyncFunctionDef": (("type_params", "[]"),),
    "ClassDef": (("type_params", "[]"),),
    "TypeVar": (("default_value", "None"),),
    "ParamSpec": (("default_value", "None"),),
    "TypeVarTuple": (("default_value", "None"),),
    "Import": (("is_lazy", "0"),),
    "ImportFrom": (("is_lazy", "0"),),
}

_POSITION_ATTRIBUTES = ("lineno", "col_offset", "end_lineno", "end_col_offset")


def string(s):
    """A JSON string with every character outside printable ASCII escaped, as AstDumper."""
    return json.dumps(s, ensure_ascii=True)


def float_repr(f):
    return repr(f)


class Dumper:
    def __init__(self, fstring_part_positions):
        self.fstring_part_positions = fstring_part_positions
        self.field_cache = {}

    def dump(self, node, data=None):
        self.data = data
        self.lines = None
        out = []
        self._value(node, False, out)
        return "".join(out)

    def _source_lines(self):
        if self.lines is None:
            text = importlib.util.decode_source(self.data or b"")
            self.lines = [line.encode("utf-8") for line in text.split("\n")]
        return self.lines

    def _legacy_tuple_position(self, t):
        """The 3.12+ position of an unparenthesized tuple that is a whole f-string field.

        CPython < 3.12 parses the field `{a, b}` as `(a, b)` and so gives the tuple the span
        from `{` to the character that ends the expression; 3.12+ gives the span of its
        elements (and a trailing comma). Returns None when the tuple is parenthesized.
        """
        if self.data is None or t.end_lineno is None:
            return None
        lines = self._source_lines()
        try:
            if lines[t.lineno - 1][t.col_offset:t.col_offset + 1] != b"{":
                return None
            line, col = t.lineno, t.col_offset + 1
            while True:  # first non-blank character after the brace
                text = lines[line - 1]
                while col < len(text) and text[col:col + 1] in b" \t\f":
                    col += 1
                if col < len(text):
                    break
                line, col = line + 1, 0
            end_line, end_col = t.end_lineno, t.end_col_offset - 1
            while True:  # last non-blank character before the closing character
                text = lines[end_line - 1]
                while end_col > 0 and text[end_col - 1:end_col] in b" \t\f":
                    end_col -= 1
                if end_col > 0:
                    break
                end_line -= 1
                end_col = len(lines[end_line - 1])
            return line, col, end_line, end_col
        except IndexError:
            return None

    def _fields(self, cls):
        entry = self.field_cache.get(cls)
        if entry is None:
            name = cls.__name__
            fields = list(cls._fields)
            extra = [
                (field, default)
                for field, default in _MISSING_FIELDS.get(name, ())
                if field not in fields
            ]
            has_position = all(a in cls._attributes for a in _POSITION_ATTRIBUTES)
            entry = (name, fields, extra, has_position)
            self.field_cache[cls] = entry
        return entry

    def _value(self, root, fstring_part, out):
        # Iterative, so that deeply nested trees (a long chain of a.b.c... or a+b+c...) dump.
        # The work stack holds text to write and (value, fstring_part, fstring_field) tuples.
        stack = [(root, fstring_part, False)]
        pop = stack.pop
        push = stack.append
        while stack:
            item = pop()
            if item.__class__ is str:
                out.append(item)
                continue
            v, part, fstring_field = item
            if v is None:
                out.append("None")
            elif isinstance(v, ast.AST):
                self._node(v, part, fstring_field, out, push)
            elif isinstance(v, list):
                out.append("[")
                push("]")
                for i in range(len(v) - 1, -1, -1):
                    push((v[i], part, False))
                    if i > 0:
                        push(", ")
            elif isinstance(v, str):
                out.append(string(v))
            elif isinstance(v, bytes):
                out.append("b")
                out.append(string(v.decode("latin-1")))
            elif isinstance(v, bool):
                out.append("True" if v else "False")
            elif isinstance(v, int):
                out.append(str(int(v)))
            elif isinstance(v, float):
                out.append(float_repr(v))
            elif isinstance(v, complex):
                out.append(repr(v))
            elif v is Ellipsis:
                out.append("...")
            else:
                raise TypeError("cannot dump %r" % (type(v),))

    def _node(self, node, fstring_part, fstring_field, out, push):
        """Writes the node's name and pushes the rest of it, last piece first."""
        name, fields, extra, has_position = self._fields(type(node))
        # Scalars are written into the text at once; only nodes and lists are pushed.
        pieces = []
        text = [name, "("]
        legacy = not self.fstring_part_positions
        sep = ""
        for field in fields:
            text.append(sep)
            sep = ", "
            text.append(field)
            text.append("=")
            value = getattr(node, field, None)
            if value is None:
                text.append("None")
                continue
            cls = value.__class__
            if cls is str:
                text.append(string(value))
                continue
            if cls is int:
                text.append(str(value))
                continue
            part = legacy and (
                (name == "JoinedStr" and field == "values")
                or (name == "FormattedValue" and field == "format_spec")
            )
            tuple_field = (legacy and name == "FormattedValue" and field == "value"
                           and cls is ast.Tuple)
            pieces.append("".join(text))
            text = []
            pieces.append((value, part, tuple_field))
        for field, default in extra:
            text.append(sep)
            sep = ", "
            text.append(field + "=" + default)
        if has_position and not fstring_part:
            text.append(sep)
            position = (node.lineno, node.col_offset,
                        getattr(node, "end_lineno", None), getattr(node, "end_col_offset", None))
            if fstring_field and name == "Tuple":
                position = self._legacy_tuple_position(node) or position
            if None in position:
                position = tuple(_num(p) for p in position)
            text.append("lineno=%s, col_offset=%s, end_lineno=%s, end_col_offset=%s" % position)
        text.append(")")
        pieces.append("".join(text))
        out.append(pieces[0])
        for i in range(len(pieces) - 1, 0, -1):
            push(pieces[i])


def _num(v):
    return "None" if v is None else str(v)


def describe_error(e):
    if isinstance(e, SyntaxError):
        return "%s: %s (line %s, col %s)" % (type(e).__name__, e.msg, e.lineno, e.offset)
    return "%s: %s" % (type(e).__name__, e)


def parse(data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = ast.parse(data)
    if sys.version_info < (3, 14):
        _check_future_features(tree)
    return tree


def _check_future_features(tree):
    """Raises the SyntaxError of CPython 3.14's ast.parse for an unknown __future__ feature.

    Since 3.14 ast.parse rejects an unknown feature in the future statements that open a module
    (after its docstring), at the name; older interpreters reject it only when compiling. Doing
    it here brings them to the 3.14 behaviour, as the missing fields are brought to 3.15's.
    """
    body = tree.body
    i = 0
    if (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)):
        i = 1
    for s in body[i:]:
        if not (isinstance(s, ast.ImportFrom) and s.level == 0 and s.module == "__future__"):
            return
        for a in s.names:
            if a.name not in __future__.all_feature_names:
                message = ("not a chance" if a.name == "braces"
                           else "future feature %s is not defined" % a.name)
                raise SyntaxError(message, ("<unknown>", a.lineno, a.col_offset + 1, None))


def read_paths(args):
    paths = list(args.paths)
    if args.list:
        if args.list == "-":
            text = sys.stdin.read()
        else:
            with open(args.list, encoding="utf-8", errors="surrogateescape") as f:
                text = f.read()
        paths.extend(line for line in text.split("\n") if line)
    return paths


def _keys(*keys):
    paths = sysconfig.get_paths()
    result = []
    for key in keys:
        p = paths.get(key)
        if p and p not in result:
            result.append(p)
    return result


def stdlib_roots():
    return _keys("stdlib", "platstdlib")


def site_roots():
    return _keys("purelib", "platlib")


def roots():
    return _keys("stdlib", "platstdlib", "purelib", "platlib")


def corpus(root_list):
    seen = set()
    files = []
    for root in root_list:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for fn in filenames:
                if fn.endswith(".py"):
                    p = os.path.join(dirpath, fn)
                    real = os.path.realpath(p)
                    if real not in seen and os.path.isfile(real):
                        seen.add(real)
                        files.append(real)
    files.sort()
    return files


def write(line):
    sys.stdout.write(line)
    sys.stdout.write("\n")


def dump_mode(paths, fstring_part_positions):
    dumper = Dumper(fstring_part_positions)
    write(json.dumps({
        "python": "%d.%d.%d" % sys.version_info[:3],
        "executable": sys.executable,
        "fstring_part_positions": fstring_part_positions,
        "files": len(paths),
    }))
    for path in paths:
        record = {"path": path}
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            record["ok"] = False
            record["error"] = "IOError: %s" % (e,)
            record["io_error"] = True
            write(json.dumps(record))
            continue
        try:
            tree = parse(data)
        except Exception as e:  # SyntaxError, ValueError (NUL bytes), MemoryError, ...
            record["ok"] = False
            record["error"] = describe_error(e)
            if isinstance(e, SyntaxError) and e.lineno is not None:
                record["lineno"] = e.lineno
                if e.offset is not None:
                    record["offset"] = e.offset
            write(json.dumps(record))
            continue
        try:
            dump = dumper.dump(tree, data)
            record["ok"] = True
            record["dump"] = dump
        except Exception as e:
            # A failure of this script, not a rejection by CPython.
            record["ok"] = False
            record["dump_error"] = True
            record["error"] = "DumpError: %s" % (describe_error(e),)
        write(json.dumps(record))
    sys.stdout.flush()


def count_lines(data):
    if not data:
        return 0
    n = data.count(b"\n")
    if not data.endswith(b"\n"):
        n += 1
    return n


def time_mode(paths, rounds):
    contents = []
    for path in paths:
        with open(path, "rb") as f:
            contents.append(f.read())
    lines = sum(count_lines(d) for d in contents)
    size = sum(len(d) for d in contents)
    rejected = 0

    def one_round():
        nonlocal rejected
        bad = 0
        for d in contents:
            try:
                parse(d)
            except Exception:
                bad += 1
        rejected = bad

    t0 = time.perf_counter()
    one_round()  # warm-up
    warm = time.perf_counter() - t0
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        one_round()
        times.append(time.perf_counter() - t0)
    total = sum(times)
    best = min(times) if times else 0.0
    write(json.dumps({
        "python": "%d.%d.%d" % sys.version_info[:3],
        "files": len(contents),
        "rejected": rejected,
        "lines": lines,
        "bytes": size,
        "rounds": rounds,
        "warmup_seconds": warm,
        "seconds": total,
        "best_round_seconds": best,
        "lines_per_second": lines * rounds / total if total else 0.0,
        "mb_per_second": size * rounds / total / 1e6 if total else 0.0,
    }))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--list", help="file with one path per line, or - for stdin")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--fstring-part-positions", dest="fpp", action="store_true", default=None,
                   help="print positions of f-string parts (default on Python >= 3.12)")
    g.add_argument("--no-fstring-part-positions", "--legacy", dest="fpp", action="store_false",
                   help="leave out positions of f-string parts (default on Python < 3.12)")
    ap.add_argument("--time", type=int, metavar="ROUNDS",
                    help="time ast.parse over the files instead of dumping")
    ap.add_argument("--roots", action="store_true",
                    help="print the stdlib and site-packages folders as JSON")
    ap.add_argument("--corpus", action="store_true",
                    help="print the default corpus, one path per line")
    args = ap.parse_args()

    if args.roots:
        write(json.dumps({"python": "%d.%d.%d" % sys.version_info[:3],
                          "executable": sys.executable,
                          "stdlib": stdlib_roots(), "site": site_roots()}))
        return
    paths = read_paths(args)
    if args.corpus:
        for p in corpus(paths or roots()):
            write(p)
        return
    if args.time is not None:
        time_mode(paths, args.time)
        return
    fpp = args.fpp
    if fpp is None:
        fpp = sys.version_info >= (3, 12)
    dump_mode(paths, fpp)


if __name__ == "__main__":
    if sys.platform == "emscripten":
        # Pyodide (CPython in WebAssembly) has no threads; its stack is what it is.
        main()
        sys.exit(0)
    # Deeply nested trees need a deep Python stack to dump; run in a thread with a big one.
    sys.setrecursionlimit(200000)
    threading.stack_size(512 * 1024 * 1024)
    result = []

    def run():
        try:
            main()
        except BrokenPipeError:
            pass
        except BaseException as e:  # pragma: no cover
            result.append(e)

    t = threading.Thread(target=run)
    t.start()
    t.join()
    if result:
        raise result[0]
