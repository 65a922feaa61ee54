// The rule tables in README.md and docs/rules.md match the rules' metadata.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expectedDocs } from '../docs/generate.js';
import { ROOT } from './helpers/paths.js';

for (const [path, text] of Object.entries(await expectedDocs())) {
  test(`${path} generated parts (rule tables, example output, rule doc headers) are current (npm run docs)`, () => {
    assert.fixture(readFileSync(join(ROOT, path), 'utf8'), text);
  });
}

test('the pre-commit hook runs the package bin on answer-file names', () => {
  const hook = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const entry = /^\s+entry: (\S+)$/m.exec(hook)?.[1];
  assert.ok(entry && pkg.bin[entry], 'entry is a bin of the package');
  const files = new RegExp(/^\s+files: (.+)$/m.exec(hook)![1]!.replace('(?i)', ''), 'i');
  for (const name of ['autounattend.xml', 'a/Autounattend.XML', 'unattend.xml', 'images/unattend-win11.xml', 'sysprep-unattend.xml', 'lab/Win11-Autounattend.xml']) assert.ok(files.test(name), name);
  for (const name of ['pom.xml', 'a/notunattend/x.xml']) assert.not.ok(files.test(name), name);
});

test('the README quick start runs: npx unattend-lint lints the bundled examples (bin is executable)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.match(readme, /npm ci && npx unattend-lint fixtures\/examples/);
  assert.match(readme, /npm ci && npm test/);
  if (process.platform !== 'win32') assert.ok(statSync(join(ROOT, 'dist', 'src', 'cli.js')).mode & 0o111, 'dist/src/cli.js is executable');
  const r = spawnSync('npx', ['--no-install', 'unattend-lint', 'fixtures/examples'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stdout, /sysprep-unattend\.xml/);
});

test.run();
