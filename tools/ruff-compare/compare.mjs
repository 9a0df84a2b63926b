// Compares Ruff's flake8-bandit rules (the "S" codes) with security-review over one source tree.
//
// Ruff runs in this process as WebAssembly (the npm package @astral-sh/ruff-wasm-nodejs, pinned in
// package.json), so neither PyPI nor a Python interpreter is needed. security-review runs as its
// command line (java -jar security-review.jar scan --format json). Both see the same files: every
// *.py file under the tree, folders whose name starts with "." skipped, as the CLI walks them.
//
// For each Ruff S code it prints how many lines each tool flags, and the lines only one of them
// flags (file:line and the source line), then the rules of ours that have no Ruff S code, and the
// wall time of both tools.
//
// Usage: node compare.mjs [OPTIONS] TREE
//   --jar PATH          security-review.jar (default: ../../target/security-review.jar)
//   --java PATH         java 21+ executable (default: $JAVA_HOME/bin/java, else java)
//   --neutron-config    Ruff honours the [tool.ruff] selection, ignores and per-file-ignores of
//                       TREE/pyproject.toml (S codes only); security-review runs with its defaults,
//                       and the same ignores apply to our findings (by their Ruff codes)
//   --config PATH       like --neutron-config, with another pyproject.toml / ruff.toml
//   --no-suppressions   neutralise # noqa, # nosec and # security-review: ignore comments first
//                       (both tools then check a copy of the tree in a temporary folder), to
//                       compare what the rules detect rather than what a tree already waived
//   --max N             lines listed per code and side (default 10)
//
// Default mode: every Ruff S rule, preview on (so the import rules S401-S415 run too), against
// every rule of ours, the ones off by default enabled.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve, basename } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

function die(message) {
  console.error(`ruff-compare: error: ${message}`);
  process.exit(2);
}

let ruff;
try {
  ruff = await import("@astral-sh/ruff-wasm-nodejs");
} catch (e) {
  die(`cannot load @astral-sh/ruff-wasm-nodejs (run npm ci in ${here}): ${e.message}`);
}
const { Workspace, PositionEncoding } = ruff;

// ------------------------------------------------------------------ arguments

const opts = {
  jar: resolve(here, "../../target/security-review.jar"),
  java: process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java",
  config: null,
  noSuppressions: false,
  max: 10,
  tree: null,
};
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) die(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--jar") opts.jar = resolve(value());
    else if (a === "--java") opts.java = value();
    else if (a === "--neutron-config") opts.config = "pyproject.toml";
    else if (a === "--config") opts.config = resolve(value());
    else if (a === "--no-suppressions") opts.noSuppressions = true;
    else if (a === "--max") opts.max = Number.parseInt(value(), 10);
    else if (a === "-h" || a === "--help") {
      const text = readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n");
      console.log(text.filter((l, n) => n < 25 && l.startsWith("//")).map((l) => l.slice(3)).join("\n"));
      process.exit(0);
    } else if (a.startsWith("--")) die(`unknown option ${a}`);
    else if (opts.tree === null) opts.tree = resolve(a);
    else die(`more than one TREE: ${a}`);
  }
  if (opts.tree === null) die("usage: node compare.mjs [--neutron-config] [--jar PATH] TREE");
  if (!existsSync(opts.tree)) die(`no such folder: ${opts.tree}`);
  if (!existsSync(opts.jar)) die(`no jar at ${opts.jar} (build it first: ./run build)`);
  if (opts.config === "pyproject.toml") opts.config = join(opts.tree, "pyproject.toml");
  if (opts.config !== null && !existsSync(opts.config)) die(`no such file: ${opts.config}`);
}

// ------------------------------------------------------------------ Ruff's S rules

