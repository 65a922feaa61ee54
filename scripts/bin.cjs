#!/usr/bin/env node
// The unattend-lint command (package.json "bin"). It runs the CLI script beside it (cli.cjs) with V8's code cache of
// that script: the bytecode of every function an earlier run compiled, written when the run ended. A run that finds
// it compiles almost nothing. ES modules have no code cache on Node 20, and Node's own compile cache (22.1 and
// later) starts the ES bundle more slowly than this does (docs/performance.md).
//
// The cache is one file per script text, Node version and architecture, in unattend-lint-<uid>/ under
// $NODE_COMPILE_CACHE or the system's temporary directory, readable and writable by its owner only.
// NODE_DISABLE_COMPILE_CACHE turns it off. A cache that V8 rejects (another V8, other flags) is written again, and
// so is one made by a run less than half as long as this one (which compiled less: `--version`, one small file).
// It is CommonJS: Node starts an ES module entry a few milliseconds later. Copied to bundle/bin.cjs by
// scripts/bundle.ts, with the script's hash.
'use strict';
const { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const SCRIPT_HASH = 'unbuilt';
const started = performance.now();
const script = join(__dirname, 'cli.cjs');

/**
 * Makes `dir` and its missing parents one level at a time (throwing where one cannot be made): mkdirSync's own
 * recursive mode never returns for a path the kernel answers with ENOENT under an existing parent (/proc/x).
 */
function makeDirectory(dir, mode) {
  const missing = [];
  for (let d = dir; ; d = dirname(d)) {
    let s;
    try {
      s = statSync(d);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    if (s) {
      if (!s.isDirectory()) throw Object.assign(new Error(`not a directory: ${d}`), { code: 'ENOTDIR' });
      break;
    }
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i], { mode });
    } catch (err) {
      if (err.code !== 'EEXIST' || !statSync(missing[i]).isDirectory()) throw err;
    }
  }
}

/** The cache file, or undefined when it is turned off or its directory is not this user's alone. */
function cacheFile() {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const uid = process.getuid?.();
  const dir = join(process.env.NODE_COMPILE_CACHE || tmpdir(), `unattend-lint-${uid ?? 'user'}`);
  try {
    makeDirectory(dir, 0o700);
    // In a shared temporary directory another user could have made it first: bytecode is code.
    const s = statSync(dir);
    if (uid !== undefined && (s.uid !== uid || (s.mode & 0o022) !== 0)) return undefined;
  } catch {
    return undefined;
  }
  return join(dir, `${SCRIPT_HASH}-${process.version}-${process.arch}.bin`);
}

const file = cacheFile();
// A 4-byte header: how long (ms) the run that wrote the cache took. Then V8's data.
let cached;
let madeIn = 0;
if (file) {
  try {
    const bytes = readFileSync(file);
    if (bytes.length > 4) {
      madeIn = bytes.readUInt32LE(0);
      cached = bytes.subarray(4);
    }
  } catch {
    // No cache yet.
  }
}

// The script is ASCII (the bundle script escapes everything else), so read as Latin-1 it is the same text, made
// without UTF-8 decoding.
let source;
let compiled;
try {
  source = readFileSync(script, 'latin1');
  // Config files and plugins are ES modules or CommonJS: the script imports them through this module's import()
  // (UNATTEND_LINT_IMPORT, see src/util/import-file.ts). Its own import() would need Node's experimental vm loader.
  compiled = new vm.Script(`(function (exports, require, module, __filename, __dirname, UNATTEND_LINT_IMPORT) {${source}\n})`, {
    filename: script,
    cachedData: cached,
  });
} catch (err) {
  // A broken installation is a usage problem: one line and exit 2, the details with --debug.
  const why = source === undefined ? `cannot read ${script} (${err.code || err.message})` : `${script} is damaged (${err.message})`;
  process.stderr.write(`unattend-lint: ${why}; install unattend-lint again\n`);
  if (process.argv.includes('--debug')) process.stderr.write(`${err.stack}\n`);
  process.exit(2);
}

if (file) {
  process.once('exit', () => {
    const ms = performance.now() - started;
    if (cached && !compiled.cachedDataRejected && ms <= 2 * madeIn) return;
    // Written aside and renamed: a run started meanwhile reads the old cache or the new one, never half of one.
    const part = `${file}.${process.pid}`;
    try {
      const header = Buffer.alloc(4);
      header.writeUInt32LE(Math.min(Math.round(ms), 0xffffffff));
      writeFileSync(part, Buffer.concat([header, compiled.createCachedData()]), { mode: 0o600 });
      renameSync(part, file);
    } catch {
      // A cache that cannot be written is not kept.
      try {
        rmSync(part, { force: true });
      } catch {
        // Nor is what was written of it, where the system allows.
      }
    }
  });
}

const cli = { exports: {} };
compiled.runInThisContext()(cli.exports, require('node:module').createRequire(script), cli, script, __dirname, (href) => import(href));
