#!/usr/bin/env python3
"""Ecosystem check: scans pinned OpenStack trees with two jars and reports what moved.

Modelled on Ruff's ecosystem check. tools/ecosystem/corpus.tsv lists public OpenStack
repositories, each pinned to a commit; --trees DIR holds one clone (or plain checkout) per entry,
named after it (DIR/nova, ...). Nothing is downloaded. Each tree's non-test code (or all of it, for
entries marked tests-too) is scanned with the "after" jar and, with --before, an older jar; the
findings added and removed are printed per rule and per repository, then listed one a line.

tools/ecosystem/verdicts.tsv records judged findings (TP, FP or debatable), joined to the after
jar's findings by (repo, path, rule, line): the report gives each rule's precision and lists the
findings nobody has judged yet, so that a change is judged only on what it moved.

Exit status 0; 2 on usage errors. Needs git (for clones at another commit), tar and a java that
runs the jars (JAVA env or PATH).
"""

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from jarscan import UsageError, read_tsv, scan_json  # noqa: E402
CORPUS = os.path.join(HERE, "corpus.tsv")
VERDICTS = os.path.join(HERE, "verdicts.tsv")

# Test code is excluded by default: the bot reviews it too, but its findings (fake passwords,
# asserts, temporary files) say little about the rules' precision on production code.
TEST_EXCLUDES = ["**/tests/**", "**/test_*.py", "**/*_tests.py"]
CORPUS_COLUMNS = ["name", "repository", "commit", "paths"]
VERDICT_COLUMNS = ["repo", "commit", "path", "line", "rule", "verdict", "reason"]
VERDICT_VALUES = ("TP", "FP", "debatable")


def parse_corpus(text):
    """Parses corpus.tsv: entries with name, repository, commit and paths (non-test|tests-too)."""
    rows = read_tsv(text, CORPUS_COLUMNS, "corpus")
    for r in rows:
        if r["paths"] not in ("non-test", "tests-too"):
            raise UsageError(f"corpus: {r['name']}: paths must be non-test or tests-too")
        if len(r["commit"]) != 40:
            raise UsageError(f"corpus: {r['name']}: the commit must be 40 hex digits")
    return rows


def excludes_for(entry):
    """The --exclude globs for one corpus entry: none when it counts its tests too."""
    return [] if entry["paths"] == "tests-too" else list(TEST_EXCLUDES)


def parse_verdicts(text):
    """Parses verdicts.tsv into {(repo, path, rule, line): row}."""
    out = {}
    for r in read_tsv(text, VERDICT_COLUMNS, "verdicts"):
        if r["verdict"] not in VERDICT_VALUES:
            raise UsageError(f"verdicts: {r['repo']} {r['path']}:{r['line']}: verdict "
                             f"{r['verdict']!r} is not one of {', '.join(VERDICT_VALUES)}")
        out[(r["repo"], r["path"], r["rule"], int(r["line"]))] = r
    return out


def finding_key(repo, f):
    """Identity of a finding across jars: the fingerprint survives moved lines, else the line."""
    ident = f.get("fingerprint") or f"line:{f['line']}"
    return (repo, f["path"], f["ruleId"], ident)


def diff_findings(before, after):
    """Compares two lists of (repo, finding); returns (added, removed), each sorted."""
    b = {finding_key(r, f): (r, f) for r, f in before}
    a = {finding_key(r, f): (r, f) for r, f in after}
    order = lambda rf: (rf[0], rf[1]["path"], rf[1]["line"], rf[1]["ruleId"])
    added = sorted((a[k] for k in a.keys() - b.keys()), key=order)
    removed = sorted((b[k] for k in b.keys() - a.keys()), key=order)
    return added, removed


def precision(tp, fp):
    """TP / (TP + FP), or None when nothing was judged either way."""
    return tp / (tp + fp) if tp + fp else None


