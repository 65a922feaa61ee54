// The Node entry around the core (src/index.ts): a long-lived linter that reads each config once and reads it again
// after invalidate(path), lintText and lintFiles that keep a linter per set of options, and process touched only by
// the CLI.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { createLinter, FORMAT_NAMES, invalidate, lintFiles, lintText, loadReporter, ConfigError } from '../src/index.js';
import * as entry from '../src/index.js';
import * as core from '../src/core.js';
import { FIXTURES, ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

const FIXTURE = join(FIXTURES, 'examples', 'sysprep-unattend.xml');
const TEXT = readFileSync(FIXTURE, 'utf8');

/** A project directory holding the fixture as a.xml and sub/b.xml, with the given config files. */
function project(files: Record<string, string>): { dir: string; write(name: string, text: string): string } {
  const dir = tempDir('unattend-lint-entry-');
  mkdirSync(join(dir, 'sub'));
  copyFileSync(FIXTURE, join(dir, 'a.xml'));
  copyFileSync(FIXTURE, join(dir, 'sub', 'b.xml'));
  const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
  for (const [name, text] of Object.entries(files)) write(name, text);
  return { dir, write };
}

const rules = (config: Record<string, unknown>) => JSON.stringify({ rules: config });
const ids = (r: { messages: { ruleId: string | null }[] }) => new Set(r.messages.map((m) => m.ruleId));

test('a long-lived linter reads a config once, and again after invalidate(path) names it', async () => {
  const { dir, write } = project({ '.unattendlintrc.json': rules({ 'pass-name': 'off' }) });
  const linter = createLinter({ cwd: dir });
  assert.not.ok(ids(await linter.lintText(TEXT, 'a.xml')).has('pass-name'));
  const config = write('.unattendlintrc.json', rules({ 'pass-name': 'error', 'duplicate-setting': 'off' }));
  const cached = await linter.lintText(TEXT, 'a.xml');
  assert.not.ok(ids(cached).has('pass-name'), 'the config was read once');
  assert.ok(ids(cached).has('duplicate-setting'));
  linter.invalidate(config);
  const fresh = await linter.lintText(TEXT, 'a.xml');
  assert.ok(ids(fresh).has('pass-name'), 'the edited config applies');
  assert.not.ok(ids(fresh).has('duplicate-setting'));
  // A relative path is taken from the linter's cwd.
  write('.unattendlintrc.json', rules({ 'pass-name': 'off' }));
  linter.invalidate('.unattendlintrc.json');
  assert.not.ok(ids(await linter.lintText(TEXT, 'a.xml')).has('pass-name'));
});

test('invalidate finds configs made or removed below a directory, and what a config extends', async () => {
  const { dir, write } = project({ '.unattendlintrc.json': JSON.stringify({ extends: './base.json' }), 'base.json': rules({ 'pass-name': 'off' }) });
  const linter = createLinter({ cwd: dir });
  assert.not.ok(ids(await linter.lintText(TEXT, 'sub/b.xml')).has('pass-name'));
  // A config made in sub/ applies there once the directory is invalidated.
  const sub = write('sub/.unattendlintrc.json', rules({ 'pass-name': 'warn', 'order-unique': 'off' }));
  assert.not.ok(ids(await linter.lintText(TEXT, 'sub/b.xml')).has('pass-name'));
  linter.invalidate(join(dir, 'sub'));
  const inSub = await linter.lintText(TEXT, 'sub/b.xml');
  assert.ok(ids(inSub).has('pass-name') && !ids(inSub).has('order-unique'));
  assert.not.ok(ids(await linter.lintText(TEXT, 'a.xml')).has('pass-name'), 'the parent directory keeps its config');
  // Removed again: the parent's config applies in sub/ once more.
  rmSync(sub);
  linter.invalidate(sub);
  assert.not.ok(ids(await linter.lintText(TEXT, 'sub/b.xml')).has('pass-name'));
  // An edit to the extended file reaches the config that extends it.
  const base = write('base.json', rules({ 'pass-name': 'error' }));
  assert.not.ok(ids(await linter.lintText(TEXT, 'a.xml')).has('pass-name'));
  linter.invalidate(base);
  assert.ok(ids(await linter.lintText(TEXT, 'a.xml')).has('pass-name'));
});

test('a broken config keeps failing until it is mended and invalidated', async () => {
  const { dir, write } = project({ '.unattendlintrc.json': '{ "rules": ' });
  const linter = createLinter({ cwd: dir });
  const fails = async () => {
    try {
      await linter.lintText(TEXT, 'a.xml');
      return false;
    } catch (error) {
      assert.instance(error, ConfigError);
      return true;
    }
  };
  assert.ok(await fails());
  const config = write('.unattendlintrc.json', rules({ 'pass-name': 'off' }));
  assert.ok(await fails(), 'still the config as first read');
  linter.invalidate(config);
  assert.not.ok(await fails());
});

test('lintText and lintFiles keep one linter per set of options: a config is read once, until invalidate', async () => {
  const { dir, write } = project({ '.unattendlintrc.json': rules({ 'pass-name': 'off' }) });
  const opts = { cwd: dir, rules: ['order-unique: off'] };
  assert.not.ok(ids(await lintText(TEXT, 'a.xml', opts)).has('pass-name'));
  const config = write('.unattendlintrc.json', rules({ 'pass-name': 'error' }));
  assert.not.ok(ids(await lintText(TEXT, 'a.xml', { ...opts })).has('pass-name'), 'the same options reuse the linter');
  const [viaFiles] = (await lintFiles(['a.xml'], { ...opts })).results;
  assert.not.ok(ids(viaFiles!).has('pass-name'), 'lintFiles shares it');
  assert.ok(ids(await lintText(TEXT, 'a.xml', { cwd: dir })).has('pass-name'), 'other options, another linter that reads the config now');
  invalidate(config);
  const fresh = await lintText(TEXT, 'a.xml', opts);
  assert.ok(ids(fresh).has('pass-name') && !ids(fresh).has('order-unique'));
});

test('a long-lived linter lints files and globs as lintFiles does', async () => {
  const { dir } = project({});
  const linter = createLinter({ cwd: dir, noConfigLookup: true });
  const { results, errors } = await linter.lintFiles(['.', 'missing.xml']);
  assert.equal(results.map((r) => relative(dir, r.filePath)).sort(), ['a.xml', join('sub', 'b.xml')]);
  assert.equal(errors, ['no such file or directory: missing.xml']);
  assert.ok(results.every((r) => ids(r).has('pass-name')));
});

test('the Node entry loads every format on demand, gitlab too, which the core leaves out', async () => {
  assert.not.ok('gitlab' in core);
  assert.equal(FORMAT_NAMES, ['text', 'json', 'sarif', 'compact', 'github', 'gitlab', 'checkstyle', 'junit']);
  // The core's reporters are the ones loaded; the entry itself exports none, so a run evaluates only its format.
  for (const name of FORMAT_NAMES.filter((n) => n !== 'gitlab')) assert.is(await loadReporter(name), (core as Record<string, unknown>)[name], name);
  assert.not.ok('json' in entry || 'text' in entry);
  assert.is(await loadReporter('toString'), undefined);
  const gitlab = (await loadReporter('gitlab'))!;
  const { dir } = project({});
  const result = await createLinter({ cwd: dir, noConfigLookup: true }).lintText(TEXT, join(dir, 'a.xml'));
  const issues = JSON.parse(gitlab([result], { cwd: dir, rules: new Map(), color: false, toolVersion: '0.0.0' })) as { fingerprint: string; location: { path: string } }[];
  assert.ok(issues.length > 3, `${issues.length} issues`);
  assert.ok(issues.every((i) => /^[0-9a-f]{32}$/.test(i.fingerprint) && i.location.path === 'a.xml'));
});

test('only the CLI touches process: no other module under src/ or rules/ names it', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
    });
  const uses: string[] = [];
  for (const file of [...files(join(ROOT, 'src')), ...files(join(ROOT, 'rules'))]) {
    const name = relative(ROOT, file).split('\\').join('/');
    if (name === 'src/cli.ts') continue;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      // `process` as a name of its own, not as the property of something else (`x.process`, `{ process: 1 }`).
      const parent = node.parent;
      const isMember = parent && (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node;
      if (ts.isIdentifier(node) && node.text === 'process' && !isMember) {
        uses.push(`${name}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  assert.equal(uses, []);
});

test.run();
