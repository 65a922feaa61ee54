// Tests: finding config files (upward search, nearest wins, formats), --config, --no-config-lookup, unreadable files.
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createConfigLoader } from '../src/config/index.js';
import { assertConfigError, fakeRules, fixture, project } from './config-fakes.js';

const loader = (extra: Partial<Parameters<typeof createConfigLoader>[0]> = {}) =>
  createConfigLoader({ cwd: fixture(), builtinRules: fakeRules, ...extra });

test('no config anywhere above the file: unattend-lint:recommended, basePath = cwd', async () => {
  const dir = project();
  const config = await createConfigLoader({ cwd: dir, builtinRules: fakeRules }).forFile(path.join(dir, 'a.xml'));
  assert.is(config.configFile, undefined);
  assert.is(config.basePath, dir);
  assert.equal(config.rules.get('envelope'), { severity: 2, options: {} });
  assert.equal(config.rules.get('duplicate-setting'), { severity: 1, options: { ignoreCase: false } });
  assert.equal(config.rules.get('mixed-architecture'), { severity: 0, options: { allow: [] } });
  assert.equal(config.rules.get('template-placeholder')?.options, { patterns: ['CHANGEME'], caseSensitive: false });
});

test('searches upward from the file directory and the nearest config wins', async () => {
  const configs = loader();
  const top = await configs.forFile(fixture('nested', 'unattend.xml'));
  assert.is(top.configFile, fixture('nested', '.unattendlintrc.json'));
  assert.is(top.basePath, fixture('nested'));
  assert.is(top.rules.get('duplicate-setting')?.severity, 2);

  const deep = await configs.forFile(fixture('nested', 'sub', 'deeper', 'still', 'unattend.xml'));
  assert.is(deep.configFile, fixture('nested', 'sub', '.unattendlintrc.yaml'));
  assert.is(deep.rules.get('envelope')?.severity, 1);
  assert.is(deep.rules.get('duplicate-setting')?.severity, 1, 'no cascading from the parent config: the recommended severity, not its "error"');
  assert.equal(deep.settings, {});
});

test('a path relative to cwd is resolved against cwd', async () => {
  const config = await loader().forFile('nested/sub/unattend.xml');
  assert.is(config.configFile, fixture('nested', 'sub', '.unattendlintrc.yaml'));
});

test('reads package.json#unattendlint and JS configs', async () => {
  const configs = loader();
  const pkg = await configs.forFile(fixture('pkg-json', 'unattend.xml'));
  assert.is(pkg.configFile, fixture('pkg-json', 'package.json'));
  assert.is(pkg.rules.get('envelope')?.severity, 1);
  const js = await configs.forFile(fixture('js-config', 'unattend.xml'));
  assert.equal(js.rules.get('mixed-architecture'), { severity: 2, options: { allow: ['amd64'] } });
  assert.is(js.rules.get('pass-name')?.severity, 2);
});

test('a package.json without the key is skipped by the search', async () => {
  const dir = project({ '.unattendlintrc': 'rules:\n  pass-name: warn\n', 'pkg/package.json': '{ "name": "x" }' });
  const config = await createConfigLoader({ cwd: dir, builtinRules: fakeRules }).forFile(path.join(dir, 'pkg', 'a.xml'));
  assert.is(config.configFile, path.join(dir, '.unattendlintrc'));
  assert.is(config.rules.get('pass-name')?.severity, 1);
});

