// Every fixable rule has a fixture whose --fix output is pinned (the fixture runner then lints that output and
// finds nothing fixable left), and list-action-missing never "fixes" a list that carries a stray key.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { FIXTURES, fixedPath, fixtureFiles } from './helpers/fixtures.js';
import { runCli, tempTree } from './helpers/cli.js';

test('every fixable rule has a bad- fixture with a .fixed.xml', () => {
  const missing = builtinRules
    .filter((r) => r.meta.fixable)
    .filter((r) => !fixtureFiles(join(FIXTURES, 'rules', r.meta.id)).some((f) => existsSync(fixedPath(f))))
    .map((r) => r.meta.id);
  assert.equal(missing, []);
});

test('--fix leaves <DriverPaths wcm:keyValue> as it is and reports the stray key', () => {
  const text = readFileSync(join(FIXTURES, 'rules', 'list-key-stray', 'bad-list.xml'), 'utf8');
  const dir = tempTree({ 'unattend.xml': text });
  const r = runCli(['--fix', '-f', 'json', 'unattend.xml'], { cwd: dir });
  assert.is(readFileSync(join(dir, 'unattend.xml'), 'utf8'), text);
  const [res] = JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[];
  assert.equal(res!.messages.map((m) => m.ruleId), ['list-key-stray']);
});

test.run();