// Ruff's flake8-bandit rules: code and rule struct name (crates/ruff_linter/src/codes.rs). In
// preview mode the wasm API reports the rule's kebab-case name instead of its code; the names are
// derived from the struct names below and each one is checked against Ruff itself the first time
// it appears (see codeOf), so a wrong or missing entry cannot go unnoticed.
const S_RULES = [
  ["S101", "Assert"],
  ["S102", "ExecBuiltin"],
  ["S103", "BadFilePermissions"],
  ["S104", "HardcodedBindAllInterfaces"],
  ["S105", "HardcodedPasswordString"],
  ["S106", "HardcodedPasswordFuncArg"],
  ["S107", "HardcodedPasswordDefault"],
  ["S108", "HardcodedTempFile"],
  ["S110", "TryExceptPass"],
  ["S112", "TryExceptContinue"],
  ["S113", "RequestWithoutTimeout"],
  ["S201", "FlaskDebugTrue"],
  ["S202", "TarfileUnsafeMembers"],
  ["S301", "SuspiciousPickleUsage"],
  ["S302", "SuspiciousMarshalUsage"],
  ["S303", "SuspiciousInsecureHashUsage"],
  ["S304", "SuspiciousInsecureCipherUsage"],
  ["S305", "SuspiciousInsecureCipherModeUsage"],
  ["S306", "SuspiciousMktempUsage"],
  ["S307", "SuspiciousEvalUsage"],
  ["S308", "SuspiciousMarkSafeUsage"],
  ["S310", "SuspiciousURLOpenUsage"],
  ["S311", "SuspiciousNonCryptographicRandomUsage"],
  ["S312", "SuspiciousTelnetUsage"],
  ["S313", "SuspiciousXMLCElementTreeUsage"],
  ["S314", "SuspiciousXMLElementTreeUsage"],
  ["S315", "SuspiciousXMLExpatReaderUsage"],
  ["S316", "SuspiciousXMLExpatBuilderUsage"],
  ["S317", "SuspiciousXMLSaxUsage"],
  ["S318", "SuspiciousXMLMiniDOMUsage"],
  ["S319", "SuspiciousXMLPullDOMUsage"],
  ["S320", "SuspiciousXMLETreeUsage"],
  ["S321", "SuspiciousFTPLibUsage"],
  ["S323", "SuspiciousUnverifiedContextUsage"],
  ["S324", "HashlibInsecureHashFunction"],
  ["S401", "SuspiciousTelnetlibImport"],
  ["S402", "SuspiciousFtplibImport"],
  ["S403", "SuspiciousPickleImport"],
  ["S404", "SuspiciousSubprocessImport"],
  ["S405", "SuspiciousXmlEtreeImport"],
  ["S406", "SuspiciousXmlSaxImport"],
  ["S407", "SuspiciousXmlExpatImport"],
  ["S408", "SuspiciousXmlMinidomImport"],
  ["S409", "SuspiciousXmlPulldomImport"],
  ["S410", "SuspiciousLxmlImport"],
  ["S411", "SuspiciousXmlrpcImport"],
  ["S412", "SuspiciousHttpoxyImport"],
  ["S413", "SuspiciousPycryptoImport"],
  ["S415", "SuspiciousPyghmiImport"],
  ["S501", "RequestWithNoCertValidation"],
  ["S502", "SslInsecureVersion"],
  ["S503", "SslWithBadDefaults"],
  ["S504", "SslWithNoVersion"],
  ["S505", "WeakCryptographicKey"],
  ["S506", "UnsafeYAMLLoad"],
  ["S507", "SSHNoHostKeyVerification"],
  ["S508", "SnmpInsecureVersion"],
  ["S509", "SnmpWeakCryptography"],
  ["S601", "ParamikoCall"],
  ["S602", "SubprocessPopenWithShellEqualsTrue"],
  ["S603", "SubprocessWithoutShellEqualsTrue"],
  ["S604", "CallWithShellEqualsTrue"],
  ["S605", "StartProcessWithAShell"],
  ["S606", "StartProcessWithNoShell"],
  ["S607", "StartProcessWithPartialPath"],
  ["S608", "HardcodedSQLExpression"],
  ["S609", "UnixCommandWildcardInjection"],
  ["S610", "DjangoExtra"],
  ["S611", "DjangoRawSql"],
  ["S612", "LoggingConfigInsecureListen"],
  ["S701", "Jinja2AutoescapeFalse"],
  ["S702", "MakoTemplates"],
  ["S704", "UnsafeMarkupUse"],
];

