#!/usr/bin/env node
// CPython 3.13 as `python3`: node python3.13.mjs SCRIPT [ARGS...] (see oracle.mjs).
import { runPython } from "./oracle.mjs";

await runPython("pyodide-313");
