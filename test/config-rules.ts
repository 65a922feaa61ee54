// Tests: rule entries, option validation and defaults, --rule, and the --print-config view.
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createConfigLoader, printConfig } from '../src/config/index.js';
import { assertConfigError, fakeRules, fixture, project } from './config-fakes.js';

/** Loader over a temporary directory holding one .unattendlintrc.json with `config`. */
function withConfig(config: unknown, cliRules?: string[]) {
  const dir = project({ '.unattendlintrc.json': JSON.stringify(config) });
  const loader = createConfigLoader({ cwd: dir, builtinRules: fakeRules, ...(cliRules ? { cliRules } : {}) });
  return () => loader.forFile(path.join(dir, 'unattend.xml'));
}

test('severity names and numbers', async () => {
  const config = await withConfig({
    rules: { envelope: 'off', 'pass-name': 1, 'duplicate-setting': 2, 'mixed-architecture': ['warn'] },
  })();
  assert.is(config.rules.get('envelope')?.severity, 0);
  assert.is(config.rules.get('pass-name')?.severity, 1);
  assert.is(config.rules.get('duplicate-setting')?.severity, 2);
  assert.is(config.rules.get('mixed-architecture')?.severity, 1);
});

test('options: defaultOptions ⊕ user options, then schema defaults', async () => {
  const config = await withConfig({ rules: { 'template-placeholder': ['error', { caseSensitive: true }] } })();
  assert.equal(config.rules.get('template-placeholder'), {
    severity: 2,
    options: { patterns: ['CHANGEME'], caseSensitive: true },
  });
  const replaced = await withConfig({ rules: { 'template-placeholder': ['warn', { patterns: ['TBD'] }] } })();
  assert.equal(replaced.rules.get('template-placeholder')?.options, { patterns: ['TBD'], caseSensitive: false });
});

test('every known rule is in the map; unconfigured rules are off with their defaults (from nothing)', async () => {
  const config = await withConfig({ extends: [], rules: { envelope: 'error' } })();
  assert.equal([...config.rules.keys()].sort(), fakeRules.map((rule) => rule.meta.id).sort());
  assert.equal(config.rules.get('duplicate-setting'), { severity: 0, options: { ignoreCase: false } });
});

test('unknown rule id: file, id and did-you-mean', async () => {
  const configs = createConfigLoader({ cwd: fixture(), builtinRules: fakeRules });
  await assertConfigError(
    () => configs.forFile(fixture('unknown-rule', 'unattend.xml')),
    'unknown-rule/.unattendlintrc.json: unknown rule "duplicate-settings"; did you mean "duplicate-setting"?',
  );
  await assertConfigError(withConfig({ rules: { 'completely-different': 'warn' } }), 'unknown rule "completely-different"');
});

test('invalid options: file, rule and the ajv message', async () => {
  const configs = createConfigLoader({ cwd: fixture(), builtinRules: fakeRules });
  await assertConfigError(
    () => configs.forFile(fixture('invalid-options', 'unattend.xml')),
    'invalid-options/.unattendlintrc.json: rule "template-placeholder": invalid options: options.patterns must be a list',
  );
  await assertConfigError(
    withConfig({ rules: { 'mixed-architecture': ['warn', { allow: ['ia64'] }] } }),
    'rule "mixed-architecture": invalid options: options.allow[0] must be one of "x86", "amd64", "arm64"',
  );
  await assertConfigError(
    withConfig({ rules: { 'duplicate-setting': ['warn', { ignorecase: true }] } }),
    'unknown key "ignorecase" in options; did you mean "ignoreCase"?',
  );
});

