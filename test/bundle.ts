// The committed bundle (bin and exports of the package) is what the sources build, and runs on its own: no
// node_modules, no kb/data, no package.json beside it, with the same findings as the compiled CLI.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, BUNDLE, buildBundle, LIB, staleBundleFiles } from '../scripts/bundle.js';
import { CLI } from './helpers/cli.js';
import { FIXTURES, ROOT } from './helpers/paths.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The committed bundle (its entry and bundle/lib) copied alone into an empty directory, away from the repository. */
const ALONE_DIR = mkdtempSync(join(tmpdir(), 'unattend-lint-bundle-'));
const ALONE = join(ALONE_DIR, 'unattend-lint.mjs');
copyFileSync(join(ROOT, BUNDLE), ALONE);
copyFileSync(join(ROOT, BIN), join(ALONE_DIR, 'bin.mjs'));
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
  for (const [file, text] of files) if (file.endsWith('.mjs')) assert.not.match(text, /[^\x00-\x7f]/, file);
});

test('the installed command (bundle/bin.mjs) turns on the compile cache where the runtime has one, then runs the CLI once', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  assert.equal(pkg.bin, { 'unattend-lint': BIN });
  // A runtime with the cache (Node 22.1 and later) is stood in for by a preload that records the call.
  const spy = `data:text/javascript,${encodeURIComponent("import m from 'node:module'; m.enableCompileCache = () => { process.stderr.write('cache on\\n'); return { status: 0 }; };")}`;
  const r = spawnSync(process.execPath, ['--import', spy, join(ALONE_DIR, 'bin.mjs'), '--no-config-lookup', join(FIXTURES, 'examples', 'sysprep-unattend.xml')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.is(r.stderr, 'cache on\n');
  assert.is(r.status, 1);
  assert.is(r.stdout.match(/✖ \d+ problems/g)?.length, 1, 'the report is printed once');
  const plain = run(join(ALONE_DIR, 'bin.mjs'), ['--version']);
  assert.is(plain.stdout, `${VERSION}\n`, plain.stderr);
  assert.is(plain.code, 0);
  assert.ok(readFileSync(join(ROOT, BIN), 'utf8').startsWith('#!/usr/bin/env node\n'));
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
  const dir = mkdtempSync(join(tmpdir(), 'unattend-lint-bundle-config-'));
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
