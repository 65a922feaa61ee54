// Tests: loading plugins by path, object form and package; namespacing, validation and the rule registry.
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintSource } from '../src/engine/run.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import type { AnyRule } from '../src/engine/rule.js';
import { createConfigLoader } from '../src/config/index.js';
import { pluginName } from '../src/config/plugins.js';
import { assertConfigError, fakeRules, fixture, project } from './config-fakes.js';

const SAMPLE = 'plugin-sample/registered-organization';


const ruleModule = (id: string) =>
  `export default { rules: [{ meta: { id: ${JSON.stringify(id)}, severity: 'warn', messages: { m: () => 'm' } }, create: () => ({}) }] };`;

test('plugin names: object key, package without prefix, file base name', () => {
  assert.is(pluginName('./whatever.js', 'org'), 'org');
  assert.is(pluginName('unattend-lint-plugin-acme'), 'acme');
  assert.is(pluginName('@corp/unattend-lint-plugin-lab'), '@corp/lab');
  assert.is(pluginName('@corp/unattend-lint-plugin'), '@corp');
  assert.is(pluginName('some-package'), 'some-package');
  assert.is(pluginName('../plugin-sample'), 'plugin-sample');
  assert.is(pluginName('../plugin-sample/index.js'), 'plugin-sample');
  assert.is(pluginName('./rules/corp-policy.mjs'), 'corp-policy');
  assert.is(pluginName('./unattend-lint-plugin-x.js'), 'x');
});

test('the sample plugin by directory path: namespaced rule, plugin config, own options win', async () => {
  const configs = createConfigLoader({ cwd: fixture(), builtinRules: fakeRules });
  assert.not.ok(configs.rules().has(SAMPLE), 'not registered before a config loads it');
  const config = await configs.forFile(fixture('plugin', 'autounattend.xml'));
  const rule = configs.rules().get(SAMPLE);
  assert.ok(rule, 'registered');
  assert.is(rule!.meta.id, SAMPLE, 'meta.id carries the namespace');
  assert.ok(configs.rules().has('envelope'), 'built-ins stay in the registry');
  assert.equal(config.rules.get(SAMPLE), {
    severity: 1,
    options: { forbidden: ['Contoso', 'Northwind Traders'], ignoreCase: true },
  });
  assert.is(config.rules.get('envelope')?.severity, 2, 'recommended built-ins too');
});

test('object form names the plugin; defaults apply to its rule', async () => {
  const configs = createConfigLoader({ cwd: fixture(), builtinRules: fakeRules });
  const config = await configs.forFile(fixture('plugin-object', 'unattend.xml'));
  assert.equal(config.rules.get('org/registered-organization'), {
    severity: 1,
    options: { forbidden: ['Contoso', 'Fabrikam'], ignoreCase: true },
  });
  assert.not.ok(config.rules.has(SAMPLE));
});

test('plugin rules are known only where a config (or what it extends) loads the plugin', async () => {
  const dir = project({ '.unattendlintrc.json': JSON.stringify({ rules: { [SAMPLE]: 'warn' } }) });
  const configs = createConfigLoader({ cwd: dir, builtinRules: fakeRules });
  await configs.forFile(fixture('plugin', 'autounattend.xml'));
  await assertConfigError(() => configs.forFile(path.join(dir, 'a.xml')), `unknown rule "${SAMPLE}"`);
});

test('the sample rule reports a forbidden organisation through the public contract', async () => {
  const configs = createConfigLoader({ cwd: fixture(), builtinRules: fakeRules });
  const config = await configs.forFile(fixture('plugin', 'autounattend.xml'));
  const rule = configs.rules().get(SAMPLE) as AnyRule;
  const component = (name: string, body: string) =>
    `<component name="${name}" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">${body}</component>`;
  const text =
    '<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="specialize">' +
    component('Microsoft-Windows-Shell-Setup', '<RegisteredOrganization> northwind traders </RegisteredOrganization><RegisteredOwner>Contoso</RegisteredOwner>') +
    '</settings><settings pass="oobeSystem">' +
    component('Microsoft-Windows-Shell-Setup', '<RegisteredOrganization>Adventure Works</RegisteredOrganization>') +
    '</settings></unattend>';
  const r = lintSource(text, { filePath: 'a.xml', rules: [{ rule, severity: 2, options: config.rules.get(SAMPLE)!.options }], kb: loadKnowledgeBase() });
  // The engine hands the rule only the setting it subscribed to: RegisteredOwner is never seen.
  assert.equal(r.messages.map((m) => m.message), ['organisation "northwind traders" is not allowed in <RegisteredOrganization> (matches "Northwind Traders"); use the registered name of your organisation']);
});

