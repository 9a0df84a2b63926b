#!/usr/bin/env node
// CPython 3.14 as `python3`: node python3.14.mjs SCRIPT [ARGS...] (see oracle.mjs).
import { runPython } from "./oracle.mjs";

await runPython("pyodide-314");
