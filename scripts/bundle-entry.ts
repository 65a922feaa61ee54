#!/usr/bin/env node
// Entry of the bundle: the public API as exports, and the CLI, which runs only when the bundle is the program started.
export * from '../src/index.js';
import '../src/cli.js';