/** "SuspiciousXMLCElementTreeUsage" -> "suspicious-xmlc-element-tree-usage", as Ruff names rules. */
function kebab(structName) {
  return structName
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

const CODE_BY_NAME = new Map(S_RULES.map(([code, struct]) => [kebab(struct), code]));
const S_CODES = S_RULES.map(([code]) => code);

const workspaces = new Map();
/** A Workspace for these settings, made once; null when Ruff rejects them (a removed code). */
function workspace(settings) {
  const key = JSON.stringify(settings);
  if (!workspaces.has(key)) {
    let ws = null;
    try {
      ws = new Workspace(settings, PositionEncoding.Utf16);
    } catch {
      ws = null;
    }
    workspaces.set(key, ws);
  }
  return workspaces.get(key);
}

const verified = new Map();
/**
 * The code of a diagnostic: Ruff reports codes, except in preview mode where it reports rule
 * names. A name is checked once against Ruff: a workspace that selects only the guessed code must
 * report that name on the same source; otherwise every S code is tried.
 */
function codeOf(reported, source) {
  if (/^[A-Z]+[0-9]+$/.test(reported)) return reported;
  if (verified.has(reported)) return verified.get(reported);
  const reports = (code) => {
    const ws = workspace({ preview: true, lint: { select: [code] } });
    return ws !== null && ws.check(source).some((d) => d.code === reported);
  };
  let code = CODE_BY_NAME.get(reported);
  if (code === undefined || !reports(code)) {
    code = S_CODES.find(reports);
    if (code === undefined) die(`Ruff reported rule "${reported}", whose S code is unknown`);
    console.error(`ruff-compare: note: Ruff's "${reported}" is ${code} (not in the name table)`);
  }
  verified.set(reported, code);
  return code;
}

// ------------------------------------------------------------------ configuration

/**
 * A minimal TOML reader: tables, dotted and quoted keys, strings, numbers, booleans, arrays and
 * inline tables, comments. Enough for a [tool.ruff] section.
 */
function parseToml(text) {
  const root = {};
  let table = root;
  let i = 0;
  const fail = (what) => die(`cannot read TOML (${what}) at offset ${i} of ${opts.config}`);
  const skip = (newlines) => {
    for (;;) {
      const c = text[i];
      if (c === " " || c === "\t" || c === "\r" || (newlines && c === "\n")) i++;
      else if (c === "#") while (i < text.length && text[i] !== "\n") i++;
      else return;
    }
  };
  const string = () => {
    const q = text[i];
    const triple = text.startsWith(q.repeat(3), i);
    const end = triple ? q.repeat(3) : q;
    i += end.length;
    let s = "";
    while (!text.startsWith(end, i)) {
      if (i >= text.length) fail("unterminated string");
      if (q === '"' && text[i] === "\\") {
        const e = text[i + 1];
        s += { n: "\n", t: "\t", '"': '"', "\\": "\\" }[e] ?? e;
        i += 2;
      } else s += text[i++];
    }
    i += end.length;
    return s;
  };
  const key = () => {
    const parts = [];
    for (;;) {
      skip(false);
      if (text[i] === '"' || text[i] === "'") parts.push(string());
      else {
        const m = /^[A-Za-z0-9_-]+/.exec(text.slice(i, i + 200));
        if (!m) fail("key");
        parts.push(m[0]);
        i += m[0].length;
      }
      skip(false);
      if (text[i] !== ".") return parts;
      i++;
    }
  };
  const value = () => {
    skip(false);
    const c = text[i];
    if (c === '"' || c === "'") return string();
    if (c === "[") {
      i++;
      const a = [];
      for (;;) {
        skip(true);
        if (text[i] === "]") {
          i++;
          return a;
        }
        a.push(value());
        skip(true);
        if (text[i] === ",") i++;
      }
    }
    if (c === "{") {
      i++;
      const t = {};
      for (;;) {
        skip(false);
        if (text[i] === "}") {
          i++;
          return t;
        }
        const k = key();
        if (text[i++] !== "=") fail("=");
        put(t, k, value());
        skip(false);
        if (text[i] === ",") i++;
      }
    }
    const m = /^(true|false|[-+0-9._eE:TZ]+)/.exec(text.slice(i, i + 100));
    if (!m) fail("value");
    i += m[0].length;
    return m[0] === "true" ? true : m[0] === "false" ? false : Number(m[0]);
  };
  const put = (t, k, v) => {
    let o = t;
    for (const p of k.slice(0, -1)) o = o[p] ??= {};
    o[k[k.length - 1]] = v;
  };
  for (;;) {
    skip(true);
    if (i >= text.length) return root;
    if (text[i] === "[") {
      const array = text[i + 1] === "[";
      i += array ? 2 : 1;
      const k = key();
      i += array ? 2 : 1;
      let o = root;
      for (const p of k.slice(0, -1)) o = o[p] ??= {};
      const last = k[k.length - 1];
      if (array) (o[last] ??= []).push((table = {}));
      else table = o[last] ??= {};
    } else {
      const k = key();
      if (text[i++] !== "=") fail("=");
      put(table, k, value());
    }
  }
}

/** "neutron/tests/*" as Ruff (globset) reads it: "*" also crosses folders. */
function globRegex(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      re += ".*";
      while (glob[i + 1] === "*") i++;
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const j = glob.indexOf("]", i + 1);
      if (j < 0) re += "\\[";
      else {
        re += "[" + glob.slice(i + 1, j).replace(/^!/, "^") + "]";
        i = j;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** The S selection of a Ruff configuration: Workspace settings, plus per-file ignores. */
function ruffSelection() {
  if (opts.config === null) {
    return {
      describe: "every Ruff S rule, preview on; security-review: every rule, off-by-default ones enabled",
      settings: { preview: true, lint: { select: ["S"] } },
      selects: () => true,
      ignored: () => false,
    };
  }
  const doc = parseToml(readFileSync(opts.config, "utf8"));
  const isRuffToml = basename(opts.config) !== "pyproject.toml";
  const top = isRuffToml ? doc : doc.tool?.ruff;
  if (top === undefined) die(`${opts.config} has no [tool.ruff] section`);
  const lint = top.lint ?? {};
  const get = (k) => lint[k] ?? top[k];
  const sOnly = (list) =>
    (list ?? []).flatMap((s) => (s === "ALL" ? ["S"] : /^S[0-9]*$/.test(s) ? [s] : []));
  const select = sOnly([...(get("select") ?? ["E4", "E7", "E9", "F"]), ...(get("extend-select") ?? [])]);
  const ignore = sOnly(get("ignore"));
  const preview = Boolean(get("preview"));
  const perFile = [];
  for (const k of ["per-file-ignores", "extend-per-file-ignores"]) {
    for (const [glob, codes] of Object.entries(get(k) ?? {})) {
      const prefixes = sOnly(codes);
      if (prefixes.length > 0) perFile.push({ glob, re: globRegex(glob), prefixes });
    }
  }
  const describe =
    `${opts.config}: select ${JSON.stringify(select)}, ignore ${JSON.stringify(ignore)}, ` +
    `preview ${preview}, ${perFile.length} per-file-ignores with S codes; ` +
    "security-review: its default rules, the same ignores applied to our findings by Ruff code";
  return {
    describe,
    select,
    settings: { preview, lint: { select: select.length ? select : ["S999"], ignore } },
    selects: (code) =>
      select.some((p) => code.startsWith(p)) && !ignore.some((p) => code.startsWith(p)),
    ignored: (path, code) =>
      ignore.some((p) => code.startsWith(p)) ||
      perFile.some(
        (f) =>
          (f.re.test(path) || (!f.glob.includes("/") && f.re.test(basename(path)))) &&
          f.prefixes.some((p) => code.startsWith(p)),
      ),
  };
}

// ------------------------------------------------------------------ the tree

/** Every *.py file, sorted, hidden folders skipped: the files the CLI's walk checks. */
function pythonFiles(root) {
  const out = [];
  const walk = (dir, rel) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!e.name.startsWith(".")) walk(join(dir, e.name), path);
      } else if (e.isFile() && e.name.endsWith(".py")) out.push(path);
    }
  };
  walk(root, "");
  return out;
}