test('a config without extends starts from unattend-lint:recommended; "extends": [] starts from nothing', async () => {
  const dir = project({ 'empty/.unattendlintrc.json': '', 'rules/.unattendlintrc.json': '{"rules":{"envelope":"warn"}}', 'none/.unattendlintrc.json': '{"extends":[],"rules":{"envelope":"warn"}}' });
  const configs = createConfigLoader({ cwd: dir, builtinRules: fakeRules });
  const severities = async (sub: string) => {
    const config = await configs.forFile(path.join(dir, sub, 'a.xml'));
    assert.is(config.configFile, path.join(dir, sub, '.unattendlintrc.json'));
    return Object.fromEntries([...config.rules].map(([id, r]) => [id, r.severity]));
  };
  const recommended = { envelope: 2, 'pass-name': 2, 'duplicate-setting': 1, 'mixed-architecture': 0, 'template-placeholder': 1 };
  assert.equal(await severities('empty'), recommended, 'an empty file');
  assert.equal(await severities('rules'), { ...recommended, envelope: 1 }, 'only rules: the others keep their recommended severity');
  assert.equal(await severities('none'), { envelope: 1, 'pass-name': 0, 'duplicate-setting': 0, 'mixed-architecture': 0, 'template-placeholder': 0 });
});

test('an extended file without extends adds no recommended layer of its own', async () => {
  const dir = project({
    '.unattendlintrc.json': '{"extends":["unattend-lint:all","./strict.json","./base.json"]}',
    'strict.json': '{"rules":{"duplicate-setting":"error"}}',
    'base.json': '{"rules":{"envelope":"warn"}}',
  });
  const config = await createConfigLoader({ cwd: dir, builtinRules: fakeRules }).forFile(path.join(dir, 'a.xml'));
  assert.is(config.rules.get('duplicate-setting')?.severity, 2, 'base.json does not reset it to the recommended warn');
  assert.is(config.rules.get('mixed-architecture')?.severity, 1, 'from unattend-lint:all');
  assert.is(config.rules.get('envelope')?.severity, 1);
});

test('--config overrides the lookup for every file; basePath is its directory', async () => {
  const configs = loader({ configFile: 'nested/sub/.unattendlintrc.yaml' });
  const config = await configs.forFile(fixture('nested', 'unattend.xml'));
  assert.is(config.configFile, fixture('nested', 'sub', '.unattendlintrc.yaml'));
  assert.is(config.basePath, fixture('nested', 'sub'));
});

test('--no-config-lookup uses the defaults plus --rule', async () => {
  const configs = loader({ noConfigLookup: true, cliRules: ['envelope: off'] });
  const config = await configs.forFile(fixture('nested', 'unattend.xml'));
  assert.is(config.configFile, undefined);
  assert.is(config.basePath, fixture());
  assert.is(config.rules.get('envelope')?.severity, 0);
  assert.is(config.rules.get('pass-name')?.severity, 2);
});

test('a missing --config path is a ConfigError naming it', async () => {
  const error = await assertConfigError(
    () => loader({ configFile: 'nope/.unattendlintrc.json' }).forFile(fixture('nested', 'unattend.xml')),
    'nope/.unattendlintrc.json',
    'not found',
  );
  assert.is(error.filePath, fixture('nope', '.unattendlintrc.json'));
});

const unreadable: [string, string[]][] = [
  ['bad-json', ['bad-json/.unattendlintrc.json: invalid JSON at line 4, column 3']],
  ['bad-yaml', ['bad-yaml/.unattendlintrc.yml: invalid YAML at line 3', 'missed comma']],
  ['bad-js', ['bad-js/unattendlint.config.mjs: syntax error: Unexpected token']],
];
for (const [dir, fragments] of unreadable) {
  test(`an unreadable config (${dir}) is a ConfigError with file and position, no code frame`, async () => {
    await assertConfigError(() => loader().forFile(fixture(dir, 'unattend.xml')), ...fragments);
  });
}

test('a package.json that is not JSON: the same message as other JSON configs, with line and column', async () => {
  const dir = project({ 'package.json': '{\n  "name": "x",\n  "unattendlint": { "rules": {}, }\n}\n' });
  const error = await assertConfigError(
    () => createConfigLoader({ cwd: dir, builtinRules: fakeRules }).forFile(path.join(dir, 'a.xml')),
    'package.json: invalid JSON at line 3, column 34: expected double-quoted property name',
  );
  assert.not.match(error.message, /JSON Error in|\n/);
});

