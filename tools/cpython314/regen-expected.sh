#!/usr/bin/env bash
# Regenerates src/test/resources/python/features-3.14/*.ast, the expected AST dumps of the parser
# fixtures for syntax that Python 3.14 added, with CPython 3.14 (Pyodide, pinned in package.json)
# running tools/differential/cpython_dump.py as the oracle. Needs node >= 18 and the npm registry
# (for `npm ci`); nothing else is fetched.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
features="$(cd "$here/../../src/test/resources/python/features-3.14" && pwd)"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
ls "$features"/*.py | node python.mjs ../differential/cpython_dump.py --list - | python3 -c '
import json, sys
header = json.loads(sys.stdin.readline())
print("CPython", header["python"], file=sys.stderr)
for line in sys.stdin:
    d = json.loads(line)
    if not d["ok"]:
        sys.exit(d["path"] + ": CPython rejects it: " + d["error"])
    with open(d["path"][: -len(".py")] + ".ast", "w", encoding="utf-8") as out:
        out.write(d["dump"] + "\n")
'
echo "wrote $(ls "$features"/*.ast | wc -l) .ast files for $(ls "$features"/*.py | wc -l) fixtures"
