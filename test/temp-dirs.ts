// The tests' temporary directories are removed when the test process exits.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TEMP = fileURLToPath(new URL('./helpers/temp.js', import.meta.url));

test('tempDir: a directory made by a process, with files in it, is gone once that process exits', () => {
  const script = `import { tempDir } from ${JSON.stringify(TEMP)}; import { writeFileSync, mkdirSync } from 'node:fs';
    const dir = tempDir('unattend-lint-temp-test-'); mkdirSync(dir + '/a/b', { recursive: true }); writeFileSync(dir + '/a/b/c.xml', '<x/>');
    console.log(dir);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  const dir = r.stdout.trim();
  assert.match(dir, /unattend-lint-temp-test-/);
  assert.not.ok(existsSync(dir), `${dir} is removed`);
});

test.run();
