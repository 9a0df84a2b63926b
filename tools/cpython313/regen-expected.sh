#!/usr/bin/env bash
# Regenerates src/test/resources/python/features/*.ast, the expected AST dumps of the parser
# feature fixtures, with CPython 3.13 (Pyodide, pinned in package.json) as the oracle.
# Needs node >= 18 and the npm registry (for `npm ci`); nothing else is fetched.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
features="$here/../../src/test/resources/python/features"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
node dump.mjs --version
rm -f "$features"/*.ast
node dump.mjs --write "$features"/*.py
echo "wrote $(ls "$features"/*.ast | wc -l) .ast files for $(ls "$features"/*.py | wc -l) fixtures"