const TEST_PATH = /(^|.*\/)(tests?\/.*|test_[^/]*\.py|[^/]*_tests?\.py|conftest\.py)$/;

// ------------------------------------------------------------------ run both tools

const selection = ruffSelection();
const files = pythonFiles(opts.tree);
if (files.length === 0) die(`no .py files under ${opts.tree}`);

/** The text with its suppression comments made inert, every column kept where it was. */
function neutralise(text) {
  return text.replace(/#[^\n\r]*/g, (comment) =>
    comment
      .replace(/\bnoqa\b/gi, "xxxx")
      .replace(/\bnosec\b/gi, "xxxxx")
      .replace(/security-review(?=\s*:\s*ignore)/g, "x".repeat(15)),
  );
}

// The tree both tools check: the tree itself, or a copy without suppressions.
let scanRoot = opts.tree;
if (opts.noSuppressions) {
  scanRoot = mkdtempSync(join(tmpdir(), "ruff-compare-"));
  process.on("exit", () => rmSync(scanRoot, { recursive: true, force: true }));
  for (const path of files) {
    mkdirSync(dirname(join(scanRoot, path)), { recursive: true });
    writeFileSync(join(scanRoot, path), neutralise(readFileSync(join(opts.tree, path), "utf8")));
  }
}
const sources = new Map();
const lines = (path) => {
  if (!sources.has(path)) sources.set(path, readFileSync(join(opts.tree, path), "utf8").split(/\r?\n|\r/));
  return sources.get(path);
};

