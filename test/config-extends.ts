// Tests: extends (presets, a chain of files in JSON and YAML, packages), precedence, and cycles.
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createConfigLoader } from '../src/config/index.js';
import { assertConfigError, fakeRules, fixture, project } from './config-fakes.js';

const loader = () => createConfigLoader({ cwd: fixture(), builtinRules: fakeRules });


test('presets: recommended skips recommended:false, all enables every rule at its severity', async () => {
  const dir = project({ 'rec/.unattendlintrc.json': '{"extends":"unattend-lint:recommended"}', 'all/.unattendlintrc.json': '{"extends":"unattend-lint:all"}' });
  const configs = createConfigLoader({ cwd: dir, builtinRules: fakeRules });
  const recommended = await configs.forFile(path.join(dir, 'rec', 'a.xml'));
  const all = await configs.forFile(path.join(dir, 'all', 'a.xml'));
  assert.is(recommended.rules.get('mixed-architecture')?.severity, 0);
  assert.is(all.rules.get('mixed-architecture')?.severity, 1);
  assert.is(all.rules.get('envelope')?.severity, 2);
  assert.is(recommended.rules.get('duplicate-setting')?.severity, 1);
});

test('a chain of files: later entries and the own rules win; severity-only keeps options', async () => {
  const config = await loader().forFile(fixture('extends-chain', 'unattend.xml'));
  assert.is(config.configFile, fixture('extends-chain', '.unattendlintrc.json'));
  assert.is(config.rules.get('mixed-architecture')?.severity, 1, 'from unattend-lint:all at the bottom');
  assert.equal(config.rules.get('duplicate-setting'), { severity: 2, options: { ignoreCase: true } }, 'level1 over level2');
  assert.equal(config.rules.get('template-placeholder'), {
    severity: 2,
    options: { patterns: ['REPLACE_ME'], caseSensitive: false },
  });
  assert.is(config.rules.get('pass-name')?.severity, 1, 'own rules over extends');
  assert.equal(config.settings, { targetVersion: 22631 });
  assert.equal(config.ignores, ['scratch', 'drafts/**'], 'ignores of extended files, relative to the root config');
});

test('overrides of an extended file match relative to the root config', async () => {
  const config = await loader().forFile(fixture('extends-chain', 'lab', 'unattend.xml'));
  assert.is(config.rules.get('mixed-architecture')?.severity, 0);
});

test('an extends cycle is reported with its chain', async () => {
  await assertConfigError(
    () => loader().forFile(fixture('extends-cycle', 'unattend.xml')),
    'extends cycle: extends-cycle/a.json → extends-cycle/b.yaml → extends-cycle/a.json',
  );
  const dir = project({ '.unattendlintrc.json': '{"extends":"./.unattendlintrc.json"}' });
  await assertConfigError(
    () => createConfigLoader({ cwd: dir, builtinRules: fakeRules }).forFile(path.join(dir, 'a.xml')),
    'extends cycle: .unattendlintrc.json → .unattendlintrc.json',
  );
});

test('unknown preset and missing file', async () => {
  const dir = project({
    'preset/.unattendlintrc.json': '{"extends":"unattend-lint:recomended"}',
    'missing/.unattendlintrc.json': '{"extends":["./nope.json"]}',
    'package/.unattendlintrc.json': '{"extends":"unattend-lint-config-nope"}',
    'proto/.unattendlintrc.json': '{"extends":"unattend-lint:constructor"}',
  });
  const configs = createConfigLoader({ cwd: dir, builtinRules: fakeRules });
  // A name an object's prototype has is no preset either.
  await assertConfigError(() => configs.forFile(path.join(dir, 'proto', 'a.xml')), 'unknown preset "unattend-lint:constructor" in extends');
  await assertConfigError(
    () => configs.forFile(path.join(dir, 'preset', 'a.xml')),
    'preset/.unattendlintrc.json: unknown preset "unattend-lint:recomended" in extends; did you mean "unattend-lint:recommended"?',
  );
  await assertConfigError(() => configs.forFile(path.join(dir, 'missing', 'a.xml')), 'cannot find "./nope.json" to extend');
  await assertConfigError(() => configs.forFile(path.join(dir, 'package', 'a.xml')), 'cannot find "unattend-lint-config-nope" to extend');
});

test('errors in an extended file name that file', async () => {
  const dir = project({
    '.unattendlintrc.json': '{"extends":"./shared/base.yaml"}',
    'shared/base.yaml': 'rules:\n  envelope: [warn, { strict: true }]\n',
  });
  await assertConfigError(
    () => createConfigLoader({ cwd: dir, builtinRules: fakeRules }).forFile(path.join(dir, 'a.xml')),
    'shared/base.yaml: rule "envelope" takes no options',
  );
});

test('a package: JSON main, ESM-only exports, scoped, resolved from the config directory', async () => {
  const dir = project({
    'node_modules/unattend-lint-config-corp/package.json': '{"name":"unattend-lint-config-corp","main":"config.json"}',
    'node_modules/unattend-lint-config-corp/config.json': '{"extends":"unattend-lint:recommended","rules":{"envelope":"warn"}}',
    'node_modules/@corp/lab/package.json': '{"name":"@corp/lab","type":"module","exports":{".":{"import":"./index.js"},"./strict":{"import":"./strict.js"}}}',
    'node_modules/@corp/lab/index.js': 'export default { rules: { "pass-name": "off" }, settings: { targetVersion: "windows-10" } };',
    'node_modules/@corp/lab/strict.js': 'export default { rules: { "pass-name": "error" } };',
    'site/.unattendlintrc.json': '{"extends":["unattend-lint-config-corp","@corp/lab"]}',
    'strict/.unattendlintrc.json': '{"extends":["@corp/lab","@corp/lab/strict"]}',
  });
  const configs = createConfigLoader({ cwd: dir, builtinRules: fakeRules });
  const site = await configs.forFile(path.join(dir, 'site', 'a.xml'));
  assert.is(site.rules.get('envelope')?.severity, 1);
  assert.is(site.rules.get('duplicate-setting')?.severity, 1);
  assert.is(site.rules.get('pass-name')?.severity, 0);
  assert.equal(site.settings, { targetVersion: 'windows-10' });
  const strict = await configs.forFile(path.join(dir, 'strict', 'a.xml'));
  assert.is(strict.rules.get('pass-name')?.severity, 2);
});

test.run();