def judge(findings, verdicts):
    """Joins (repo, finding) pairs to verdicts by (repo, path, rule, line).

    Returns (stats, unjudged): stats maps each rule, and "ALL", to a Counter of findings, judged,
    TP, FP and debatable; unjudged lists the pairs with no verdict.
    """
    stats = collections.defaultdict(collections.Counter)
    unjudged = []
    for repo, f in findings:
        v = verdicts.get((repo, f["path"], f["ruleId"], f["line"]))
        for rule in (f["ruleId"], "ALL"):
            stats[rule]["findings"] += 1
            if v:
                stats[rule]["judged"] += 1
                stats[rule][v["verdict"]] += 1
        if not v:
            unjudged.append((repo, f))
    return stats, unjudged


def fmt_precision(p):
    return "-" if p is None else f"{100 * p:.0f}%"


def precision_table(stats):
    """Lines of the per-rule precision table, the overall row ("ALL") last."""
    lines = [f"{'rule':<10} {'findings':>8} {'judged':>6} {'TP':>4} {'FP':>4} {'debat':>5} "
             f"{'prec':>5} {'prec(debatable=FP)':>18}"]
    for rule in sorted(r for r in stats if r != "ALL") + (["ALL"] if "ALL" in stats else []):
        s = stats[rule]
        lines.append(
            f"{rule:<10} {s['findings']:>8} {s['judged']:>6} {s['TP']:>4} {s['FP']:>4} "
            f"{s['debatable']:>5} {fmt_precision(precision(s['TP'], s['FP'])):>5} "
            f"{fmt_precision(precision(s['TP'], s['FP'] + s['debatable'])):>18}")
    return lines


def finding_line(repo, f):
    """One finding as 'repo path:line rule message-start'."""
    msg = " ".join(f["message"].split())
    return f"{repo} {f['path']}:{f['line']} {f['ruleId']} {msg[:100]}"


def counts(pairs):
    """(per rule, per repo) Counters of (repo, finding) pairs."""
    return (collections.Counter(f["ruleId"] for _, f in pairs),
            collections.Counter(r for r, _ in pairs))


def count_lines(title, pairs):
    """'title: N' then per-rule and per-repository counts."""
    by_rule, by_repo = counts(pairs)
    return [f"{title}: {len(pairs)}",
            "  per rule: " + (", ".join(f"{k} {v}" for k, v in sorted(by_rule.items())) or "-"),
            "  per repo: " + (", ".join(f"{k} {v}" for k, v in sorted(by_repo.items())) or "-")]


def git(tree, *args):
    return subprocess.run(["git", "-C", tree, *args], capture_output=True, text=True)


