// The committed bundle (bin and exports of the package) is what the sources build, and runs on its own: no
// node_modules, no kb/data, no package.json beside it, with the same findings as the compiled CLI.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, BUNDLE, buildBundle, CLI_SCRIPT, LIB, scriptHash, staleBundleFiles } from '../scripts/bundle.js';
import { CLI } from './helpers/cli.js';
import { FIXTURES, ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The committed bundle (its entry and bundle/lib) copied alone into an empty directory, away from the repository. */
const ALONE_DIR = tempDir('unattend-lint-bundle-');
const ALONE = join(ALONE_DIR, 'unattend-lint.mjs');
copyFileSync(join(ROOT, BUNDLE), ALONE);
copyFileSync(join(ROOT, BIN), join(ALONE_DIR, 'bin.cjs'));
copyFileSync(join(ROOT, CLI_SCRIPT), join(ALONE_DIR, 'cli.cjs'));
cpSync(join(ROOT, LIB), join(ALONE_DIR, 'lib'), { recursive: true });

const run = (script: string, args: string[], cwd = ROOT) => {
  const r = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('the committed bundle is what the sources build (npm run bundle regenerates it)', async () => {
  assert.equal(await staleBundleFiles(), [], 'stale bundle files: run npm run bundle and commit bundle/');
});

test("the bundle's start-up evaluates only what every run needs: no ajv, cosmiconfig, YAML, validators, rule docs or other formats", async () => {
  const { metafile, files } = await buildBundle();
  // The entry and what it imports statically, transitively (dynamic imports are what some runs load later).
  const startup = new Set<string>();
  const visit = (file: string): void => {
    if (startup.has(file)) return;
    startup.add(file);
    for (const i of metafile.outputs[file]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(BUNDLE);
  const inputs = [...startup].flatMap((file) => Object.keys(metafile.outputs[file]!.inputs));
  const lazy = /node_modules\/(ajv|cosmiconfig|js-yaml|fast-uri|@babel)\/|src\/config\/precompiled\.ts|src\/reporters\/(rule-docs|text|sarif|gitlab|junit|checkstyle|github|compact)\.ts/;
  assert.equal(inputs.filter((input) => lazy.test(input)), []);
  assert.ok(inputs.includes('src/kb/load.ts') && inputs.includes('src/cli.ts'), 'the core and the CLI are in the start-up');
  const later = Object.keys(metafile.outputs).filter((file) => !startup.has(file)).flatMap((file) => Object.keys(metafile.outputs[file]!.inputs));
  for (const input of ['node_modules/ajv/dist/ajv.js', 'src/config/precompiled.ts', 'src/reporters/sarif.ts']) assert.ok(later.includes(input), input);
  // V8 reads a source holding any non-ASCII character as UTF-16, which is slower to scan.
  // The launcher reads bundle/cli.cjs as Latin-1, which is its text only while it is ASCII.
  for (const [file, text] of files) if (/\.[mc]js$/.test(file)) assert.not.match(text, /[^\x00-\x7f]/, file);
});

const SAMPLE = join(FIXTURES, 'examples', 'sysprep-unattend.xml');

/** The installed command run alone, with its compile cache under `cacheBase` (NODE_COMPILE_CACHE). */
const runBin = (args: string[], cacheBase: string, env: Record<string, string> = {}, cwd = ROOT) => {
  const r = spawnSync(process.execPath, [join(ALONE_DIR, 'bin.cjs'), ...args], {
    cwd,
    encoding: 'utf8',
    // A launcher stuck making its cache directory is killed (status null) rather than left to hang the suite.
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', NODE_COMPILE_CACHE: cacheBase, NODE_DISABLE_COMPILE_CACHE: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** The cache files under a cache base (one directory per user). */
const cacheFiles = (base: string): string[] =>
  existsSync(base) ? readdirSync(base).flatMap((dir) => readdirSync(join(base, dir)).map((name) => join(base, dir, name))) : [];

test('the installed command (bundle/bin.cjs) runs the CLI script once, with what the ES bundle finds', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[] };
  assert.equal(pkg.bin, { 'unattend-lint': BIN });
  assert.ok(pkg.files.includes(BIN) && pkg.files.includes(CLI_SCRIPT), 'the launcher and the script it runs are packed');
  const base = tempDir('unattend-lint-cache-');
  const text = runBin(['--no-config-lookup', SAMPLE], base);
  assert.is(text.code, 1, text.stderr);
  assert.is(text.stdout.match(/✖ \d+ problems/g)?.length, 1, 'the report is printed once');
  for (const format of ['json', 'sarif']) {
    const args = ['--no-config-lookup', '--format', format, 'fixtures/examples', 'fixtures/rules/time-zone'];
    const launched = runBin(args, base);
    const bundled = run(ALONE, args);
    assert.is(launched.code, 1, launched.stderr);
    assert.fixture(launched.stdout, bundled.stdout);
  }
  const plain = runBin(['--version'], base);
  assert.is(plain.stdout, `${VERSION}\n`, plain.stderr);
  assert.is(plain.code, 0);
  assert.ok(readFileSync(join(ROOT, BIN), 'utf8').startsWith('#!/usr/bin/env node\n'));
  // The launcher knows the script it runs by its hash: a cache is never used for another script of the same length.
  assert.ok(readFileSync(join(ROOT, BIN), 'utf8').includes(`const SCRIPT_HASH = '${scriptHash(readFileSync(join(ROOT, CLI_SCRIPT), 'utf8'))}';`));
});

test('the installed command keeps a code cache per script, Node version and architecture, for its user alone', () => {
  const base = tempDir('unattend-lint-cache-');
  const first = runBin(['--no-config-lookup', SAMPLE], base);
  assert.is(first.code, 1, first.stderr);
  const files = cacheFiles(base);
  assert.is(files.length, 1, files.join());
  const [file] = files as [string];
  const hash = scriptHash(readFileSync(join(ROOT, CLI_SCRIPT), 'utf8'));
  assert.is(file.slice(base.length + 1).replace(/\\/g, '/'), `unattend-lint-${process.getuid?.() ?? 'user'}/${hash}-${process.version}-${process.arch}.bin`);
  if (process.platform !== 'win32') {
    assert.is(statSync(file).mode & 0o777, 0o600);
    assert.is(statSync(dirname(file)).mode & 0o777, 0o700);
  }
  // V8 accepts what was written: a script compiled with it is not rejected.
  const data = readFileSync(file).subarray(4);
  const check = spawnSync(process.execPath, ['-e', ACCEPTED, join(ALONE_DIR, 'cli.cjs'), file], { encoding: 'utf8' });
  assert.is(check.stdout.trim(), 'accepted', check.stderr);
  assert.ok(data.length > 100_000, `${data.length} bytes`);
});

/** Prints whether V8 accepts a cache file (argv: script, cache) for the script as the launcher compiles it. */
const ACCEPTED = `
const { readFileSync } = require('node:fs');
const vm = require('node:vm');
const [script, cache] = process.argv.slice(1);
const source = readFileSync(script, 'utf8');
const s = new vm.Script('(function (exports, require, module, __filename, __dirname, UNATTEND_LINT_IMPORT) {' + source + '\\n})', { filename: script, cachedData: readFileSync(cache).subarray(4) });
console.log(s.cachedDataRejected ? 'rejected' : 'accepted');
`;

test('the code cache is written again when V8 rejects it or a run twice as long as the one that wrote it ends, and kept otherwise', () => {
  const base = tempDir('unattend-lint-cache-');
  runBin(['--version'], base);
  const [file] = cacheFiles(base) as [string];
  const good = readFileSync(file);
  const withHeader = (ms: number, data: Buffer): Buffer => {
    const header = Buffer.alloc(4);
    header.writeUInt32LE(ms);
    return Buffer.concat([header, data]);
  };
  // Written by a run that took "forever": a run of this test is shorter, and leaves it as it is.
  writeFileSync(file, withHeader(0xffffffff, good.subarray(4)));
  const kept = runBin(['--no-config-lookup', SAMPLE], base);
  assert.is(kept.code, 1, kept.stderr);
  assert.is(readFileSync(file).readUInt32LE(0), 0xffffffff);
  // Written by a run of 0 ms: any run is longer, and writes its own.
  writeFileSync(file, withHeader(0, good.subarray(4)));
  runBin(['--version'], base);
  assert.ok(readFileSync(file).readUInt32LE(0) > 0);
  // Garbage: V8 rejects it, the run is still right, and the cache is good again.
  writeFileSync(file, withHeader(0xffffffff, Buffer.from('not a code cache'.repeat(64))));
  const rejected = runBin(['--no-config-lookup', '-f', 'json', SAMPLE], base);
  assert.is(rejected.code, 1, rejected.stderr);
  assert.fixture(rejected.stdout, run(ALONE, ['--no-config-lookup', '-f', 'json', SAMPLE]).stdout);
  assert.ok(readFileSync(file).length > 100_000);
  assert.is(readdirSync(dirname(file)).length, 1, 'no partial file is left');
});

test('the installed command loads an ES module config, and through it a plugin, as the ES bundle does', () => {
  const dir = tempDir('unattend-lint-esm-config-');
  writeFileSync(join(dir, 'plugin.mjs'), [
    'export default { rules: [{ meta: { id: "no-comments", severity: "warn", messages: { m: () => "a comment" } },',
    '  create: (ctx) => ({ onComment: (c) => ctx.report("m", c.range, undefined) }) }] };',
  ].join('\n'));
  writeFileSync(join(dir, 'unattendlint.config.mjs'), 'export default { plugins: ["./plugin.mjs"], rules: { "plugin/no-comments": "error" } };\n');
  writeFileSync(join(dir, 'unattend.xml'), readFileSync(SAMPLE, 'utf8').replace('<settings', '<!-- note --><settings'));
  const r = runBin(['-f', 'json', 'unattend.xml'], tempDir('unattend-lint-cache-'), {}, dir);
  const bundled = run(ALONE, ['-f', 'json', 'unattend.xml'], dir);
  assert.is(r.stderr, '');
  assert.match(r.stdout, /"ruleId":"plugin\/no-comments"/);
  assert.is(r.stdout, bundled.stdout);
});

test('NODE_DISABLE_COMPILE_CACHE turns the code cache off; a cache directory another user could write is not used', () => {
  const base = tempDir('unattend-lint-cache-');
  const off = runBin(['--version'], base, { NODE_DISABLE_COMPILE_CACHE: '1' });
  assert.is(off.stdout, `${VERSION}\n`, off.stderr);
  assert.equal(cacheFiles(base), []);
  if (process.platform === 'win32' || process.getuid === undefined) return;
  const dir = join(base, `unattend-lint-${process.getuid()}`);
  mkdirSync(dir, { mode: 0o777 });
  chmodSync(dir, 0o777);
  const open = runBin(['--version'], base);
  assert.is(open.stdout, `${VERSION}\n`, open.stderr);
  assert.equal(readdirSync(dir), []);
});

test('a cache directory that cannot be made (a file, a dangling link, a kernel file system) only means no cache; missing parents are made', () => {
  const base = tempDir('unattend-lint-cache-');
  writeFileSync(join(base, 'file'), '');
  symlinkSync(join(base, 'missing'), join(base, 'dangling'));
  const bases = [join(base, 'file'), join(base, 'dangling', 'cache')];
  // /proc answers ENOENT under an existing parent: mkdir's recursive mode never returns there.
  if (process.platform === 'linux') bases.push('/proc/unattend-lint-none');
  for (const where of bases) {
    const r = runBin(['--version'], where);
    assert.is(r.code, 0, `${where}: ${r.stderr}`);
    assert.is(r.stdout, `${VERSION}\n`, where);
    assert.is(r.stderr, '', where);
  }
  const nested = join(base, 'a', 'b');
  const made = runBin(['--no-config-lookup', SAMPLE], nested);
  assert.is(made.code, 1, made.stderr);
  assert.is(cacheFiles(nested).length, 1);
});

test('a launcher without its CLI script, or with a damaged one, says so in one line and exits 2 (the stack with --debug)', () => {
  const dir = tempDir('unattend-lint-broken-');
  copyFileSync(join(ROOT, BIN), join(dir, 'bin.cjs'));
  const env = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' };
  const launch = (args: string[]) => spawnSync(process.execPath, [join(dir, 'bin.cjs'), ...args], { cwd: dir, encoding: 'utf8', env });
  const missing = launch(['--version']);
  assert.is(missing.status, 2);
  assert.is(missing.stdout, '');
  assert.is(missing.stderr, `unattend-lint: cannot read ${join(dir, 'cli.cjs')} (ENOENT); install unattend-lint again\n`);
  writeFileSync(join(dir, 'cli.cjs'), 'function (');
  const damaged = launch(['--version']);
  assert.is(damaged.status, 2);
  assert.match(damaged.stderr, /^unattend-lint: \S+cli\.cjs is damaged \([^\n]+\); install unattend-lint again\n$/);
  const debug = launch(['--debug', '--version']);
  assert.is(debug.status, 2);
  assert.match(debug.stderr, /is damaged[^\n]*\n[\s\S]*\n\s+at /);
});

test('the bundle alone reports its version and has a shebang', () => {
  assert.is(run(ALONE, ['--version'], tmpdir()).stdout, `${VERSION}\n`);
  assert.ok(readFileSync(ALONE, 'utf8').startsWith('#!/usr/bin/env node\n'));
});

test('the bundle alone finds what the compiled CLI finds, in JSON and SARIF (rule metadata from the knowledge base)', () => {
  for (const format of ['json', 'sarif']) {
    const args = ['--no-config-lookup', '--format', format, 'fixtures/examples', 'fixtures/rules/time-zone'];
    const bundled = run(ALONE, args);
    const compiled = run(CLI, args);
    assert.is(bundled.code, 1, bundled.stderr);
    assert.is(bundled.stderr, compiled.stderr);
    assert.ok(bundled.stdout.length > 1000);
    assert.fixture(bundled.stdout, compiled.stdout);
  }
});

test('the bundle alone reads YAML configs and validates rule options (its bundled cosmiconfig and ajv)', () => {
  const file = join(FIXTURES, 'examples', 'sysprep-unattend.xml');
  const dir = tempDir('unattend-lint-bundle-config-');
  copyFileSync(file, join(dir, 'sysprep-unattend.xml'));
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  write('.unattendlintrc.yaml', 'extends: unattend-lint:recommended\nrules:\n  mixed-architecture: "off"\n');
  const withYaml = run(ALONE, ['--format', 'json', 'sysprep-unattend.xml'], dir);
  const ids = (JSON.parse(withYaml.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId);
  assert.ok(ids.includes('template-placeholder') && !ids.includes('mixed-architecture'), ids.join());
  write('.unattendlintrc.yaml', 'rules:\n  template-placeholder: [error, { nope: 1 }]\n');
  const bad = run(ALONE, ['sysprep-unattend.xml'], dir);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /template-placeholder.*unknown key "nope"/);
});

test('importing the bundle gives the API and does not run the CLI', async () => {
  const api = (await import(pathToFileURL(ALONE).href)) as typeof import('../src/index.js');
  const text = readFileSync(join(FIXTURES, 'examples', 'sysprep-unattend.xml'));
  const result = await api.lintText(text, 'sysprep-unattend.xml', { noConfigLookup: true });
  assert.ok(result.messages.some((m) => m.ruleId === 'pass-name'));
  assert.is(typeof api.defineRule, 'function');
});

test.run();
