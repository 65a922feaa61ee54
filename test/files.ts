// The walk: which files it finds, and the bytes of small walked files it keeps so that they are not read twice.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFiles, WHOLE_BYTES } from '../src/files.js';
import { createLinter } from '../src/index.js';
import { FIXTURES } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

const SMALL = readFileSync(join(FIXTURES, 'examples', 'sysprep-unattend.xml'));
// Past the 4 KiB head, read in two parts; past WHOLE_BYTES, found by its head alone.
const MID = Buffer.from(SMALL.toString('utf8').replace('</unattend>', `<!-- ${'m'.repeat(10_000)} --></unattend>`));
const LARGE = Buffer.from(SMALL.toString('utf8').replace('</unattend>', `<!-- ${'x'.repeat(WHOLE_BYTES)} --></unattend>`));

function tree(files: Record<string, Uint8Array | string>): string {
  const dir = tempDir('unattend-lint-walk-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

test('a walked answer file small enough is read once: the walk keeps its bytes, exactly as on disk', () => {
  const dir = tree({ 'a/unattend.xml': SMALL, 'b/unattend.xml': LARGE, 'c/other.xml': '<root/>', 'd/empty-unattend.xml': '', 'e/unattend.xml': MID, 'f/settings.xml': '<root/>' });
  try {
    const search = findFiles([dir, join(dir, 'c', 'other.xml')], dir);
    const byName = Object.fromEntries(search.files.map((f) => [f.path.slice(dir.length + 1).replace(/\\/g, '/'), f]));
    assert.equal(Object.keys(byName), ['a/unattend.xml', 'b/unattend.xml', 'c/other.xml', 'd/empty-unattend.xml', 'e/unattend.xml'], 'the walk skips f/settings.xml');
    assert.ok(byName['a/unattend.xml']!.bytes && Buffer.from(byName['a/unattend.xml']!.bytes).equals(SMALL), 'small walked file: its bytes');
    assert.is(byName['b/unattend.xml']!.bytes, undefined, 'a file past WHOLE_BYTES is read again when linted');
    assert.is(byName['c/other.xml']!.bytes, undefined, 'a file named on the command line is read when linted');
    assert.is(byName['d/empty-unattend.xml']!.bytes?.length, 0, 'an empty file found by its name');
    assert.ok(MID.length > 4096 && Buffer.from(byName['e/unattend.xml']!.bytes!).equals(MID), 'read whole past its head');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the walk keeps no more bytes than its budget, and what it keeps lints as the file does', async () => {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < 5; i++) files[`${i}/unattend.xml`] = Buffer.from(SMALL.toString('utf8').replace('<unattend', `<!-- ${i} --><unattend`));
  const dir = tree(files);
  try {
    const budget = SMALL.length * 2 + 100;
    const kept = findFiles([dir], dir, { keptBytes: budget }).files.filter((f) => f.bytes).map((f) => f.bytes!.length);
    assert.is(kept.length, 2);
    assert.ok(kept.reduce((a, b) => a + b, 0) <= budget);
    assert.is(findFiles([dir], dir, { keptBytes: 0 }).files.filter((f) => f.bytes).length, 0);
    // The API lints walked files from the kept bytes: the same results as linting each file by its path.
    const api = createLinter({ cwd: dir, noConfigLookup: true });
    const walked = await api.lintFiles([dir]);
    const named = await api.lintFiles(Object.keys(files).map((f) => join(dir, f)));
    assert.equal(walked.errors, []);
    assert.equal(JSON.stringify(walked.results), JSON.stringify(named.results));
    assert.ok(walked.results.every((r) => r.messages.length > 0), 'the fixture has findings');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the walk finds the root after a long prolog, never inside a comment, and reads on only as far as it must', () => {
  const text = SMALL.toString('utf8');
  const at = text.indexOf('<unattend');
  const prolog = (before: string): string => text.slice(0, at) + before + text.slice(at);
  // A licence comment past the 4 KiB head, mentioning a tag; a DOCTYPE whose internal subset holds ">"; bytes before
  // the declaration (the file is linted and reported as not well-formed); a large file with a long comment.
  const comment = `<!-- ${'Licence text. '.repeat(500)} see <ComputerName> below -->\n`;
  const doctype = '<!DOCTYPE unattend [ <!ENTITY a "x>y"> <!-- ] > --> ]>\n';
  const big = Buffer.from(prolog(comment).replace('</unattend>', `<!-- ${'x'.repeat(WHOLE_BYTES)} --></unattend>`));
  const dir = tree({
    'a/lab.xml': prolog(comment),
    'b/win.xml': prolog(doctype),
    'c/junk.xml': `garbage\n${text}`,
    'd/big.xml': big,
    'e/other.xml': `${comment}<root><unattend/></root>`,
    'f/unclosed.xml': `<!-- ${'never closed '.repeat(400)}`,
  });
  try {
    const names = findFiles([dir], dir).files.map((f) => f.path.slice(dir.length + 1).replace(/\\/g, '/'));
    assert.equal(names, ['a/lab.xml', 'b/win.xml', 'c/junk.xml', 'd/big.xml']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