test('packages: prefix stripped, ESM-only exports, scoped', async () => {
  const dir = project({
    'node_modules/unattend-lint-plugin-acme/package.json': '{"name":"unattend-lint-plugin-acme","type":"module","exports":{"import":"./main.js"}}',
    'node_modules/unattend-lint-plugin-acme/main.js': ruleModule('no-acme'),
    'node_modules/@corp/unattend-lint-plugin/package.json': '{"name":"@corp/unattend-lint-plugin","main":"index.cjs"}',
    'node_modules/@corp/unattend-lint-plugin/index.cjs':
      "module.exports = { rules: { 'site-code': { meta: { id: 'site-code', messages: {} }, create() { return {}; } } } };",
    '.unattendlintrc.yaml': 'plugins: [unattend-lint-plugin-acme, "@corp/unattend-lint-plugin"]\nrules:\n  acme/no-acme: error\n  "@corp/site-code": warn\n',
  });
  const configs = createConfigLoader({ cwd: dir, builtinRules: fakeRules });
  const config = await configs.forFile(path.join(dir, 'a.xml'));
  assert.is(config.rules.get('acme/no-acme')?.severity, 2);
  assert.is(config.rules.get('@corp/site-code')?.severity, 1);
  assert.ok(configs.rules().has('@corp/site-code'));
});

test('invalid plugins: missing, bad rule, no rules, throws, name clash', async () => {
  await assertConfigError(
    () => createConfigLoader({ cwd: fixture(), builtinRules: fakeRules }).forFile(fixture('plugin-bad', 'a.xml')),
    'plugin-bad/.unattendlintrc.json: plugin "bad-plugin" (plugin-bad/bad-plugin.js): rule #2 "no-create" has no create function',
  );
  const dir = project({
    'a.js': ruleModule('a'),
    'other/a.js': ruleModule('b'),
    'norules.js': 'export default { configs: {} };',
    'throws.js': 'throw new Error("plugin exploded");',
    'noid.js': 'export default { rules: [{ meta: { messages: {} }, create() {} }] };',
    'missing/.unattendlintrc.json': '{"plugins":["./nope.js"]}',
    'norules/.unattendlintrc.json': '{"plugins":["../norules.js"]}',
    'throws/.unattendlintrc.json': '{"plugins":["../throws.js"]}',
    'noid/.unattendlintrc.json': '{"plugins":["../noid.js"]}',
    'clash/.unattendlintrc.json': '{"plugins":["../a.js","../other/a.js"]}',
  });
  const configs = createConfigLoader({ cwd: dir, builtinRules: fakeRules });
  const at = (sub: string) => () => configs.forFile(path.join(dir, sub, 'x.xml'));
  await assertConfigError(at('missing'), 'missing/.unattendlintrc.json: cannot find plugin "./nope.js"');
  await assertConfigError(at('norules'), 'plugin "norules" (norules.js) must export { rules:');
  await assertConfigError(at('throws'), 'cannot load plugin "throws" from throws.js: plugin exploded');
  await assertConfigError(at('noid'), 'rule #1 has no meta.id');
  await assertConfigError(at('clash'), 'plugin name "a" is already used by a.js');
});

test('plugin configs: unknown config, plugin not loaded', async () => {
  const dir = project({
    'unknown/.unattendlintrc.json': JSON.stringify({ plugins: [fixture('plugin-sample')], extends: 'plugin:plugin-sample/strict' }),
    'unloaded/.unattendlintrc.json': '{"extends":"plugin:plugin-sample/recommended"}',
  });
  const configs = createConfigLoader({ cwd: dir, builtinRules: fakeRules });
  await assertConfigError(
    () => configs.forFile(path.join(dir, 'unknown', 'a.xml')),
    'plugin "plugin-sample" has no config "strict" (has: recommended)',
  );
  await assertConfigError(
    () => configs.forFile(path.join(dir, 'unloaded', 'a.xml')),
    'names plugin "plugin-sample", which this config does not load',
  );
});

test.run();
