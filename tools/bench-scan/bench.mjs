// Times security-review's `scan TREE` against Ruff's S rules (ruff-scan.mjs: the WebAssembly build
// under Node) and Bandit (`bandit -r TREE`, when it is on PATH), as whole processes: the JVM's,
// Node's and Python's start included. The tools run in turn, ours then Ruff then Bandit, once per
// round, so that each round's ratios compare runs made under the same load; the medians and the
// min-max of the per-round ratios are what to quote on a shared machine.
//
// Each run's wall time and peak resident memory come from /usr/bin/time when it is there (GNU
// time's %e and %M); without it, the wall time alone is measured here.
//
// Usage: node bench.mjs --jar JAR [--java JAVA] [--before OLD.jar] [--runs N] [--warmup N]
//                       [--bandit-runs N] [--no-bandit] [--no-ruff] TREE

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

function usage(message) {
  if (message) console.error(`bench-scan: ${message}`);
  console.error(
    "usage: node bench.mjs --jar JAR [--java JAVA] [--before OLD.jar] [--runs N] [--warmup N]\n" +
      "                      [--bandit-runs N] [--no-bandit] [--no-ruff] TREE",
  );
  process.exit(2);
}

const opts = { java: "java", runs: 5, warmup: 1, banditRuns: 3, bandit: true, ruff: true };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const value = () => {
    if (i + 1 >= argv.length) usage(`${a} needs a value`);
    return argv[++i];
  };
  const count = (min) => {
    const n = Number(value());
    if (!Number.isInteger(n) || n < min) usage(`${a} needs a whole number of at least ${min}`);
    return n;
  };
  if (a === "--jar") opts.jar = resolve(value());
  else if (a === "--java") opts.java = value();
  else if (a === "--before") opts.before = resolve(value());
  else if (a === "--runs") opts.runs = count(1);
  else if (a === "--warmup") opts.warmup = count(0);
  else if (a === "--bandit-runs") opts.banditRuns = count(1);
  else if (a === "--no-bandit") opts.bandit = false;
  else if (a === "--no-ruff") opts.ruff = false;
  else if (a === "-h" || a === "--help") usage();
  else if (a.startsWith("-")) usage(`unknown option ${a}`);
  else if (opts.tree === undefined) opts.tree = a;
  else usage("one TREE only");
}
if (opts.jar === undefined) usage("--jar is required");
if (opts.tree === undefined) usage("TREE is required");
if (!existsSync(opts.tree)) usage(`no such folder: ${opts.tree}`);
for (const jar of [opts.jar, opts.before].filter(Boolean)) {
  if (!existsSync(jar)) usage(`no such jar: ${jar}`);
}

function onPath(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

const gnuTime =
  existsSync("/usr/bin/time") &&
  spawnSync("/usr/bin/time", ["-f", "%e", "true"], { stdio: "ignore" }).status === 0;
const scratch = mkdtempSync(join(tmpdir(), "bench-scan-"));

// Runs a command once; returns its wall seconds, peak RSS in MiB (or null) and exit status.
function time(command, args) {
  const out = join(scratch, "time.txt");
  const started = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "%e %M", "-o", out, command, ...args], {
        stdio: ["ignore", "ignore", "pipe"],
        maxBuffer: 64 << 20,
      })
    : spawnSync(command, args, { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.error) throw r.error;
  if (!gnuTime) return { wall, rss: null, status: r.status };
  const [seconds, kib] = readFileSync(out, "utf8").trim().split("\n").pop().split(" ");
  return { wall: Number(seconds), rss: Number(kib) / 1024, status: r.status };
}

const tools = [];
const ours = (jar) => ({ command: opts.java, args: ["-jar", jar, "scan", "--format", "json", opts.tree] });
tools.push({ name: "security-review", ...ours(opts.jar), ok: [0, 1] });
if (opts.before) tools.push({ name: "security-review (before)", ...ours(opts.before), ok: [0, 1] });
if (opts.ruff) {
  if (!existsSync(join(here, "node_modules", "@astral-sh", "ruff-wasm-nodejs"))) {
    usage("Ruff is not installed: run npm ci in tools/bench-scan (./run bench-scan does)");
  }
  tools.push({
    name: "ruff --select S (wasm)",
    command: process.execPath,
    args: [join(here, "ruff-scan.mjs"), opts.tree],
    ok: [0],
  });
}
if (opts.bandit && onPath("bandit")) {
  tools.push({
    name: "bandit -r",
    command: "bandit",
    args: ["-q", "-r", opts.tree, "-f", "json", "-o", join(scratch, "bandit.json")],
    ok: [0, 1],
    runs: opts.banditRuns,
  });
} else if (opts.bandit) {
  console.error("bench-scan: bandit is not on PATH: timing without it");
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const span = (xs, digits) =>
  `${median(xs).toFixed(digits)} [${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)}]`;

console.log(
  `bench-scan: ${opts.tree}, ${opts.runs} paired runs after ${opts.warmup} warm-up` +
    (tools.some((t) => t.runs) ? ` (Bandit: ${opts.banditRuns})` : "") +
    `; ${tools.map((t) => t.name).join(", ")}`,
);
const results = tools.map(() => []);
try {
  for (let round = -opts.warmup; round < opts.runs; round++) {
    tools.forEach((t, i) => {
      if (t.runs !== undefined && round >= t.runs) return;
      if (t.runs !== undefined && round < 0) return; // slow tools: no warm-up run
      const r = time(t.command, t.args);
      if (!t.ok.includes(r.status)) {
        throw new Error(`${t.name} exited with status ${r.status}: ${t.command} ${t.args.join(" ")}`);
      }
      if (round >= 0) results[i].push(r);
    });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log("\nwall seconds and peak RSS (MiB): median [min-max]");
tools.forEach((t, i) => {
  const wall = results[i].map((r) => r.wall);
  const rss = results[i].map((r) => r.rss).filter((x) => x !== null);
  console.log(
    `  ${t.name.padEnd(26)} ${span(wall, 2).padEnd(22)} ${rss.length ? span(rss, 0) + " MiB" : ""}`,
  );
});
console.log("\nratios of wall time, per round, other / security-review: median [min-max]");
for (let i = 1; i < tools.length; i++) {
  const n = Math.min(results[0].length, results[i].length);
  const ratios = [];
  for (let k = 0; k < n; k++) ratios.push(results[i][k].wall / results[0][k].wall);
  console.log(`  ${tools[i].name.padEnd(26)} ${span(ratios, 2)}x`);
}
