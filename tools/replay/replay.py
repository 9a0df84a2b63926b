#!/usr/bin/env python3
"""Replays `scan --diff` over real commits, as the bot would review them one patch set each.

For every non-merge commit of a git repository that touches the given paths since a date, the
commit is checked out and each jar runs `scan --diff COMMIT^ --format json` at the top of the
work tree: exactly the files the commit changed, compared with its parent. Two jars (before and
after a change of the engine) are compared side by side.

Writes into OUT:
  replay.tsv     one row per commit: commit, date, findings and -1 votes per jar, subject
  findings.txt   every finding of the second jar, per commit, with the flagged line, for verdicts
  summary.txt    totals: commits drawing at least one comment, commits voted -1, per rule

The repository is cloned with --shared into OUT/work (read-only use of the original); nothing of
it is copied anywhere else. Needs git, python3 and a java that runs the jars (JAVA env or PATH).
"""

import argparse
import collections
import json
import os
import subprocess
import sys

# Votes -1 at the plugin's default threshold: severity medium or higher, confidence medium or
# higher (see Documentation/config.md).
RANK = {"low": 0, "medium": 1, "high": 2}


def blocks(f):
    return RANK[f["severity"]] >= 1 and RANK[f["confidence"]] >= 1


def git(work, *args):
    return subprocess.run(
        ["git", "-C", work, *args], check=True, capture_output=True, text=True
    ).stdout


def scan(java, jar, work, commit):
    p = subprocess.run(
        [java, "-jar", jar, "scan", "--diff", commit + "^", "--format", "json"],
        cwd=work,
        capture_output=True,
        text=True,
    )
    if p.returncode not in (0, 1):
        raise RuntimeError(f"{jar} on {commit}: exit {p.returncode}: {p.stderr.strip()}")
    return json.loads(p.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repo", required=True, help="git repository (bare or not) to replay")
    ap.add_argument("--since", required=True, help="first commit date, e.g. 2024-08-07")
    ap.add_argument("--until", help="last commit date (default: up to HEAD)")
    ap.add_argument("--path", action="append", required=True, help="limit to commits touching")
    ap.add_argument("--jar", action="append", required=True, help="LABEL=JAR, once per jar")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    java = os.environ.get("JAVA", "java")
    jars = [j.split("=", 1) for j in a.jar]
    os.makedirs(a.out, exist_ok=True)
    work = os.path.join(a.out, "work")
    if not os.path.isdir(work):
        subprocess.run(["git", "clone", "-q", "--shared", "--no-checkout", a.repo, work], check=True)
    commits = git(
        work, "log", "--no-merges", "--format=%H%x09%cs%x09%s", "--since=" + a.since,
        *(["--until=" + a.until] if a.until else []), "HEAD", "--", *a.path,
    ).splitlines()
    rows = []
    per_rule = {label: collections.Counter() for label, _ in jars}
    with open(os.path.join(a.out, "findings.txt"), "w") as out:
        for n, line in enumerate(commits, 1):
            commit, date, subject = line.split("\t", 2)
            git(work, "checkout", "-q", "-f", "--detach", commit)
            git(work, "clean", "-q", "-f", "-d", "-x")
            row = [commit[:10], date]
            for label, jar in jars:
                report = scan(java, jar, work, commit)
                findings = report["findings"]
                row += [len(findings), sum(1 for f in findings if blocks(f))]
                for f in findings:
                    per_rule[label][f["ruleId"]] += 1
            last = findings
            row.append(subject)
            rows.append(row)
            if last:
                out.write(f"## {commit[:10]} {date} {subject}\n")
                for f in last:
                    src = source_line(work, f["path"], f["line"])
                    vote = "-1" if blocks(f) else "  "
                    out.write(
                        f"{vote} {f['path']}:{f['line']} {f['ruleId']} "
                        f"[{f['severity']}/{f['confidence']}] {src}\n"
                        f"     {f['message'][:300]}\n"
                    )
                out.write("\n")
            print(f"{n}/{len(commits)} {row[:-1]}", file=sys.stderr)
    header = ["commit", "date"]
    for label, _ in jars:
        header += [label + "_findings", label + "_votes_-1"]
    header.append("subject")
    with open(os.path.join(a.out, "replay.tsv"), "w") as t:
        t.write("\t".join(header) + "\n")
        for r in rows:
            t.write("\t".join(str(x) for x in r) + "\n")
    with open(os.path.join(a.out, "summary.txt"), "w") as s:
        s.write(f"{len(rows)} commits since {a.since} touching {' '.join(a.path)}\n")
        for i, (label, _) in enumerate(jars):
            commented = sum(1 for r in rows if r[2 + 2 * i] > 0)
            voted = sum(1 for r in rows if r[3 + 2 * i] > 0)
            total = sum(r[2 + 2 * i] for r in rows)
            s.write(
                f"{label}: {commented} commits draw at least one comment ({total} comments), "
                f"{voted} would be voted -1; per rule: {dict(sorted(per_rule[label].items()))}\n"
            )
    print(open(os.path.join(a.out, "summary.txt")).read())


def source_line(work, path, line):
    try:
        with open(os.path.join(work, path), encoding="utf-8", errors="replace") as f:
            for i, text in enumerate(f, 1):
                if i == line:
                    return text.strip()[:160]
    except OSError:
        pass
    return ""


if __name__ == "__main__":
    main()
