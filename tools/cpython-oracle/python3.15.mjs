#!/usr/bin/env node
// CPython 3.15 as `python3`: node python3.15.mjs SCRIPT [ARGS...] (see oracle.mjs).
import { runPython } from "./oracle.mjs";

await runPython("pyodide-315");
