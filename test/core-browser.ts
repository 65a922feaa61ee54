// The portable core built for a browser (esbuild --platform=browser, one ES module) runs where there is no Node: in a
// fresh V8 context that has the ECMAScript built-ins and the few Web APIs browsers and workers share, and no process,
// require, Buffer or console. It lints as the Node build does, fixture for fixture.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import vm from 'node:vm';
import { transform } from 'esbuild';
import { buildCore } from '../scripts/core-build.js';
import * as core from '../src/core.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { DATA_FILES } from '../src/kb/data-format.js';
import { FIXTURES, ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

/** What a browser page or a web worker has beyond ECMAScript and the core may use (src/web-globals.d.ts). */
const WEB_GLOBALS = { TextDecoder, TextEncoder, URL, structuredClone, atob };

/** A fresh context holding only the Web globals, with the built ES module evaluated in it as `core`. */
async function load(code: string): Promise<vm.Context> {
  // vm runs scripts; the module's exports become a global object (the module's own code is unchanged).
  const script = (await transform(code, { format: 'iife', globalName: 'core', target: 'es2022' })).code;
  const context = vm.createContext({ ...WEB_GLOBALS });
  vm.runInContext(script, context, { timeout: 30_000 });
  return context;
}

/** Runs `source` in the context with `inputs` as globals; returns what it evaluates to, via JSON. */
function run<T>(context: vm.Context, inputs: Record<string, unknown>, source: string): T {
  Object.assign(context, { inputs: JSON.stringify(inputs) });
  return JSON.parse(vm.runInContext(`(() => { const inputs = JSON.parse(globalThis.inputs); return JSON.stringify((() => { ${source} })()); })()`, context, { timeout: 60_000 }) as string) as T;
}

const built = buildCore();
const browser = built.then((b) => load(b.code));

const xmlFiles = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? xmlFiles(path) : name.endsWith('.xml') ? [path] : [];
    });

const bytesOf = (file: string): number[] => [...readFileSync(file)];
const SYSPREP = join(FIXTURES, 'examples', 'sysprep-unattend.xml');
const CLEAN = join(FIXTURES, 'examples', 'autounattend-uefi.xml');

// Lints the files in the context with the recommended rules and the embedded knowledge base; JSON and SARIF reports.
const LINT = `
  const rules = core.presetRules(inputs.preset, core.builtinRules);
  const kb = inputs.kbFiles ? core.knowledgeBaseFromFiles(inputs.kbFiles) : core.embeddedKnowledgeBase();
  const results = inputs.files.map((f) => core.lintSource(new Uint8Array(f.bytes), { filePath: f.path, rules, kb }));
  const ctx = { cwd: inputs.cwd, rules: new Map(core.builtinRules.map((r) => [r.meta.id, r.meta])), color: false, toolVersion: '0.0.0' };
  return { results, json: core.json(results, ctx), sarif: core.sarif(results, ctx), text: core.text(results, ctx) };
`;

interface Linted {
  results: core.FileResult[];
  json: string;
  sarif: string;
  text: string;
}

