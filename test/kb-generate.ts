// Generator pieces that need no ../shared: stable JSON, --check diffs, and the skip without ../shared
// (the runs over the real reference pages are in test/shared/kb-generate.ts).
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { stableJson } from '../kb/emit.js';
import { diffDataFiles, main, type Paths } from '../kb/generate.js';
import { quiet } from './helpers/console.js';
import { ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

test('stable JSON: sorted keys, records on one line below the chosen depth, trailing newline', () => {
  const text = stableJson({ b: { y: { d: 1, c: [2, 1] }, x: 1 }, $comment: 'h', a: [] }, 2);
  assert.is(text, '{\n  "$comment": "h",\n  "a": [],\n  "b": {\n    "x": 1,\n    "y": {"c":[2,1],"d":1}\n  }\n}\n');
  assert.is(stableJson({ z: undefined, a: 1 }, 1), '{\n  "a": 1\n}\n');
});

test('diffDataFiles names missing, changed and extra files', () => {
  const dir = tempDir('kb-diff-');
  try {
    writeFileSync(join(dir, 'a.json'), 'old');
    writeFileSync(join(dir, 'extra.json'), '{}');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const expected = new Map([
      ['a.json', 'new'],
      ['b.json', 'x'],
    ]);
    assert.equal(diffDataFiles(expected, dir), ['a.json (changed)', 'b.json (missing)', 'extra.json (not generated)']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--check without ../shared says it skips and exits 0', () => {
  const paths: Paths = { root: ROOT, shared: join(tmpdir(), 'no-such-shared-dir'), data: join(ROOT, 'kb', 'data'), overrides: '' };
  const { result, out } = quiet(() => main(['--check'], paths));
  assert.is(result, 0);
  assert.match(out, /not found; skipping/);
  assert.is(quiet(() => main([], paths)).result, 2);
});

test.run();
