// Runs a Python script under Pyodide (CPython compiled to WebAssembly) as `python3 SCRIPT ARGS...`
// would: the host folders the arguments name are mounted at the same paths, standard output and
// error are passed through and the exit status is the script's. It gives the differential check an
// interpreter of another Python version than the machine's, offline: each `pyodide-3NN` npm package
// (an alias of a pinned `pyodide` release, installed beside this file from package-lock.json)
// carries one CPython and its standard library. python3.14.mjs and python3.15.mjs are the commands.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Runs process.argv's SCRIPT ARGS... under the Pyodide of the npm package `pyodidePackage`. */
export async function runPython(pyodidePackage) {
  const { loadPyodide } = await import(pyodidePackage);
  const [script, ...args] = process.argv.slice(2);
  if (!script) {
    process.stderr.write("usage: node " + path.basename(process.argv[1]) + " SCRIPT [ARGS...]\n");
    process.exit(2);
  }

  // Python runs synchronously and so never lets Node drain an asynchronous stream: its output is
  // written to the file descriptors at once (a dump of 13,000 files queued in process.stdout
  // grew to gigabytes and failed with ENOBUFS).
  const py = await loadPyodide();
  py.setStdout({ write: (bytes) => writeFully(1, bytes) });
  py.setStderr({ write: (bytes) => writeFully(2, bytes) });

  // Pyodide's own file system holds its standard library under /lib; the host's top-level folders
  // that the arguments (and a --list file's lines) name are mounted over it by name, except /lib
  // and /dev, which Pyodide needs for itself.
  const reserved = new Set(["lib", "dev", "proc"]);
  const tops = new Set();
  function note(p) {
    if (path.isAbsolute(p)) {
      const top = p.split("/")[1];
      if (top && !reserved.has(top)) tops.add(top);
    }
  }
  note(path.resolve(script));
  note(process.cwd());
  for (let i = 0; i < args.length; i++) {
    note(args[i]);
    if (args[i] === "--list" && i + 1 < args.length) {
      if (args[i + 1] === "-") {
        // Standard input is read here, so that the folders it names can be mounted first.
        const listed = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pyodide-")), "list.txt");
        fs.writeFileSync(listed, fs.readFileSync(0));
        args[i + 1] = listed;
      }
      note(args[i + 1]);
      for (const line of fs.readFileSync(args[i + 1], "utf8").split("\n")) note(line);
    }
  }
  for (const top of tops) {
    const dir = "/" + top;
    if (!fs.existsSync(dir)) continue;
    try {
      py.FS.mkdirTree(dir);
    } catch (e) {
      // already there
    }
    py.FS.mount(py.FS.filesystems.NODEFS, { root: dir }, dir);
  }

  py.globals.set("script_path", path.resolve(script));
  py.globals.set("script_args", py.toPy(args));
  py.globals.set("host_cwd", process.cwd());
  // An exception out of the script ends it as python3 would: its traceback and status 1 (not a
  // Node stack trace quoting Pyodide's minified source).
  let status = 1;
  try {
    status = py.runPython(`
import os, runpy, sys
os.chdir(host_cwd)
sys.argv = [script_path] + list(script_args)
status = 0
try:
    runpy.run_path(script_path, run_name="__main__")
except SystemExit as e:
    status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
sys.stdout.flush()
status
`);
  } catch (e) {
    process.stderr.write(String(e.message ?? e) + "\n");
  }
  process.exitCode = status;
}

/** Writes all of `bytes` to `fd`, waiting while a full pipe says EAGAIN; returns their count. */
function writeFully(fd, bytes) {
  let done = 0;
  while (done < bytes.length) {
    try {
      done += fs.writeSync(fd, bytes, done);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
  return bytes.length;
}

const pause = new Int32Array(new SharedArrayBuffer(4));
