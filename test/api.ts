// The programmatic API (src/index.ts): lintText and lintFiles behave as the CLI does.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, lintFiles, builtinRules, defineRule } from '../src/index.js';
import { ROOT, FIXTURES } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

test('lintText lints text or bytes under a file name, with config lookup from that name', async () => {
  const text = readFileSync(join(FIXTURES, 'examples', 'sysprep-unattend.xml'), 'utf8');
  const r = await lintText(text, join(ROOT, 'fixtures', 'examples', 'x.xml'));
  assert.ok(r.errorCount > 0);
  assert.ok(r.messages.some((m) => m.ruleId === 'pass-name' && m.line === 27));
  const off = await lintText(Buffer.from(text), join(ROOT, 'x.xml'), { rules: ['pass-name: off'] });
  assert.not.ok(off.messages.some((m) => m.ruleId === 'pass-name'));
});

test('lintFiles walks directories and reports argument problems', async () => {
  const { results, errors } = await lintFiles(['fixtures/examples', 'missing.xml'], { cwd: ROOT, noConfigLookup: true });
  assert.equal(results.map((r) => r.filePath.replace(/^.*[\\/]/, '')).sort(), ['autounattend-uefi.xml', 'sysprep-unattend.xml']);
  assert.equal(errors, ['no such file or directory: missing.xml']);
  const some = await lintFiles(['fixtures/examples'], { cwd: ROOT, noConfigLookup: true, ignorePatterns: ['sysprep-*.xml'] });
  assert.equal(some.results.map((r) => r.filePath.replace(/^.*[\\/]/, '')), ['autounattend-uefi.xml']);
});

test('lintFiles reports a file it cannot read as an error line and lints the others', async () => {
  const dir = tempDir('unattend-lint-api-');
  writeFileSync(join(dir, 'a.xml'), readFileSync(join(FIXTURES, 'examples', 'sysprep-unattend.xml')));
  symlinkSync(join(dir, 'gone.xml'), join(dir, 'dangling.xml'));
  const { results, errors } = await lintFiles(['.'], { cwd: dir, noConfigLookup: true });
  assert.equal(results.map((r) => r.filePath.replace(/^.*[\\/]/, '')), ['a.xml']);
  assert.is(errors.length, 1);
  assert.match(errors[0]!, /dangling\.xml/);
});

test('the API exports the rule list and defineRule', () => {
  assert.ok(builtinRules.length >= 26);
  const r = defineRule({ meta: { id: 'x', summary: 'X', category: 'style', severity: 'warn', messages: { m: () => 'm' } }, create: () => ({}) });
  assert.is(r.meta.id, 'x');
});

test.run();