test('the browser build is one module with no imports and no Node built-in among its inputs', async () => {
  const { code, metafile } = await built;
  const output = Object.values(metafile.outputs)[0]!;
  assert.equal(output.imports, [], 'no import left in the module');
  const inputs = Object.keys(metafile.inputs);
  assert.ok(inputs.includes('src/core.ts') && inputs.some((i) => i.startsWith('rules/')), inputs.slice(0, 5).join());
  // The embedded knowledge base is the one input that is no file; picocolors comes as its browser file, the one of
  // its package's "browser" field, which needs no Node API.
  assert.equal(inputs.filter((i) => /^(node:|<)|picocolors|ajv|cosmiconfig|gitlab/.test(i)).sort(), [
    '<define:UNATTEND_LINT_KB_DATA>',
    'node_modules/picocolors/picocolors.browser.js',
  ]);
  assert.not.match(code, /\bprocess\.|\bBuffer\.|require\("(node:)?[a-z]/);
});

test('the browser build has no gitlab reporter, and its text report has no terminal styles even when asked for', async () => {
  const context = await browser;
  assert.is(run<string>(context, {}, 'return typeof core.gitlab;'), 'undefined');
  assert.is(run<string>(context, {}, 'return typeof core.text;'), 'function');
  const colored = run<string>(context, { files: [{ path: SYSPREP, bytes: bytesOf(SYSPREP) }] }, `
    const rules = core.presetRules('recommended', core.builtinRules);
    const results = inputs.files.map((f) => core.lintSource(new Uint8Array(f.bytes), { filePath: f.path, rules, kb: core.embeddedKnowledgeBase() }));
    return core.text(results, { cwd: '/', rules: new Map(), color: true, toolVersion: '0.0.0' });
  `);
  assert.match(colored, /11:21 {2}error/);
  assert.not.match(colored, /\x1b/);
  // The Node build styles the same report.
  const node = core.lintSource(readFileSync(SYSPREP), { filePath: SYSPREP, rules: core.presetRules('recommended', core.builtinRules), kb: loadKnowledgeBase() });
  assert.match(core.text([node], { cwd: '/', rules: new Map(), color: true, toolVersion: '0.0.0' }), /\x1b\[/);
});

test('the browser build lints a fixture with findings: the rule ids and positions the Node build reports', async () => {
  const context = await browser;
  const linted = run<Linted>(context, { preset: 'recommended', cwd: join(FIXTURES, 'examples'), files: [{ path: SYSPREP, bytes: bytesOf(SYSPREP) }] }, LINT);
  const found = linted.results[0]!.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn]);
  assert.equal(found, [
    ['template-placeholder', 11, 21, 11, 35],
    ['mixed-architecture', 14, 75, 14, 78],
    ['list-action-missing', 20, 10, 20, 31],
    ['order-unique', 21, 18, 21, 19],
    ['pass-name', 27, 19, 27, 29],
    ['duplicate-setting', 34, 8, 34, 16],
  ]);
  const node = core.lintSource(readFileSync(SYSPREP), { filePath: SYSPREP, rules: core.presetRules('recommended', core.builtinRules), kb: loadKnowledgeBase() });
  assert.equal(linted.results[0]!.messages, JSON.parse(JSON.stringify(node.messages)));
  assert.match(linted.text, /sysprep-unattend\.xml\n {2}11:21 {2}error/);
});

test('the browser build lints a file as a stream from any byte reader, with the findings of its whole bytes', async () => {
  const context = await browser;
  const same = run<boolean>(context, { files: [{ path: SYSPREP, bytes: bytesOf(SYSPREP) }] }, `
    const rules = core.presetRules('recommended', core.builtinRules);
    const kb = core.embeddedKnowledgeBase();
    const bytes = new Uint8Array(inputs.files[0].bytes);
    const reader = { size: bytes.length, read: (buffer, at) => { const part = bytes.subarray(at, at + buffer.length); buffer.set(part); return part.length; } };
    const streamed = core.lintStream(reader, { filePath: 'x.xml', rules, kb, chunkBytes: 64 });
    const whole = core.lintSource(bytes, { filePath: 'x.xml', rules, kb });
    return streamed.source === undefined && streamed.messages.length === 6 && JSON.stringify(streamed.messages) === JSON.stringify(whole.messages);
  `);
  assert.is(same, true);
});

test('the browser build finds nothing in a clean fixture', async () => {
  const context = await browser;
  const linted = run<Linted>(context, { preset: 'recommended', cwd: ROOT, files: [{ path: CLEAN, bytes: bytesOf(CLEAN) }] }, LINT);
  assert.equal(linted.results[0]!.messages, []);
  assert.is(linted.results[0]!.errorCount + linted.results[0]!.warningCount, 0);
  assert.is(linted.text, '');
});

test('the browser build gives the JSON, SARIF and text reports the Node build gives, for every fixture and every rule', async () => {
  const context = await browser;
  const files = xmlFiles(FIXTURES);
  assert.ok(files.length > 300, `${files.length} fixtures`);
  const linted = run<Linted>(context, { preset: 'all', cwd: ROOT, files: files.map((path) => ({ path, bytes: bytesOf(path) })) }, LINT);
  const rules = core.presetRules('all', core.builtinRules);
  const kb = loadKnowledgeBase();
  const results = files.map((path) => core.lintSource(readFileSync(path), { filePath: path, rules, kb }));
  const ctx = { cwd: ROOT, rules: new Map(core.builtinRules.map((r) => [r.meta.id, r.meta])), color: false, toolVersion: '0.0.0' };
  assert.ok(results.reduce((n, r) => n + r.messages.length, 0) > 500, 'the fixtures have findings');
  const differing = files.filter((_, i) => JSON.stringify(linted.results[i]) !== JSON.stringify(results[i]));
  assert.equal(differing.map((f) => relative(ROOT, f)), [], 'files linted differently');
  assert.fixture(linted.json, core.json(results, ctx));
  assert.fixture(linted.sarif, core.sarif(results, ctx));
  assert.fixture(linted.text, core.text(results, ctx));
});

test('the browser build reads the knowledge base from data files the caller passes', async () => {
  const { code } = await buildCore({ knowledgeBase: false });
  const context = await load(code);
  const kbFiles = Object.fromEntries(Object.values(DATA_FILES).map((f) => [f, readFileSync(join(ROOT, 'kb', 'data', f), 'utf8')]));
  assert.is(run<boolean>(context, {}, 'return core.embeddedKnowledgeBase() === undefined;'), true);
  const linted = run<Linted>(context, { preset: 'recommended', cwd: ROOT, kbFiles, files: [{ path: SYSPREP, bytes: bytesOf(SYSPREP) }] }, LINT);
  assert.equal(linted.results[0]!.messages.map((m) => m.ruleId), ['template-placeholder', 'mixed-architecture', 'list-action-missing', 'order-unique', 'pass-name', 'duplicate-setting']);
  const missing = run<string>(context, {}, `try { core.knowledgeBaseFromFiles({}).component('Microsoft-Windows-Shell-Setup'); return 'read'; } catch (e) { return e.message; }`);
  assert.is(missing, 'cannot read the knowledge base file components.json: no such file');
});

test('the example of docs/core.md runs in the browser build', async () => {
  const context = await browser;
  const doc = readFileSync(join(ROOT, 'docs', 'core.md'), 'utf8');
  const example = /```js\nimport \* as core from '\.\/unattend-lint-core\.mjs';\n([^`]*)```/.exec(doc);
  assert.ok(example, 'the example is in docs/core.md');
  Object.assign(context, { xmlText: readFileSync(SYSPREP, 'utf8') });
  const report = vm.runInContext(`{ ${example[1]}\n report; }`, context) as string;
  assert.match(report, /^autounattend\.xml\n {2}11:21 {2}error +template placeholder/);
  assert.match(report, /27:19 {2}error +pass "oobesystem" .* {2}pass-name \(fixable\)\n/);
});

test('the check fails when the core reaches a Node API: at build time for a module, at run time for a global', async () => {
  // Entries that are the core plus one Node API each, as a module the core imported or a global it used would be.
  const dir = tempDir('unattend-lint-core-');
  const entry = (name: string, body: string): string => {
    writeFileSync(join(dir, name), `export * from ${JSON.stringify(join(ROOT, 'src', 'core.ts'))};\n${body}\n`);
    return join(dir, name);
  };
  const withModule = buildCore({ entry: entry('module.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;"), knowledgeBase: false });
  await withModule.then(
    () => assert.unreachable('a node: import must not build for the browser'),
    (error: Error) => assert.match(error.message, /node:fs/),
  );
  const globals = entry('globals.ts', 'export const size = (s: string) => Buffer.byteLength(s);\nexport const argv = () => process.argv;');
  const context = await load((await buildCore({ entry: globals, knowledgeBase: false })).code);
  assert.throws(() => run(context, {}, 'return core.size("x");'), /Buffer is not defined/);
  assert.throws(() => run(context, {}, 'return core.argv();'), /process is not defined/);
});

test.run();
