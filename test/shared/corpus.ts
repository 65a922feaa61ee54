// The full real-world corpus (../shared/corpus/real) in one CLI run: a result per file, exit 0 or 1, no
// stack trace, and a fatal diagnostic exactly for the files libxml2 (xmllint) rejects.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasXmllint, lintCorpus, xmllintRejects } from '../helpers/corpus.js';
import { ROOT, SHARED } from '../helpers/paths.js';
import { streamedAsWhole } from '../helpers/stream.js';

const CORPUS = join(SHARED, 'corpus', 'real');
const ORACLE = join(ROOT, 'test', 'data', 'corpus-xmllint-rejects.txt');

test('the corpus is present in ../shared', () => {
  assert.ok(existsSync(CORPUS), `${CORPUS} is missing`);
});

const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => /\.xml$/i.test(f)).sort() : [];

/** Files xmllint rejects: computed live where xmllint is installed, else the list it produced last time. */
function rejectedByLibxml2(): string[] {
  if (!hasXmllint) return readFileSync(ORACLE, 'utf8').split('\n').filter(Boolean);
  const live = xmllintRejects(CORPUS, files);
  if (process.env.UPDATE_GOLDEN) writeFileSync(ORACLE, `${live.join('\n')}\n`);
  return live;
}

test('one run over every corpus file: a result each, exit 0 or 1, no stack, fatal exactly where libxml2 rejects', () => {
  assert.equal(lintCorpus(CORPUS, files), rejectedByLibxml2().sort());
});

test('every corpus file gets the same result linted as a stream (small chunks and scan windows) as from its whole bytes', () => {
  for (const f of files) {
    const [streamed, whole] = streamedAsWhole(readFileSync(join(CORPUS, f)), f, 97);
    assert.equal(streamed, whole, f);
  }
});

if (hasXmllint) {
  test('the recorded libxml2 verdicts are current', () => {
    const recorded = readFileSync(ORACLE, 'utf8').split('\n').filter(Boolean);
    assert.equal(recorded, rejectedByLibxml2());
  });
}

test.run();
