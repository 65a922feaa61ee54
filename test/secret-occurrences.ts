// Where a file repeats its secret values: the three ways of searching (one native search per value, one regular
// expression, one automaton) cover the same characters as a search for every occurrence of every value, in a whole
// text and in a text read in pieces of any size.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { occurrencesIn } from '../src/engine/stream-scans.js';
import type { Range } from '../src/types.js';

const isNameChar = (c: string): boolean => /[A-Za-z0-9_.:-]/.test(c);

/**
 * Whether the occurrence at `at` is inside an element name: name characters back to "<" or "</", and on to
 * white space, ">" or a start tag's "/>"; a name broken off by anything else, or by the end of the text, is not markup.
 */
function inName(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isNameChar(text[i]!)) i--;
  if (!(i >= 0 && (text[i] === '<' || (text[i] === '/' && text[i - 1] === '<')))) return false;
  const endTag = text[i] === '/';
  let j = at;
  while (j < text.length && isNameChar(text[j]!)) j++;
  return j < text.length && (/[\s>]/.test(text[j]!) || (!endTag && text[j] === '/' && text[j + 1] === '>'));
}

/** The characters covered by every occurrence of every value (overlapping ones too), outside names: one per offset. */
function expected(text: string, values: readonly string[]): Set<number> {
  const covered = new Set<number>();
  for (const v of values) {
    for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1)) {
      if (inName(text, i)) continue;
      for (let k = i; k < i + v.length; k++) covered.add(k);
    }
  }
  return covered;
}

function coveredBy(ranges: readonly Range[]): Set<number> {
  const covered = new Set<number>();
  for (const r of ranges) for (let k = r.start; k < r.end; k++) covered.add(k);
  return covered;
}

function inPieces(text: string, size: number): { text: string; start: number }[] {
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push({ text: text.slice(i, i + size), start: i });
  return out;
}

function assertSame(text: string, values: readonly string[], label: string): void {
  const want = [...expected(text, values)].sort((a, b) => a - b);
  assert.equal([...coveredBy(occurrencesIn([{ text, start: 0 }], values))].sort((a, b) => a - b), want, `${label}, whole`);
  for (const size of [7, 64, 997]) {
    assert.equal([...coveredBy(occurrencesIn(inPieces(text, size), values))].sort((a, b) => a - b), want, `${label}, pieces of ${size}`);
  }
}

/** Values that overlap, nest, repeat each other's letters and hold the characters a regular expression gives meaning to. */
function valuesFor(n: number): string[] {
  const base = ['P@ss.w0rd*', 'ss.w0rd*+x', 'w0rd', 'a|b(c)?', '[x]{2}\\d$', 'aaaa', 'Pass/word-^'];
  return Array.from({ length: n }, (_, i) => (i < base.length ? base[i]! : `Secret-${i}-${'z'.repeat(i % 5)}`));
}

function textFor(values: readonly string[]): string {
  const parts = values.map((v, i) => `<Value>${v}</Value><!-- again: ${v}${v.slice(1)} --><Description>x${v}y aaaaaa</Description>${i % 3 === 0 ? `<${v.replace(/[^A-Za-z0-9]/g, '')}>t</${v.replace(/[^A-Za-z0-9]/g, '')}>` : ''}`);
  return `<unattend>${parts.join('\n')}</unattend>`;
}

for (const n of [1, 3, 5, 40, 300]) {
  test(`${n} values: every character of every repeat is found, in a whole text and in pieces`, () => {
    const values = valuesFor(n);
    assertSame(textFor(values), values, `${n} values`);
  });
}

test('values of one to three characters, more than a few of them, are found without a crash', () => {
  const values = ['a', 'bc', 'd', 'ef', 'g&'];
  const text = `<unattend><Value>abcdefg&amp;</Value><x>a d ef bc</x>${'<!-- aabbccddeeffgg& -->'.repeat(50)}</unattend>`;
  assertSame(text, values, 'short values');
});

test('a value repeated inside a broken end tag is masked; inside a tag name, it is the markup\'s word', () => {
  const text = '<unattend><Value>Fuzz-Secret-1</Value></PassworFuzz-Secret-1</Value></PassworFuzz-Secret-1c/Value><Fuzz-Secret-1>x</Fuzz-Secret-1><Fuzz-Secret-1/></unattend>';
  const values = ['Fuzz-Secret-1'];
  const found = occurrencesIn([{ text, start: 0 }], values).map((r) => text.slice(r.start - 1, r.end + 1));
  assert.equal(found, ['>Fuzz-Secret-1<', 'rFuzz-Secret-1<', 'rFuzz-Secret-1c']);
  assertSame(text, values, 'broken end tag');
  assertSame(`${text}<Value>x</PassworFuzz-Secret-1`, values, 'a file that breaks off inside a name');
  assert.equal(occurrencesIn([{ text: '<a></Fuzz-Secret-1', start: 0 }], values), [{ start: 5, end: 18 }]);
});

test('past where a file stops being well-formed, a value inside a name is masked too: the parser read no markup there', () => {
  const text = '<a><Value>Fuzz-Secret-1</Value></Fuzz-Secret-1x><Fuzz-Secret-1 /></a>';
  const values = ['Fuzz-Secret-1'];
  const starts = (brokenAt?: number): number[] => occurrencesIn([{ text, start: 0 }], values, brokenAt).map((r) => r.start);
  assert.equal(starts(), [10]);
  assert.equal(starts(30), [10, 33, 49]);
  assert.equal(starts(40), [10, 49]);
  for (const size of [7, 64]) assert.equal(occurrencesIn(inPieces(text, size), values, 30).map((r) => r.start), [10, 33, 49], `pieces of ${size}`);
});

test('a value repeated just after an element name, at the start of a piece, is not taken for a repeat', () => {
  // ">P@ssw0r" follows the name "Value" in each <Value>: inside the markup's words, so not a repeat (as in the whole
  // text). With pieces of 997 characters one of them starts with a tail that begins inside such a name.
  const values = ['>P@ssw0r'];
  const text = `<unattend>${'<Value>P@ssw0rd</Value>\n'.repeat(400)}</unattend>`;
  assert.equal(occurrencesIn([{ text, start: 0 }], values), [], 'whole');
  for (let size = 200; size < 1100; size += 37) assert.equal(occurrencesIn(inPieces(text, size), values), [], `pieces of ${size}`);
});

test.run();
