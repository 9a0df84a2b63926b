#!/usr/bin/env python3
"""Recall check: do the rules flag the lines that real Neutron security fixes changed?

tools/fixes/fixes.tsv lists fixes from Neutron's history, one row per fixed file: the fix commit,
its parent, the file, the lines of the PARENT version that the fix changed or where the defect
sits, a defect class, whether a checker that sees only this one file could plausibly detect it
(single_file yes/no) and one line saying what was wrong.

For each row the parent version of the file is taken from --repo GIT (git show PARENT:FILE) into a
temporary folder under its own relative path, all of them are scanned in one run of the jar's
`scan --format json`, and a row counts as flagged when a finding's span (line to endLine) meets one
of the row's line ranges. Recall = flagged rows / rows with single_file=yes; the misses are listed
with their class and what was wrong, so that each can be explained or turned into a rule.

Exit status 0; 2 on usage errors. Needs git and a java that runs the jar (JAVA env or PATH).
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from jarscan import UsageError, read_tsv, scan_json  # noqa: E402
LIST = os.path.join(HERE, "fixes.tsv")
COLUMNS = ["commit", "parent", "file", "lines", "class", "single_file", "what"]

# The defect classes, kept small so that misses group into rules to write (README.md explains each).
CLASSES = (
    "ovn-syntax-injection",   # value put into an OVN match or option without the quoting it needs
    "config-injection",       # tenant value written into another daemon's configuration file
    "address-string-compare",  # addresses compared as strings (substring) instead of parsed
    "acl",                    # ACL not applied, stale, or built from an incomplete rule
    "port-security",          # port security / default-drop decision wrong
    "metadata-proxy-headers",  # identity headers of the guest's request trusted or not replaced
    "shared-object-setting",  # one context or session created once and shared across calls
    "name-as-identity",       # identity recovered from a display name instead of a stored id
    "ovsdb-error-dropped",    # OVSDB command run without error checking
    "ovn-options-unchecked",  # caller-chosen keys written into an OVN options column
    "option-string-compare",  # OVSDB boolean option compared with one literal spelling
    "authz-target",           # policy target built from the caller instead of the resource
    "cross-project-leak",     # one project's events or data attributed to another
    "foreign-row-ownership",  # rows of another service taken as ours by a missing key
    "unvalidated-input",      # API or database input used before it is validated
    "dos-unbounded",          # wait with no timeout or bound
    "secret-logged",          # credential written to a log
    "other",
)
HEX40 = re.compile(r"[0-9a-f]{40}")
RANGE = re.compile(r"(\d+)(?:-(\d+))?")


def parse_ranges(text):
    """'120-124,130' -> [(120, 124), (130, 130)]; raises ValueError on anything else."""
    ranges = []
    for part in text.split(","):
        m = RANGE.fullmatch(part.strip())
        if not m:
            raise ValueError(f"bad line range {part!r}")
        first = int(m.group(1))
        last = int(m.group(2) or first)
        if first < 1 or last < first:
            raise ValueError(f"bad line range {part!r}")
        ranges.append((first, last))
    return ranges


def parse_list(text):
    """Parses fixes.tsv (first line the header, '#' lines and blank lines skipped) into rows.

    Each row is a dict of the columns plus 'ranges', its parsed line ranges.
    """
    rows = []
    for n, row in enumerate(read_tsv(text, COLUMNS, "fixes list"), 2):
        where = f"fixes list: line {n}"
        for key in ("commit", "parent"):
            if not HEX40.fullmatch(row[key]):
                raise UsageError(f"{where}: {key} must be 40 lower-case hex digits")
        if row["class"] not in CLASSES:
            raise UsageError(f"{where}: class {row['class']!r} is not one of {', '.join(CLASSES)}")
        if row["single_file"] not in ("yes", "no"):
            raise UsageError(f"{where}: single_file must be yes or no")
        if not row["what"].strip():
            raise UsageError(f"{where}: 'what' is empty")
        try:
            row["ranges"] = parse_ranges(row["lines"])
        except ValueError as e:
            raise UsageError(f"{where}: {e}")
        rows.append(row)
    return rows


def finding_span(f):
    """(first, last) line of a finding, from its line and, when given, endLine."""
    return f["line"], max(f["line"], f.get("endLine") or f["line"])


def meets(span, ranges):
    """Whether the line span shares a line with one of the ranges."""
    first, last = span
    return any(first <= b and a <= last for a, b in ranges)


def flagging_rules(row, findings):
    """Sorted rule ids of the findings on row's file whose span meets the row's lines."""
    return sorted({f["ruleId"] for f in findings
                   if f["path"] == row["file"] and meets(finding_span(f), row["ranges"])})


def recall(results):
    """(flagged, countable) over the rows with single_file=yes; results are (row, rules) pairs."""
    countable = [rules for row, rules in results if row["single_file"] == "yes"]
    return sum(1 for rules in countable if rules), len(countable)


def fmt_percent(num, den):
    return "-" if not den else f"{100 * num / den:.0f}%"


def report(results):
    """The report's lines: every row, recall, per-class counts, then the misses."""
    lines = [f"{'commit':<10} {'file':<58} {'lines':<18} {'class':<22} {'1file':<5} result"]
    for row, rules in results:
        result = ("flagged " + ",".join(rules)) if rules else "missed"
        lines.append(f"{row['commit'][:10]} {row['file'][-58:]:<58} {row['lines'][:18]:<18} "
                     f"{row['class']:<22} {row['single_file']:<5} {result}")
    flagged, countable = recall(results)
    lines += ["", f"recall: {flagged}/{countable} = {fmt_percent(flagged, countable)} of the rows a "
                  f"single-file checker can see; {sum(1 for _, r in results if r)} of "
                  f"{len(results)} rows flagged in all"]
    by_class = collections.defaultdict(collections.Counter)
    for row, rules in results:
        c = by_class[row["class"]]
        c["rows"] += 1
        c["single_file"] += row["single_file"] == "yes"
        c["flagged"] += bool(rules) and row["single_file"] == "yes"
        c["missed"] += (not rules) and row["single_file"] == "yes"
    lines += ["", f"{'class':<24} {'rows':>4} {'1file':>5} {'flagged':>7} {'missed':>6}"]
    for name in sorted(by_class):
        c = by_class[name]
        lines.append(f"{name:<24} {c['rows']:>4} {c['single_file']:>5} {c['flagged']:>7} "
                     f"{c['missed']:>6}")
    for title, want in (("missed (single_file=yes)", "yes"), ("not countable (single_file=no)", "no")):
        misses = [row for row, rules in results if not rules and row["single_file"] == want]
        lines += ["", f"## {title}: {len(misses)}"]
        lines += [f"{row['commit'][:10]} {row['file']}:{row['lines']} [{row['class']}] {row['what']}"
                  for row in misses]
    return lines


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo, *args], capture_output=True)


