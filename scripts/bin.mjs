#!/usr/bin/env node
// The unattend-lint command (package.json "bin"): turns on Node's compile cache where the runtime has one (Node 22.1
// and later keep what they compiled of the bundle between runs, in the system's temporary directory, and start it
// again without compiling it), then runs the bundled CLI. Copied to bundle/bin.mjs by scripts/bundle.ts.
import module from 'node:module';

module.enableCompileCache?.();
await import('./unattend-lint.mjs');