test('a config that is not a tree of data: one that holds itself, nests too deep or expands past the limit through aliases', async () => {
  const laughs = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  const cases: [string, string][] = [
    ['settings:\n  a: &a [*a]\n', 'holds itself (a YAML alias inside its own anchor'],
    [`settings:\n${laughs.map((l) => `  ${l}`).join('\n')}\n`, 'holds more than 100,000 values once its YAML aliases are expanded'],
  ];
  for (const [yaml, fragment] of cases) {
    const dir = project({ '.unattendlintrc.yml': yaml });
    await assertConfigError(() => createConfigLoader({ cwd: dir, builtinRules: fakeRules }).forFile(path.join(dir, 'a.xml')), '.unattendlintrc.yml: the config ', fragment);
  }
  // A JS config that refers to itself, and one nested past the limit.
  const js = project({ 'unattendlint.config.mjs': 'const c = { settings: {} }; c.settings.self = c; export default c;\n' });
  await assertConfigError(() => createConfigLoader({ cwd: js, builtinRules: fakeRules }).forFile(path.join(js, 'a.xml')), 'unattendlint.config.mjs: the config holds itself');
  const deep = project({ 'unattendlint.config.mjs': 'let v = 1; for (let i = 0; i < 150; i++) v = [v]; export default { settings: { v } };\n' });
  await assertConfigError(() => createConfigLoader({ cwd: deep, builtinRules: fakeRules }).forFile(path.join(deep, 'a.xml')), 'the config nests values more than 100 levels deep');
  // Shared values within the limits are data like any other.
  const shared = project({ '.unattendlintrc.yml': 'settings:\n  a: &x { k: 1 }\n  b: *x\n' });
  const config = await createConfigLoader({ cwd: shared, builtinRules: fakeRules }).forFile(path.join(shared, 'a.xml'));
  assert.equal((config.settings as Record<string, unknown>).b, { k: 1 });
});

test('a config that is not an object', async () => {
  const dir = project({ '.unattendlintrc.json': '["envelope"]' });
  await assertConfigError(
    () => createConfigLoader({ cwd: dir, builtinRules: fakeRules }).forFile(path.join(dir, 'a.xml')),
    '.unattendlintrc.json: a config must be an object, got a list',
  );
});

test('unknown top-level key with a did-you-mean', async () => {
  await assertConfigError(
    () => loader().forFile(fixture('unknown-key', 'unattend.xml')),
    'unknown-key/.unattendlintrc.json: unknown key "rule" in config; did you mean "rules"?',
  );
});

test('shape errors name the place: overrides without files, bad targetVersion', async () => {
  const dir = project();
  const file = path.join(dir, '.unattendlintrc.json');
  const configs = () => createConfigLoader({ cwd: dir, builtinRules: fakeRules });
  fs.writeFileSync(file, JSON.stringify({ overrides: [{ rules: {} }] }));
  await assertConfigError(() => configs().forFile(path.join(dir, 'a.xml')), "config.overrides[0] must have required property 'files'");
  fs.writeFileSync(file, JSON.stringify({ settings: { targetVersion: 'windows-12' } }));
  await assertConfigError(
    () => configs().forFile(path.join(dir, 'a.xml')),
    'config.settings.targetVersion is "windows-12"; expected a release id such as "windows-10", "windows-10-1809", "windows-11" or "windows-11-24h2", or a build number',
  );
  fs.writeFileSync(file, JSON.stringify({ ignores: 'build' }));
  await assertConfigError(() => configs().forFile(path.join(dir, 'a.xml')), 'config.ignores must be a list');
});

test('configs are cached per directory and per file', async () => {
  const configs = loader();
  const a = await configs.forFile(fixture('nested', 'a.xml'));
  const b = await configs.forFile(fixture('nested', 'b.xml'));
  assert.is(a, b, 'same config file and same matching overrides share one result');
});

test.run();
