#!/usr/bin/env node
// CPython 3.13 (Pyodide, compiled to WebAssembly) as an oracle for the Java Python parser.
//
// Usage:
//   node dump.mjs [--write] [--version] FILE...   (FILE may be "-" for standard input)
//
// For each file, parses its bytes with CPython's ast.parse (so a UTF-8 BOM and a PEP 263
// coding declaration are honoured, as compile() does) and prints the tree in the canonical
// form of AstDumper.java with fstringPartPositions=true. A file that CPython rejects prints
// "SyntaxError: MESSAGE" and its line, offset, end line and end offset instead.
//
// With one file, the dump alone is printed; with several, each is preceded by "== FILE".
// --write stores each dump beside its file as NAME.ast (NAME.py -> NAME.ast) instead of
// printing it; a file that CPython rejects is then an error.
// --version prints the Pyodide and CPython versions.
//
// Exit status: 0 if every file parsed, 1 if some file was rejected, 2 on a usage error.
// Runs offline: Pyodide is loaded from node_modules/pyodide, nothing is fetched.

import { readFileSync, writeFileSync } from "node:fs";
import { isMainThread, Worker } from "node:worker_threads";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const indexURL = join(here, "node_modules", "pyodide") + "/";

const DUMPER = String.raw`
import ast, json, sys, warnings

sys.setrecursionlimit(100000)

def _dump(v, out):
    if v is None:
        out.append("None")
    elif isinstance(v, ast.AST):
        out.append(type(v).__name__)
        out.append("(")
        first = True
        for f in v._fields:
            if not first:
                out.append(", ")
            first = False
            out.append(f)
            out.append("=")
            _dump(getattr(v, f, None), out)
        if "lineno" in v._attributes and hasattr(v, "lineno"):
            for a in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
                if not first:
                    out.append(", ")
                first = False
                out.append(a)
                out.append("=")
                _dump(getattr(v, a, None), out)
        out.append(")")
    elif isinstance(v, list):
        out.append("[")
        for i, x in enumerate(v):
            if i:
                out.append(", ")
            _dump(x, out)
        out.append("]")
    elif isinstance(v, bool):
        out.append("True" if v else "False")
    elif v is Ellipsis:
        out.append("...")
    elif isinstance(v, str):
        out.append(json.dumps(v, ensure_ascii=True))
    elif isinstance(v, bytes):
        out.append("b" + json.dumps(v.decode("latin-1"), ensure_ascii=True))
    elif isinstance(v, int):
        out.append(str(v))
    elif isinstance(v, (float, complex)):
        out.append(repr(v))
    else:
        raise TypeError("cannot dump %r" % (type(v),))

def canonical_dump(node):
    out = []
    _dump(node, out)
    return "".join(out)

def oracle(path, name):
    with open(path, "rb") as f:
        src = f.read()
    notes = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            tree = ast.parse(src, filename=name)
        except SyntaxError as e:
            return (False, "%s: %s\nline=%s offset=%s end_line=%s end_offset=%s\ntext=%s"
                    % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno,
                       e.end_offset, json.dumps(e.text)), notes)
        except BaseException as e:
            return (False, "%s: %s" % (type(e).__name__, e), notes)
    for w in caught:
        notes.append("%s: %s" % (w.category.__name__, w.message))
    try:
        compile(src, name, "exec", dont_inherit=True)
    except BaseException as e:
        notes.append("compile() rejects it: %s: %s" % (type(e).__name__, e))
    try:
        return (True, canonical_dump(tree), notes)
    except BaseException as e:
        return (False, "dumper failed: %s: %s" % (type(e).__name__, e), notes)
`;

function usage() {
  console.error("usage: node dump.mjs [--write] [--version] FILE...");
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  let write = false;
  let version = false;
  const files = [];
  for (const a of args) {
    if (a === "--write") write = true;
    else if (a === "--version") version = true;
    else if (a.startsWith("--")) usage();
    else files.push(a);
  }
  if (!version && files.length === 0) usage();
  if (write && files.includes("-")) usage();

  const { loadPyodide } = await import(join(indexURL, "pyodide.mjs"));
  const py = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  const oracle = py.runPython(DUMPER + "\noracle");

  if (version) {
    const v = py.runPython("import sys; sys.version.split()[0]");
    console.log(`pyodide ${py.version}, CPython ${v}`);
  }

  let rejected = 0;
  py.FS.mkdirTree("/oracle");
  for (const file of files) {
    const data = file === "-" ? readFileSync(0) : readFileSync(file);
    py.FS.writeFile("/oracle/src.py", data);
    const r = oracle("/oracle/src.py", file === "-" ? "<stdin>" : file);
    const [ok, text, notes] = r.toJs();
    r.destroy();
    for (const n of notes) console.error(`${file}: ${n}`);
    if (!ok) rejected++;
    if (write) {
      if (!ok) {
        console.error(`${file}: rejected by CPython, no .ast written:\n${text}`);
        continue;
      }
      const out = resolve(file).replace(/\.py$/, "") + ".ast";
      writeFileSync(out, text + "\n");
    } else {
      if (files.length > 1) console.log(`== ${file}`);
      console.log(text);
    }
  }
  process.exitCode = rejected ? 1 : 0;
}

// Deeply nested input (say 100000 "not"s) needs more native stack than node's main thread has
// before CPython's own "too complex" check can answer, so the work runs in a worker thread with
// a large stack.
if (isMainThread) {
  const worker = new Worker(fileURLToPath(import.meta.url), {
    argv: process.argv.slice(2),
    stdin: false,
    resourceLimits: { stackSizeMb: 256 },
  });
  worker.on("error", (e) => {
    console.error(e);
    process.exitCode = 3;
  });
  worker.on("exit", (code) => {
    if (!process.exitCode) process.exitCode = code;
  });
} else {
  await main();
}
