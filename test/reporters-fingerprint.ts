// primaryLocationLineHash: same values as GitHub's upload action, and blind to secret values.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lineHashes, maskSecrets } from '../src/reporters/fingerprint.js';
import { toSarifLog } from '../src/reporters/sarif.js';
import { SECRET_MASK } from '../src/reporters/secrets.js';
import { context, PASSWORD, sampleResults, span, UNATTEND } from './reporters-sample.js';

// Expected values published with codeql-action's fingerprint tests (src/fingerprints.test.ts).
test('matches codeql-action on its published vectors', () => {
  assert.equal(lineHashes(''), ['c129715d7a2bc9a3:1']);
  assert.equal(lineHashes(' a\nb\n  \t\tc\n d'), ['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1']);
  const expected = ['e9496ae3ebfced30:1', 'fb7c023a8b9ccb3f:1', 'ce8ba1a563dcdaca:1', 'e20e36e16fcb0cc8:1', 'b3edc88f2938467e:1', 'c8e28b0b4002a3a0:1', 'c129715d7a2bc9a3:1'];
  assert.equal(lineHashes(' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n'), expected);
  assert.equal(lineHashes(' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n'), expected);
  assert.equal(lineHashes(' hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n'), expected);
});

/**
 * The hash by its definition, in BigInt: for each line, the sum over the 100 values read from its start
 * (blanks skipped, CR and CRLF read as LF, then the end-of-file marker and zeros) of value * 37^(99 - j).
 */
function definitionHashes(text: string): string[] {
  const values: number[] = [];
  const starts: number[] = [];
  let prevCR = false;
  let lineStart = true;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 65535;
    if (code === 32 || code === 9 || (prevCR && code === 10)) {
      prevCR = false;
      continue;
    }
    prevCR = code === 13;
    if (lineStart) starts.push(values.length);
    lineStart = prevCR || code === 10;
    values.push(prevCR ? 10 : code);
  }
  const seen = new Map<string, number>();
  return starts.map((s) => {
    let hash = 0n;
    for (let j = 0; j < 100; j++) hash = BigInt.asUintN(64, hash * 37n + BigInt(values[s + j] ?? 0));
    const value = hash.toString(16);
    seen.set(value, (seen.get(value) ?? 0) + 1);
    return `${value}:${seen.get(value)}`;
  });
}

test('the 64-bit arithmetic in two halves gives the hash of the definition', () => {
  let seed = 9;
  const rnd = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
  const alphabet = ['a', 'Z', '~', ' ', '\t', '\n', '\r', '\r\n', '\uffff', '\u00e9', '\ud83d\udd11', 'x'.repeat(150)];
  let paddedLow = 0;
  for (let i = 0; i < 300; i++) {
    const text = Array.from({ length: rnd(60) }, () => alphabet[rnd(alphabet.length)]).join('');
    const hashes = lineHashes(text);
    assert.equal(hashes, definitionHashes(text), JSON.stringify(text));
    paddedLow += hashes.filter((h) => /^[0-9a-f]+0[0-9a-f]{7}:/.test(h)).length;
  }
  assert.ok(paddedLow > 0, 'some low halves start with a zero digit');
  // A text long enough for the window to wrap many times.
  const long = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90)) + (i % 37 === 0 ? '\n' : '')).join('');
  assert.equal(lineHashes(long), definitionHashes(long));
});

test('repeated lines get occurrence counters', () => {
  const hashes = lineHashes('Lorem ipsum dolor sit amet.\n'.repeat(10));
  assert.equal(hashes.slice(0, 6), [1, 2, 3, 4, 5, 6].map((n) => `a7f2ff13bc495cf2:${n}`));
  assert.is(hashes[6], 'a7f2ff1481e87703:1');
  assert.is(hashes.length, 11);
});

test('secrets are masked before hashing, keeping line numbers', () => {
  const secret = span(UNATTEND, PASSWORD).range;
  const masked = maskSecrets(UNATTEND, [secret]);
  assert.not.ok(masked.includes(PASSWORD));
  assert.ok(masked.includes(`<Value>${SECRET_MASK}</Value>`));
  assert.is(masked.split('\n').length, UNATTEND.split('\n').length);
  // A secret across lines keeps its line breaks, so later lines keep their numbers.
  assert.is(maskSecrets('a\nsec\r\nret\nb', [{ start: 2, end: 10 }]), `a\n${SECRET_MASK}\r\n${SECRET_MASK}\nb`);
});

test('changing only the password changes no fingerprint', () => {
  const hashesOf = (password: string): (string | undefined)[] => {
    const [file] = sampleResults();
    file!.source = file!.source!.replace(PASSWORD, password);
    file!.secretRanges = [span(file!.source!, password).range];
    return toSarifLog([file!], context()).runs[0].results.map((r) => r.partialFingerprints?.primaryLocationLineHash);
  };
  const a = hashesOf(PASSWORD);
  assert.equal(hashesOf('another, much longer secret'), a);
  // Without masking the password line's hash would depend on it: the masking is what makes it blind.
  const line = span(UNATTEND, PASSWORD).line - 1;
  assert.is.not(lineHashes(UNATTEND)[line], lineHashes(UNATTEND.replace(PASSWORD, 'x'))[line]);
  assert.ok(a.every((h) => h !== undefined));
});

test.run();