def prepare(tree, entry, tmp, log):
    """The folder to scan for one entry: the tree itself, or its pinned commit archived into tmp.

    A plain checkout (no git) is scanned as it is; so is a clone lacking the pinned commit, with a
    warning, because a result on a near commit beats none when judging a change.
    """
    if not os.path.exists(os.path.join(tree, ".git")) and not os.path.exists(
            os.path.join(tree, "HEAD")):
        return tree
    rev = git(tree, "rev-parse", "--verify", "-q", "HEAD")
    head = rev.stdout.strip() if rev.returncode == 0 else ""
    if head == entry["commit"]:
        return tree
    name, commit = entry["name"], entry["commit"]
    if git(tree, "cat-file", "-e", commit + "^{commit}").returncode != 0:
        log(f"warning: {name}: pinned commit {commit[:12]} is absent; scanning the tree as it is "
            f"(HEAD {head[:12] or 'unknown'})")
        return tree
    log(f"{name}: clone is at {head[:12]}, not the pinned {commit[:12]}; "
        f"scanning git archive {commit[:12]}")
    dest = os.path.join(tmp, name)
    os.makedirs(dest)
    archive = subprocess.Popen(["git", "-C", tree, "archive", commit], stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", dest], stdin=archive.stdout, check=True)
    archive.stdout.close()
    if archive.wait() != 0:
        raise RuntimeError(f"{name}: git archive {commit} failed")
    return dest


def scan(java, jar, folder, excludes, log):
    """Runs `scan --format json .` in folder; returns the findings (paths relative to folder)."""
    args = []
    for g in excludes:
        args += ["--exclude", g]
    return scan_json(java, jar, folder, args + ["--", "."], log)


def report(before, after, verdicts, max_unjudged):
    """The report's lines. before is None without --before."""
    lines = []
    if before is not None:
        added, removed = diff_findings(before, after)
        lines += [f"before: {len(before)} findings, after: {len(after)} findings"]
        lines += count_lines("added", added) + count_lines("removed", removed)
        for title, pairs in (("added", added), ("removed", removed)):
            if pairs:
                lines += ["", f"## {title}"] + [finding_line(r, f) for r, f in pairs]
    else:
        lines += count_lines("findings", after)
    stats, unjudged = judge(after, verdicts)
    lines += ["", "## precision (after jar, verdicts.tsv)"] + precision_table(stats)
    lines += ["", f"## unjudged: {len(unjudged)} of {len(after)} findings"
                  + (f" (first {max_unjudged})" if len(unjudged) > max_unjudged else "")]
    lines += [finding_line(r, f) for r, f in unjudged[:max_unjudged]]
    return lines


def self_test():
    """Runs the unit tests next to this file; returns their exit status."""
    return subprocess.run([sys.executable, os.path.join(HERE, "test_ecosystem.py")]).returncode


def parse_args(argv):
    ap = argparse.ArgumentParser(prog="./run ecosystem", description=__doc__.split("\n")[0])
    ap.add_argument("--trees", help="folder with one clone or checkout per corpus entry")
    ap.add_argument("--jar", help="the after jar (./run passes the one it built)")
    ap.add_argument("--before", help="an older jar to compare with")
    ap.add_argument("--verdicts", default=VERDICTS,
                    help="verdicts TSV (default: the committed one)")
    ap.add_argument("--corpus", default=CORPUS, help=argparse.SUPPRESS)
    ap.add_argument("--only", help="NAME,... : only these corpus entries")
    ap.add_argument("--out", help="also write report.txt and findings-{before,after}.json here")
    ap.add_argument("--max", type=int, default=50, help="unjudged findings listed (default 50)")
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
    try:
        if not a.trees or not a.jar:
            raise UsageError("--trees DIR and --jar JAR are required")
        if not os.path.isdir(a.trees):
            raise UsageError(f"--trees {a.trees}: not a folder")
        for j in (a.jar, a.before):
            if j and not os.path.isfile(j):
                raise UsageError(f"jar {j}: no such file")
        with open(a.corpus) as fh:
            corpus = parse_corpus(fh.read())
        with open(a.verdicts) as fh:
            verdicts = parse_verdicts(fh.read())
        if a.only:
            wanted = a.only.split(",")
            unknown = set(wanted) - {e["name"] for e in corpus}
            if unknown:
                raise UsageError(f"--only: not in the corpus: {', '.join(sorted(unknown))}")
            corpus = [e for e in corpus if e["name"] in wanted]
    except (UsageError, OSError) as e:
        log(f"ecosystem: error: {e}")
        return 2
    java = os.environ.get("JAVA", "java")
    jar, before_jar = os.path.abspath(a.jar), a.before and os.path.abspath(a.before)
    before, after = ([] if before_jar else None), []
    tmp = tempfile.mkdtemp(prefix="ecosystem-")
    try:
        for entry in corpus:
            tree = os.path.join(a.trees, entry["name"])
            if not os.path.isdir(tree):
                log(f"{entry['name']}: skipped, no {tree}")
                continue
            folder = prepare(tree, entry, tmp, log)
            excludes = excludes_for(entry)
            after_f = scan(java, jar, folder, excludes, log)
            after += [(entry["name"], f) for f in after_f]
            note = f"{entry['name']}: after {len(after_f)}"
            if before_jar:
                before_f = scan(java, before_jar, folder, excludes, log)
                before += [(entry["name"], f) for f in before_f]
                note += f", before {len(before_f)}"
            log(note + (" (tests included)" if not excludes else ""))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    lines = report(before, after, verdicts, a.max)
    print("\n".join(lines))
    if a.out:
        os.makedirs(a.out, exist_ok=True)
        with open(os.path.join(a.out, "report.txt"), "w") as fh:
            fh.write("\n".join(lines) + "\n")
        for label, pairs in (("after", after), ("before", before)):
            if pairs is not None:
                with open(os.path.join(a.out, f"findings-{label}.json"), "w") as fh:
                    json.dump([dict(f, repo=r) for r, f in pairs], fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
