// Runs Ruff's S rules (the stable flake8-bandit set, as `ruff check --select S` does) over every
// *.py file below TREE, folders whose name starts with "." skipped, as security-review's scan walks
// them, and prints the number of files and diagnostics. One process per run, so that bench.mjs
// times Node's start and the WebAssembly module's load, as it times the JVM's start for ours.
//
// Usage: node ruff-scan.mjs TREE

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";

const tree = process.argv[2];
if (tree === undefined) {
  console.error("usage: node ruff-scan.mjs TREE");
  process.exit(2);
}

function* pythonFiles(dir) {
  const entries = readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith(".")) yield* pythonFiles(path);
    } else if (e.isFile() && e.name.endsWith(".py")) {
      yield path;
    }
  }
}

const workspace = new Workspace({ lint: { select: ["S"] } }, PositionEncoding.Utf16);
let files = 0;
let diagnostics = 0;
for (const path of pythonFiles(tree)) {
  files++;
  diagnostics += workspace.check(readFileSync(path, "utf8")).length;
}
console.log(JSON.stringify({ files, diagnostics }));
