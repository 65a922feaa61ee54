// The vendored real-world answer files (fixtures/corpus) in one CLI run: a result per file, exit 0 or 1,
// no stack trace, and a fatal diagnostic exactly for the files MANIFEST.tsv records as not well-formed.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasXmllint, lintCorpus, xmllintRejects } from './helpers/corpus.js';
import { FIXTURES, ROOT } from './helpers/paths.js';

const CORPUS = join(FIXTURES, 'corpus');
// Licences that allow redistributing a copy; anything else (or "unknown") stays out of the repository.
const REDISTRIBUTABLE = new Set(['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'CC0-1.0', 'Unlicense']);
const COLUMNS = ['file', 'repo', 'path', 'commit', 'licence', 'copyright', 'well-formed'] as const;

type Row = Record<(typeof COLUMNS)[number], string>;

// Read at load time without asserting, so that a broken manifest fails the first test, not the import.
const [header = '', ...lines] = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n').filter(Boolean);
const rows = lines.map((line) => {
  const cells = line.split('\t');
  return Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i] ?? ''])) as Row;
});
const files = rows.map((r) => r.file).sort();
const notWellFormed = rows.filter((r) => r['well-formed'] === 'no').map((r) => r.file).sort();

test('MANIFEST.tsv lists exactly the answer files here, each with its origin, a redistributable licence and that licence text', () => {
  assert.equal(header.split('\t'), [...COLUMNS], 'MANIFEST.tsv columns');
  for (const line of lines) assert.is(line.split('\t').length, COLUMNS.length, line);
  assert.equal(readdirSync(CORPUS).filter((f) => /\.xml$/i.test(f)).sort(), files);
  assert.ok(files.length >= 10, `${files.length} files`);
  for (const r of rows) {
    assert.match(r.repo, /^[\w.-]+\/[\w.-]+$/, r.file);
    assert.ok(r.path.length > 0, r.file);
    assert.match(r.commit, /^[0-9a-f]{40}$/, r.file);
    assert.ok(REDISTRIBUTABLE.has(r.licence), `${r.file}: licence ${r.licence}`);
    assert.ok(['yes', 'no'].includes(r['well-formed']), r.file);
    assert.ok(existsSync(join(CORPUS, 'licenses', `${r.repo.replace('/', '--')}.txt`)), `${r.file}: licence text of ${r.repo}`);
  }
  assert.ok(notWellFormed.length > 0, 'at least one file that is not well-formed');
});

test('the well-formedness verdicts agree with the libxml2 verdicts recorded for the full corpus', () => {
  const recorded = new Set(readFileSync(join(ROOT, 'test', 'data', 'corpus-xmllint-rejects.txt'), 'utf8').split('\n'));
  assert.equal(notWellFormed, files.filter((f) => recorded.has(f)));
});

if (hasXmllint) {
  test('the well-formedness verdicts are what libxml2 says now', () => {
    assert.equal(notWellFormed, xmllintRejects(CORPUS, files));
  });
}

test('one run over every vendored file: a result each, exit 0 or 1, no stack, fatal exactly for the ones not well-formed', () => {
  assert.equal(lintCorpus(CORPUS, files), notWellFormed);
});

test.run();
