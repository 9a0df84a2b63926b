#!/usr/bin/env bash
# Regenerates the expected AST dumps of the parser fixtures, src/test/resources/python/features*/
# NAME.ast, each folder with the CPython whose syntax it covers (Pyodide, pinned in package.json)
# running tools/differential/cpython_dump.py: features/ with 3.13, features-3.14/ with 3.14,
# features-3.15/ with 3.15. With VERSION arguments (3.14 ...), only those folders. Needs node >= 18
# and the npm registry (for `npm ci`); nothing else is fetched.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
resources="$(cd "$here/../../src/test/resources/python" && pwd)"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
versions=("$@")
[ "${#versions[@]}" -gt 0 ] || versions=(3.13 3.14 3.15)
for version in "${versions[@]}"; do
  case "$version" in
    3.13) features="$resources/features" ;;
    *) features="$resources/features-$version" ;;
  esac
  [ -f "python$version.mjs" ] || { echo "regen-expected: no oracle for Python $version" >&2; exit 2; }
  rm -f "$features"/*.ast
  ls "$features"/*.py | node "python$version.mjs" ../differential/cpython_dump.py --list - | python3 -c '
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
  echo "$(basename "$features"): wrote $(ls "$features"/*.ast | wc -l) .ast files for $(ls "$features"/*.py | wc -l) fixtures"
done
