// Every built-in rule: registered, documented, and its fixtures produce exactly the marked findings.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { ROOT, FIXTURES, checkFixture, fixtureFiles } from './helpers/fixtures.js';

const ruleFiles = readdirSync(join(ROOT, 'rules'))
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_') && f !== 'index.ts' && !f.endsWith('.d.ts'))
  .map((f) => basename(f, '.ts'))
  .sort();

test('rules/index.ts lists exactly the rule files in rules/', () => {
  assert.equal(builtinRules.map((r) => r.meta.id).sort(), ruleFiles);
});

for (const rule of builtinRules) {
  const id = rule.meta.id;
  test(`${id}: metadata, doc and fixtures agree`, () => {
    assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    assert.ok(rule.meta.summary && !rule.meta.summary.endsWith('.'), 'summary without trailing period');
    const doc = join(ROOT, 'rules', `${id}.md`);
    assert.ok(existsSync(doc), `rules/${id}.md exists`);
    const md = readFileSync(doc, 'utf8');
    assert.ok(md.startsWith(`# ${id}\n`), `doc title is "# ${id}"`);
    assert.ok(md.includes(rule.meta.summary), 'doc repeats the summary');
    const files = fixtureFiles(join(FIXTURES, 'rules', id)).map((f) => basename(f));
    assert.ok(files.some((f) => f.startsWith('ok-')), 'has an ok- fixture');
    assert.ok(files.some((f) => f.startsWith('bad-')), 'has a bad- fixture');
  });
  for (const file of fixtureFiles(join(FIXTURES, 'rules', id))) {
    test(`${id}: ${basename(file)}`, () => {
      const [actual, expected] = checkFixture(file, rule);
      if (basename(file).startsWith('bad-')) assert.ok(expected.length > 0, 'a bad- fixture has expect markers');
      assert.equal(actual, expected);
    });
  }
}

test.run();