test('bad entries: severity, list length, options type, options on a rule without schema', async () => {
  await assertConfigError(withConfig({ rules: { envelope: 'warning' } }), 'invalid severity "warning"; did you mean "warn"?');
  await assertConfigError(withConfig({ rules: { envelope: 3 } }), 'invalid severity 3; expected "off", "warn", "error", 0, 1 or 2');
  await assertConfigError(withConfig({ rules: { envelope: ['warn', {}, {}] } }), 'got a list of 3');
  await assertConfigError(withConfig({ rules: { envelope: [] } }), 'got a list of 0');
  await assertConfigError(withConfig({ rules: { 'duplicate-setting': ['warn', true] } }), 'options must be an object');
  await assertConfigError(withConfig({ rules: { envelope: ['warn', { strict: true }] } }), 'rule "envelope" takes no options');
});

test('comment keys are allowed anywhere, including inside rule options', async () => {
  const config = await withConfig({
    '//': 'top',
    rules: { '//': 'in rules', 'duplicate-setting': ['warn', { '// why': 'case matters in Setup', ignoreCase: true }] },
    settings: { '//': 'in settings', targetVersion: 'windows-10' },
  })();
  assert.equal(config.rules.get('duplicate-setting')?.options, { ignoreCase: true });
  assert.equal(config.settings, { targetVersion: 'windows-10' });
});

test('--rule: severity, JSON entry, applied after the config file', async () => {
  const config = await withConfig({ rules: { envelope: 'warn', 'duplicate-setting': ['warn', { ignoreCase: true }] } }, [
    'envelope: off',
    'duplicate-setting:error',
    'template-placeholder: ["warn", {"patterns": ["XX"]}]',
    'pass-name: 2',
  ])();
  assert.is(config.rules.get('envelope')?.severity, 0);
  assert.equal(config.rules.get('duplicate-setting'), { severity: 2, options: { ignoreCase: true } });
  assert.equal(config.rules.get('template-placeholder')?.options, { patterns: ['XX'], caseSensitive: false });
  assert.is(config.rules.get('pass-name')?.severity, 2);
});

test('--rule errors say "--rule"', async () => {
  await assertConfigError(withConfig({}, ['envelop: warn']), '--rule "envelop: warn": unknown rule "envelop"; did you mean "envelope"?');
  await assertConfigError(withConfig({}, ['envelope']), '--rule "envelope": expected "rule-id: severity"');
  await assertConfigError(withConfig({}, [': warn']), '--rule ": warn": expected');
  await assertConfigError(withConfig({}, ['envelope:']), '--rule "envelope:": expected');
  await assertConfigError(withConfig({}, ['envelope: ["warn"']), '--rule "envelope: ["warn"": invalid JSON after the colon');
  await assertConfigError(
    withConfig({}, ['duplicate-setting: ["warn", {"ignoreCase": "yes"}]']),
    '--rule "duplicate-setting: ["warn", {"ignoreCase": "yes"}]": rule "duplicate-setting": invalid options: options.ignoreCase must be a boolean',
  );
});

test('printConfig: sorted rules as [severityName, options], settings, ignores, configFile', async () => {
  const config = await withConfig({
    extends: 'unattend-lint:recommended',
    rules: { 'duplicate-setting': ['error', { ignoreCase: true }] },
    settings: { targetVersion: 22631 },
    ignores: ['old/**'],
  })();
  const printed = printConfig(config);
  assert.equal(Object.keys(printed.rules), ['duplicate-setting', 'envelope', 'mixed-architecture', 'pass-name', 'template-placeholder']);
  assert.equal(printed.rules['duplicate-setting'], ['error', { ignoreCase: true }]);
  assert.equal(printed.rules['mixed-architecture'], ['off', { allow: [] }]);
  assert.equal(printed.rules['envelope'], ['error', {}]);
  assert.equal(printed.settings, { targetVersion: 22631 });
  assert.equal(printed.ignores, ['old/**']);
  assert.is(printed.configFile, config.configFile);
  assert.equal(JSON.parse(JSON.stringify(printed)), printed, 'JSON round trip');
});

test('printConfig without a config file: configFile is null', async () => {
  const dir = project();
  const config = await createConfigLoader({ cwd: dir, builtinRules: fakeRules, noConfigLookup: true }).forFile('a.xml');
  assert.is(printConfig(config).configFile, null);
});

test.run();
