// Bulk suppressions as data: recording keeps other files and rules, applying hides within counts, pruning lowers them.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { applySuppressions, pruneSuppressions, recordSuppressions, suppressionsFile } from '../src/suppressions.js';
import { summarise } from '../src/engine/run.js';
import type { Diagnostic } from '../src/types.js';
import { tempTree } from './helpers/cli.js';

const dir = tempTree({ 'a.xml': '', 'b.xml': '' });
const file = suppressionsFile(join(dir, 'unattend-lint-suppressions.json'));
const d = (ruleId: string | null, severity: 1 | 2 = 2, fatal = false): Diagnostic => ({ ruleId, severity, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1, ...(fatal ? { fatal } : {}) });
const result = (name: string, ...messages: Diagnostic[]) => summarise(join(dir, name), messages);

test('keys are relative to the suppressions file, with "/"', () => {
  assert.is(file.keyOf(join(dir, 'sub', 'x.xml')), 'sub/x.xml');
  assert.is(suppressionsFile(join(dir, 'conf', 's.json')).keyOf(join(dir, 'a.xml')), '../a.xml');
});

test('recording: counts per rule; --suppress-rule replaces only that rule; files not linted keep theirs; fatal never counts', () => {
  const all = recordSuppressions({ 'gone.xml': { x: { count: 1 } } }, [result('a.xml', d('r1'), d('r1', 1), d('r2')), result('b.xml', d(null, 2, true))], file.keyOf);
  assert.equal(all, { 'gone.xml': { x: { count: 1 } }, 'a.xml': { r1: { count: 2 }, r2: { count: 1 } } });
  const one = recordSuppressions(all, [result('a.xml', d('r1'))], file.keyOf, new Set(['r1']));
  assert.equal(one['a.xml'], { r1: { count: 1 }, r2: { count: 1 } });
});

test('applying: within the count hidden, over it all shown, under it stale', () => {
  const s = { 'a.xml': { r1: { count: 2 } }, 'b.xml': { r1: { count: 3 } } };
  const { results, hidden, unmatched } = applySuppressions([result('a.xml', d('r1'), d('r1'), d('r2')), result('b.xml', d('r1'))], s, file.keyOf);
  assert.equal(results.map((r) => r.messages.map((m) => m.ruleId)), [['r2'], []]);
  assert.equal([results[0]!.errorCount, hidden], [1, 3]);
  assert.equal(unmatched, [{ file: 'b.xml', rule: 'r1', suppressed: 3, found: 1 }]);
  const over = applySuppressions([result('a.xml', d('r1'), d('r1'), d('r1'))], s, file.keyOf);
  assert.is(over.results[0]!.messages.length, 3);
});

test('a file that is not well-formed XML keeps its suppressions: not recorded over, not stale, not pruned', () => {
  const s = { 'a.xml': { r1: { count: 2 } } };
  const broken = result('a.xml', d(null, 2, true));
  assert.equal(recordSuppressions(s, [broken], file.keyOf), s);
  const applied = applySuppressions([broken], s, file.keyOf);
  assert.equal([applied.unmatched, applied.results[0]!.messages.length], [[], 1]);
  assert.equal(pruneSuppressions(s, [broken], file.keyOf, dir), s);
});

test('pruning lowers counts to what was found and drops files that no longer exist', () => {
  const s = { 'a.xml': { r1: { count: 2 }, r2: { count: 1 } }, 'b.xml': { r1: { count: 1 } }, 'gone.xml': { r1: { count: 1 } } };
  assert.equal(pruneSuppressions(s, [result('a.xml', d('r1'))], file.keyOf, dir), { 'a.xml': { r1: { count: 1 } }, 'b.xml': { r1: { count: 1 } } });
});

test('the file is written sorted and read back; a missing file is empty', () => {
  assert.equal(file.read(), {});
  file.write({ 'b.xml': { z: { count: 1 }, a: { count: 2 } }, 'a.xml': { r: { count: 1 } } });
  assert.equal(Object.keys(file.read()), ['a.xml', 'b.xml']);
  assert.equal(Object.keys(file.read()['b.xml']!), ['a', 'z']);
});

test.run();
