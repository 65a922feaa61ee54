// Tests: the published config JSON Schema, and that .unattendlintrc.example.json is valid (schema and loader).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { AnyRule } from '../src/engine/rule.js';
import { configJsonSchema, createConfigLoader } from '../src/config/index.js';
import { builtinRules } from '../rules/index.js';
import { fakeRules } from './config-fakes.js';

const EXAMPLE = fileURLToPath(new URL('../../.unattendlintrc.example.json', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url));
// The real rules where they exist (so the example follows their schemas), fakes for ids not written yet.
const real = new Set(builtinRules.map((rule) => rule.meta.id));
const rules: AnyRule[] = [...builtinRules, ...fakeRules.filter((rule) => !real.has(rule.meta.id))];

const validator = () => new Ajv({ strict: false, allErrors: true }).compile(configJsonSchema(rules));
const errorsOf = (config: unknown) => {
  const validate = validator();
  return validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

test('the schema compiles under ajv strict mode', () => {
  const ajv = new Ajv({ strict: true, strictTypes: false });
  ajv.compile(configJsonSchema(fakeRules));
});

test('.unattendlintrc.example.json validates against the schema', () => {
  const example: unknown = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
  assert.equal(errorsOf(example), []);
});

test('.unattendlintrc.example.json loads: every rule, option and override is accepted', async () => {
  const loader = createConfigLoader({ cwd: REPO, builtinRules: rules, configFile: EXAMPLE });
  const production = await loader.forFile(`${REPO}/images/autounattend.xml`);
  const lab = await loader.forFile(`${REPO}/lab/x/autounattend.xml`);
  assert.is(production.rules.get('template-placeholder')?.severity, 2);
  assert.is(lab.rules.get('template-placeholder')?.severity, 0);
  assert.is(lab.settings['targetVersion'], 'windows-10');
  assert.ok(loader.isIgnored(`${REPO}/archive/old.xml`, production));
  assert.not.ok(loader.isIgnored(`${REPO}/archive/reference.xml`, production));
});

test('the example shows every top-level key and every structural rule id', () => {
  const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as Record<string, Record<string, unknown>>;
  for (const key of ['extends', 'plugins', 'rules', 'overrides', 'ignores', 'settings']) assert.ok(key in example, key);
  for (const id of ['template-placeholder', 'mixed-architecture', 'duplicate-setting', 'pass-name', 'envelope']) {
    assert.ok(id in example['rules']!, id);
  }
  assert.ok('targetVersion' in example['settings']!);
});

test('the schema rejects what the loader rejects', () => {
  assert.ok(errorsOf({ rule: {} }).length > 0, 'unknown top-level key');
  assert.ok(errorsOf({ rules: { 'no-such-rule': 'warn' } }).length > 0, 'unknown built-in rule id');
  assert.ok(errorsOf({ rules: { envelope: 'warning' } }).length > 0, 'bad severity');
  assert.ok(errorsOf({ rules: { 'duplicate-setting': ['warn', { ignoreCase: 'yes' }] } }).length > 0, 'bad option');
  assert.ok(errorsOf({ rules: { 'duplicate-setting': ['warn', {}, {}] } }).length > 0, 'too many items');
  assert.ok(errorsOf({ overrides: [{ rules: {} }] }).length > 0, 'override without files');
  assert.ok(errorsOf({ settings: { targetVersion: 'win11' } }).length > 0, 'bad targetVersion');
});

test('the schema accepts comments anywhere, plugin rule ids and build numbers', () => {
  assert.equal(
    errorsOf({
      '//': 'top',
      rules: { '//': 'c', 'acme/rule': ['error', { any: 1 }], 'template-placeholder': ['warn', { '//': 'c', patterns: ['@@X@@'] }] },
      overrides: [{ '//': 'c', files: '*.xml', rules: { envelope: 0 } }],
      settings: { targetVersion: 22631 },
    }),
    [],
  );
  assert.equal(errorsOf({ settings: { targetVersion: '10.0.22631' } }), []);
});

test.run();
