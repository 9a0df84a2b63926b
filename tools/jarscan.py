"""What the Python tools under tools/ share: their committed TSV files and running the jar's scan.

Imported by tools/ecosystem/ecosystem.py and tools/fixes/fixes.py (each puts tools/ on sys.path).
"""

import json
import subprocess


class UsageError(Exception):
    """A bad argument or malformed committed file: exit status 2."""


def read_tsv(text, columns, what):
    """Parses tab-separated text whose first line is exactly `columns`; returns dicts.

    Blank lines and lines starting with '#' are skipped.
    """
    lines = [l for l in text.splitlines() if l.strip() and not l.startswith("#")]
    if not lines or lines[0].split("\t") != columns:
        raise UsageError(f"{what}: the header must be {' '.join(columns)} (tab-separated)")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise UsageError(f"{what}: line {n} has {len(cells)} cells, not {len(columns)}")
        rows.append(dict(zip(columns, cells)))
    return rows


def scan_json(java, jar, folder, args, log):
    """Runs `java -jar JAR scan --format json ARGS` in folder; returns its findings.

    Exit 2 also means "a file could not be checked": the JSON document is still complete, so only
    output that is not JSON is an error; an exit other than 0 or 1 is logged.
    """
    cmd = [java, "-jar", jar, "scan", "--format", "json", *args]
    p = subprocess.run(cmd, cwd=folder, capture_output=True, text=True)
    try:
        report = json.loads(p.stdout)
    except ValueError:
        raise RuntimeError(f"{jar} in {folder}: exit {p.returncode}: {p.stderr.strip()[:500]}")
    if p.returncode not in (0, 1):
        log(f"warning: {jar} in {folder}: exit {p.returncode}: {p.stderr.strip()[:300]}")
    return report["findings"]
