// Tests: the precompiled validators (src/config/precompiled.ts) are what the built-in rules' schemas and the config
// shape give today, they judge as ajv does, and a run with a config file and --rule loads no ajv.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { builtinRules } from '../rules/index.js';
import { PRECOMPILED } from '../src/config/precompiled.js';
import { configShapeSchema } from '../src/config/schema.js';
import { AJV_OPTIONS, type Validate } from '../src/config/validators.js';
import { builtinSchemas, updatePrecompiled, PRECOMPILED_FILE } from '../scripts/validators.js';
import { fixture, project } from './config-fakes.js';
import { ROOT } from './helpers/paths.js';

const precompiled = PRECOMPILED as ReadonlyMap<string, Validate>;

test('src/config/precompiled.ts is what the current rules and config shape generate (npm run bundle rewrites it)', () => {
  assert.ok(updatePrecompiled(ROOT, true), `${PRECOMPILED_FILE} is stale: run npm run bundle and commit it`);
});

test('every built-in option schema and the config shape has a precompiled validator', () => {
  const withSchema = builtinRules.filter((rule) => rule.meta.schema);
  assert.ok(withSchema.length >= 10, `${withSchema.length} rules with options`);
  for (const rule of withSchema) assert.ok(precompiled.has(JSON.stringify(rule.meta.schema)), rule.meta.id);
  assert.ok(precompiled.has(JSON.stringify(configShapeSchema())), 'config shape');
});

/** Values that break a schema in as many ways as its properties allow, plus some that fit. */
function samples(schema: Record<string, unknown>): unknown[] {
  const out: unknown[] = [{}, { nope: 1 }, [], 'text', null, { '//': 'a comment key' }];
  const properties = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, property] of Object.entries(properties)) {
    for (const value of [true, 0, -1, 1.5, '', 'x', 'windows-11', [], [''], ['x', 'x'], [1], ['amd64'], {}, { files: 'a' }, null]) {
      out.push({ [key]: value });
    }
    if (property['type'] === 'array') out.push({ [key]: ['a', 'b'] });
  }
  return out;
}

test('precompiled validators give the same verdict, errors and filled-in defaults as ajv compiling the schema', () => {
  const ajv = new Ajv(AJV_OPTIONS);
  for (const schema of builtinSchemas() as Record<string, unknown>[]) {
    const fast = precompiled.get(JSON.stringify(schema))!;
    const slow = ajv.compile(schema);
    for (const sample of samples(schema)) {
      const [a, b] = [structuredClone(sample), structuredClone(sample)];
      const label = `${JSON.stringify(schema).slice(0, 60)}… on ${JSON.stringify(sample)}`;
      assert.is(fast(a), slow(b), label);
      assert.equal(fast.errors ?? null, slow.errors ?? null, label);
      assert.equal(a, b, label);
    }
  }
});

/** Runs `script` (an ES module) in a fresh node, from dist/test; returns its standard output. */
function fresh(script: string): string {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: join(ROOT, 'dist', 'test'), encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  return r.stdout.trim();
}

/** A script that resolves the config for `file` with the real rules and prints whether ajv was loaded. */
const loadsAjv = (cwd: string, file: string, extra = '') => `
  import { createRequire } from 'node:module';
  import { builtinRules } from '../rules/index.js';
  import { createConfigLoader } from '../src/config/index.js';
  const loader = createConfigLoader({ cwd: ${JSON.stringify(cwd)}, builtinRules, ${extra} });
  const config = await loader.forFile(${JSON.stringify(file)});
  const cache = Object.keys(createRequire(import.meta.url).cache);
  console.log(JSON.stringify({ ajv: cache.some((k) => /[\\\\/]node_modules[\\\\/]ajv[\\\\/]/.test(k)), rules: Object.fromEntries(config.rules) }));
`;

test('a config file with rule options and --rule with options are validated without loading ajv', () => {
  const dir = project({
    '.unattendlintrc.yaml': 'rules:\n  template-placeholder: [error, { patterns: [TBD] }]\n  join-policy: [warn, { allowedDomains: [corp.example] }]\n',
  });
  const out = JSON.parse(fresh(loadsAjv(dir, join(dir, 'unattend.xml'), `cliRules: ['windows11-bypass: ["error", { "forbid": true }]']`))) as {
    ajv: boolean;
    rules: Record<string, { severity: number; options: Record<string, unknown> }>;
  };
  assert.is(out.ajv, false);
  assert.equal(out.rules['template-placeholder']!.options['patterns'], ['TBD']);
  assert.equal(out.rules['join-policy']!.options['allowedDomains'], ['corp.example']);
  assert.equal(out.rules['windows11-bypass'], { severity: 2, options: { forbid: true } });
});

test('a plugin rule with an options schema has ajv loaded to validate its options (defaults filled in)', () => {
  const out = JSON.parse(fresh(loadsAjv(fixture(), fixture('plugin', 'autounattend.xml')))) as {
    ajv: boolean;
    rules: Record<string, { options: Record<string, unknown> }>;
  };
  assert.is(out.ajv, true);
  assert.equal(out.rules['plugin-sample/registered-organization']!.options, { forbidden: ['Contoso', 'Northwind Traders'], ignoreCase: true });
});

test.run();