def extract(repo, rows, dest, log):
    """Writes each row's parent file to dest/PARENT12/FILE; returns {(parent, file): relative path}.

    Warns when a row's parent is not its commit's first parent or its lines run past the file's end.
    """
    paths = {}
    for row in rows:
        first_parent = git(repo, "rev-parse", "--verify", "-q", row["commit"] + "^1")
        if first_parent.returncode != 0:
            raise UsageError(f"{row['commit'][:12]}: not a commit of {repo}")
        if first_parent.stdout.decode().strip() != row["parent"]:
            log(f"warning: {row['commit'][:12]}: {row['parent'][:12]} is not its first parent")
        key = (row["parent"], row["file"])
        if key in paths:
            continue
        shown = git(repo, "show", f"{row['parent']}:{row['file']}")
        if shown.returncode != 0:
            raise UsageError(f"{row['parent'][:12]}:{row['file']}: "
                             f"{shown.stderr.decode().strip()[:200]}")
        rel = os.path.join(row["parent"][:12], row["file"])
        os.makedirs(os.path.dirname(os.path.join(dest, rel)), exist_ok=True)
        with open(os.path.join(dest, rel), "wb") as fh:
            fh.write(shown.stdout)
        length = shown.stdout.count(b"\n")
        if max(b for _, b in row["ranges"]) > length:
            log(f"warning: {row['commit'][:12]} {row['file']}: lines {row['lines']} run past the "
                f"end of the parent version ({length} lines)")
        paths[key] = rel
    return paths


def scan(java, jar, folder, paths, enable, log):
    """Runs `scan --format json` in folder over the paths; returns the findings."""
    args = ["--enable", enable] if enable else []
    return scan_json(java, jar, folder, args + ["--", *paths], log)


def results_for(rows, paths, findings):
    """Pairs each row with the rules flagging its lines; findings carry the extracted paths."""
    by_path = collections.defaultdict(list)
    for f in findings:
        by_path[f["path"]].append(f)
    results = []
    for row in rows:
        rel = paths[(row["parent"], row["file"])]
        own = [dict(f, path=row["file"]) for f in by_path[rel]]
        results.append((row, flagging_rules(row, own)))
    return results


def self_test():
    """Runs the unit tests next to this file; returns their exit status."""
    return subprocess.run([sys.executable, os.path.join(HERE, "test_fixes.py")]).returncode


def parse_args(argv):
    ap = argparse.ArgumentParser(prog="./run fixes", description=__doc__.split("\n")[0])
    ap.add_argument("--repo", help="Neutron's git directory (bare or .git)")
    ap.add_argument("--jar", help="the jar to check (./run passes the one it built)")
    ap.add_argument("--list", default=LIST, help="fixes TSV (default: the committed one)")
    ap.add_argument("--out", help="also write report.txt, results.json and findings.json here")
    ap.add_argument("--enable", help="ID,... : rules that are off by default to run as well")
    ap.add_argument("--self-test", action="store_true", help="run the unit tests and exit")
    return ap.parse_args(argv)


def main(argv):
    try:
        a = parse_args(argv)
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return e.code
    if a.self_test:
        return self_test()
    log = lambda msg: print(msg, file=sys.stderr)
    tmp = tempfile.mkdtemp(prefix="fixes-")
    try:
        if not a.repo or not a.jar:
            raise UsageError("--repo GIT and --jar JAR are required")
        if not os.path.isfile(a.jar):
            raise UsageError(f"jar {a.jar}: no such file")
        if git(a.repo, "rev-parse", "--git-dir").returncode != 0:
            raise UsageError(f"--repo {a.repo}: not a git directory")
        with open(a.list) as fh:
            rows = parse_list(fh.read())
        paths = extract(a.repo, rows, tmp, log)
        findings = scan(os.environ.get("JAVA", "java"), os.path.abspath(a.jar), tmp,
                        sorted(set(paths.values())), a.enable, log)
    except (UsageError, OSError) as e:
        log(f"fixes: error: {e}")
        return 2
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    results = results_for(rows, paths, findings)
    lines = report(results)
    print("\n".join(lines))
    if a.out:
        os.makedirs(a.out, exist_ok=True)
        with open(os.path.join(a.out, "report.txt"), "w") as fh:
            fh.write("\n".join(lines) + "\n")
        with open(os.path.join(a.out, "results.json"), "w") as fh:
            json.dump([{**{k: row[k] for k in COLUMNS}, "flagged_by": rules}
                       for row, rules in results], fh, indent=1)
        with open(os.path.join(a.out, "findings.json"), "w") as fh:
            json.dump(findings, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