// Ruff: read and check every file, as `ruff check` would.
const ruffWs = workspace(selection.settings);
if (ruffWs === null) die(`Ruff rejects the settings ${JSON.stringify(selection.settings)}`);
const ruffRaw = [];
let ruffFailures = 0;
const ruffStart = process.hrtime.bigint();
for (const path of files) {
  const source = readFileSync(join(scanRoot, path), "utf8");
  let diagnostics;
  try {
    diagnostics = ruffWs.check(source);
  } catch (e) {
    ruffFailures++;
    console.error(`ruff-compare: Ruff failed on ${path}: ${e.message ?? e}`);
    continue;
  }
  for (const d of diagnostics) {
    if (d.code !== null) ruffRaw.push({ path, d, source });
  }
}
const ruffMillis = Number(process.hrtime.bigint() - ruffStart) / 1e6;

const ruffFindings = [];
for (const { path, d, source } of ruffRaw) {
  const code = codeOf(d.code, source);
  if (!/^S[0-9]+$/.test(code)) continue; // a syntax error or a non-S rule
  if (selection.ignored(path, code)) continue;
  ruffFindings.push({ path, code, line: d.start_location.row, endLine: d.end_location.row });
}

// security-review: its rules first, then one scan of the tree.
const java = (args) => {
  const r = spawnSync(opts.java, ["-jar", opts.jar, ...args], {
    cwd: scanRoot,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (r.error) die(`cannot run ${opts.java}: ${r.error.message}`);
  return r;
};
const listed = java(["scan", "--list-rules", "--format", "json"]);
if (listed.status !== 0) die(`--list-rules failed (exit ${listed.status}): ${listed.stderr}`);
const ourRules = JSON.parse(listed.stdout).rules.map((r) => ({
  ...r,
  codes: (r.ruffCode ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => /^S[0-9]+$/.test(s)),
}));
const ruleById = new Map(ourRules.map((r) => [r.id, r]));
const scanArgs = ["scan", "--format", "json"];
if (opts.config === null) {
  const off = ourRules.filter((r) => !r.enabledByDefault).map((r) => r.id);
  if (off.length > 0) scanArgs.push("--enable", off.join(","));
}
scanArgs.push(".");
const ourStart = process.hrtime.bigint();
const scan = java(scanArgs);
const ourMillis = Number(process.hrtime.bigint() - ourStart) / 1e6;
if (scan.status !== 0 && scan.status !== 1) {
  console.error(scan.stderr);
  die(`security-review scan failed with exit status ${scan.status}`);
}
const report = JSON.parse(scan.stdout);
const ourFindings = report.findings
  .filter((f) => f.ruleId !== "SR001")
  .map((f) => ({
    path: f.path.replace(/^\.\//, ""),
    ruleId: f.ruleId,
    line: f.line,
    endLine: f.endLine,
    codes: ruleById.get(f.ruleId)?.codes ?? [],
    matched: new Set(),
  }))
  .filter((f) => f.codes.length === 0 || !f.codes.every((c) => selection.ignored(f.path, c)));

// ------------------------------------------------------------------ match the two

// A Ruff finding is matched by a finding of ours of a rule that claims its code, in the same file,
// on the same first line, else on overlapping lines. One finding of ours may match one Ruff finding
// per code it claims (Ruff reports S603 and S607 on the same call; one comment of ours covers both).
const oursByFile = new Map();
for (const f of ourFindings) {
  if (!oursByFile.has(f.path)) oursByFile.set(f.path, []);
  oursByFile.get(f.path).push(f);
}
for (const r of ruffFindings) {
  const candidates = (oursByFile.get(r.path) ?? []).filter(
    (o) => o.codes.includes(r.code) && !o.matched.has(r.code),
  );
  const hit =
    candidates.find((o) => o.line === r.line) ??
    candidates.find((o) => o.line <= r.endLine && r.line <= o.endLine);
  if (hit) {
    hit.matched.add(r.code);
    r.matchedBy = hit;
  }
}

// ------------------------------------------------------------------ report

const rows = new Map();
const row = (code) => {
  if (!rows.has(code)) rows.set(code, { code, ruff: [], ruffTests: 0, both: 0, onlyRuff: [], ours: 0, onlyOurs: [] });
  return rows.get(code);
};
for (const r of ruffFindings) {
  const x = row(r.code);
  x.ruff.push(r);
  if (TEST_PATH.test(r.path)) x.ruffTests++;
  if (r.matchedBy) x.both++;
  else x.onlyRuff.push(r);
}
for (const o of ourFindings) {
  if (o.codes.length === 0) continue;
  if (o.matched.size > 0) {
    for (const c of o.matched) row(c).ours++;
  } else {
    // Matched nothing: count it under the first code its rule claims.
    const x = row(o.codes[0]);
    x.ours++;
    x.onlyOurs.push(o);
  }
}
const claimers = (code) =>
  ourRules
    .filter((r) => r.codes.includes(code))
    .map((r) => r.id + (r.enabledByDefault ? "" : " (off)"))
    .join(", ");

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const seconds = (ms) => (ms / 1000).toFixed(2) + " s";

console.log(`Ruff ${Workspace.version()} (WebAssembly, @astral-sh/ruff-wasm-nodejs) vs security-review`);
console.log(`tree: ${opts.tree}, ${files.length} Python files (${files.filter((p) => TEST_PATH.test(p)).length} test files)`);
console.log(`mode: ${selection.describe}`);
if (opts.noSuppressions) console.log("suppression comments neutralised in both tools' input");
console.log(
  `time: Ruff ${seconds(ruffMillis)} (reading and checking every file, one thread, in process); ` +
    `security-review ${seconds(ourMillis)} wall (java -jar, JVM start-up included; its own figure ` +
    `${seconds(report.summary.millis)})`,
);
if (ruffFailures > 0) console.log(`Ruff failed on ${ruffFailures} files (see above)`);
if (report.errors.length > 0) console.log(`security-review could not check ${report.errors.length} files`);
console.log();
console.log(
  "Per Ruff code: Ruff's findings (of which in test code), ours, found by both, only by Ruff " +
    "(outside tests + in tests), only by us; 'our rules' are the rules claiming the code, " +
    "(off) = off by default.",
);
console.log();
const header = `${pad("code", 6)}${lpad("ruff", 6)}${lpad("tests", 7)}${lpad("ours", 6)}${lpad("both", 6)}${lpad("only ruff", 12)}${lpad("only ours", 11)}  our rules`;
console.log(header);
console.log("-".repeat(header.length + 10));
const codes = [...new Set([...rows.keys(), ...ourRules.flatMap((r) => r.codes)])]
  .filter((c) => rows.has(c) || selection.selects(c))
  .sort();
const silentCodes = [];
const totals = { ruff: 0, tests: 0, ours: 0, both: 0, onlyRuff: 0, onlyRuffTests: 0, onlyOurs: 0 };
for (const code of codes) {
  const x = row(code);
  if (x.ruff.length === 0 && x.ours === 0) {
    silentCodes.push(code);
    continue;
  }
  const onlyTests = x.onlyRuff.filter((r) => TEST_PATH.test(r.path)).length;
  const onlyRuff = `${x.onlyRuff.length - onlyTests}+${onlyTests}`;
  console.log(
    `${pad(code, 6)}${lpad(x.ruff.length, 6)}${lpad(x.ruffTests, 7)}${lpad(x.ours, 6)}${lpad(x.both, 6)}` +
      `${lpad(onlyRuff, 12)}${lpad(x.onlyOurs.length, 11)}  ${claimers(code) || "-"}`,
  );
  totals.ruff += x.ruff.length;
  totals.tests += x.ruffTests;
  totals.ours += x.ours;
  totals.both += x.both;
  totals.onlyRuff += x.onlyRuff.length - onlyTests;
  totals.onlyRuffTests += onlyTests;
  totals.onlyOurs += x.onlyOurs.length;
}
console.log("-".repeat(header.length + 10));
console.log(
  `${pad("all", 6)}${lpad(totals.ruff, 6)}${lpad(totals.tests, 7)}${lpad(totals.ours, 6)}${lpad(totals.both, 6)}` +
    `${lpad(`${totals.onlyRuff}+${totals.onlyRuffTests}`, 12)}${lpad(totals.onlyOurs, 11)}`,
);
if (silentCodes.length > 0) {
  console.log(`No finding from either tool: ${silentCodes.join(", ")}`);
}

/** Up to max findings, outside test code first, spread over as many files as possible. */
function pick(findings, max) {
  const ordered = [...findings].sort(
    (a, b) =>
      TEST_PATH.test(a.path) - TEST_PATH.test(b.path) ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line),
  );
  const byFile = new Map();
  for (const f of ordered) {
    if (!byFile.has(f.path)) byFile.set(f.path, []);
    byFile.get(f.path).push(f);
  }
  const out = [];
  for (let round = 0; out.length < max; round++) {
    let any = false;
    for (const list of byFile.values()) {
      if (round < list.length && out.length < max) {
        out.push(list[round]);
        any = true;
      }
    }
    if (!any) break;
  }
  return out.sort((a, b) => ordered.indexOf(a) - ordered.indexOf(b));
}

/** The ids the other tool reports on the lines of f (ours for a Ruff finding, and back). */
function otherToolOn(f, findings, id) {
  const ids = new Set(
    findings
      .filter((o) => o.path === f.path && o.line <= f.endLine && f.line <= o.endLine)
      .map(id),
  );
  return [...ids].sort();
}

function describeLine(f, extra) {
  const text = (lines(f.path)[f.line - 1] ?? "").trim();
  const notes = [];
  const other = extra
    ? otherToolOn(f, ruffFindings, (r) => r.code)
    : otherToolOn(f, ourFindings, (o) => o.ruleId);
  if (other.length > 0) notes.push(`${extra ? "Ruff" : "ours"} here: ${other.join(" ")}`);
  if (TEST_PATH.test(f.path)) notes.push("test code");
  const all = lines(f.path).slice(f.line - 1, f.endLine).join("\n");
  if (/#.*\bnosec\b/.test(all)) notes.push("# nosec");
  if (/#.*\bnoqa\b(?!\s*:)/i.test(all)) notes.push("bare # noqa");
  else if (/#.*\bnoqa\s*:/i.test(all)) notes.push("# noqa: ...");
  if (/security-review\s*:\s*ignore/.test(all)) notes.push("security-review: ignore");
  const shown = text.length > 110 ? text.slice(0, 107) + "..." : text;
  return `    ${f.path}:${f.line}${extra ? " " + extra : ""}${notes.length ? " [" + notes.join(", ") + "]" : ""}\n        ${shown}`;
}

console.log();
console.log(`Lines only one tool flags (up to ${opts.max} per code and side, outside tests first):`);
for (const code of codes) {
  const x = row(code);
  if (x.onlyRuff.length === 0 && x.onlyOurs.length === 0) continue;
  console.log();
  console.log(`${code} (our rules: ${claimers(code) || "none"})`);
  if (x.onlyRuff.length > 0) {
    console.log(`  only Ruff: ${x.onlyRuff.length}`);
    for (const f of pick(x.onlyRuff, opts.max)) console.log(describeLine(f));
  }
  if (x.onlyOurs.length > 0) {
    console.log(`  only ours: ${x.onlyOurs.length}`);
    for (const f of pick(x.onlyOurs, opts.max)) console.log(describeLine(f, f.ruleId));
  }
}

console.log();
console.log("Our rules with no Ruff S code (findings in this run):");
const noCode = ourRules.filter((r) => r.codes.length === 0);
for (const r of noCode) {
  const n = ourFindings.filter((f) => f.ruleId === r.id).length;
  console.log(`  ${pad(r.id, 8)}${lpad(n, 5)}  ${r.ruffCode ? `(Ruff ${r.ruffCode}) ` : ""}${r.name}${r.enabledByDefault ? "" : " (off by default)"}`);
}
