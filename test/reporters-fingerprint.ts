// primaryLocationLineHash: same values as GitHub's upload action, and blind to secret values.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createReadStream, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from '../src/source/encode.js';
import { decode } from '../src/source/decode.js';
import { actionText, lineHashes, maskSecrets } from '../src/reporters/fingerprint.js';
import { toSarifLog } from '../src/reporters/sarif.js';
import { SECRET_MASK } from '../src/reporters/secrets.js';
import { context, PASSWORD, sampleResults, span, UNATTEND } from './reporters-sample.js';
import { tempDir } from './helpers/temp.js';

// Expected values published with codeql-action's fingerprint tests (src/fingerprints.test.ts, its "hash" test
// and the end-to-end addFingerprints test over src/testdata/testFile1.js and testFile2.js), MIT licence.
test('matches codeql-action on its published vectors', () => {
  assert.equal(lineHashes(''), ['c129715d7a2bc9a3:1']);
  assert.equal(lineHashes(' a\nb\n  \t\tc\n d'), ['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1']);
  assert.equal(lineHashes(' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End'), ['8b7cf3e952e7aeb2:1', 'b1ae1287ec4718d9:1', 'bff680108adb0fcc:1', 'c6805c5e1288b612:1', 'b86d3392aea1be30:1', 'e6ceba753e1a442:1']);
  const expected = ['e9496ae3ebfced30:1', 'fb7c023a8b9ccb3f:1', 'ce8ba1a563dcdaca:1', 'e20e36e16fcb0cc8:1', 'b3edc88f2938467e:1', 'c8e28b0b4002a3a0:1', 'c129715d7a2bc9a3:1'];
  assert.equal(lineHashes(' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n'), expected);
  assert.equal(lineHashes(' hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r'), expected);
  assert.equal(lineHashes(' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n'), expected);
  assert.equal(lineHashes(' hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n'), expected);
  assert.equal(lineHashes('Lorem ipsum dolor sit amet.\n'.repeat(10)), [
    ...[1, 2, 3, 4, 5, 6].map((n) => `a7f2ff13bc495cf2:${n}`),
    'a7f2ff1481e87703:1', 'a9cf91f7bbf1862b:1', '55ec222b86bcae53:1', 'cc97dc7b1d7d8f7b:1', 'c129715d7a2bc9a3:1',
  ]);
  assert.equal(lineHashes('x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n'), [
    'e54938cc54b302f1:1', 'bb609acbe9138d60:1', '1131fd5871777f34:1', '5c482a0f8b35ea28:1', '54517377da7028d2:1', '2c644846cb18d53e:1', 'f1b89f20de0d133:1', 'c129715d7a2bc9a3:1',
  ]);
  assert.is(lineHashes('var a = 0;\nvar b = 0;\nvar c = 0;\nvar d = 0;\n')[0], '5e4d5a9cf1294ad9:1');
  assert.is(lineHashes('var foo = 0;\nvar bar = 0;\nvar baz = 0;\nvar qux = 0;\n')[1], 'f7592a95a9381ac0:1');
});

/** What the upload action's read stream (fs.createReadStream(path, "utf8")) yields for these bytes. */
async function readAsTheActionDoes(bytes: Uint8Array): Promise<string> {
  const dir = tempDir('ul-fp-');
  try {
    const file = join(dir, 'unattend.xml');
    writeFileSync(file, bytes);
    let text = '';
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 7 })) text += chunk as string;
    return text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the text hashed is what the action reads from the file: BOM, UTF-16 and code pages as bytes read as UTF-8', async () => {
  const xml = '<?xml version="1.0"?>\r\n<unattend>\r\n  <ComputerName>PC-\u00e9\u20ac\u{1F511}</ComputerName>\r\n</unattend>\r\n';
  const cases: [string, boolean, string][] = [['utf-8', false, xml], ['utf-8', true, xml], ['utf-16le', true, xml], ['utf-16le', false, xml], ['utf-16be', true, xml]];
  for (const [encoding, bom, text] of cases) {
    const bytes = encode(text, encoding, bom)!;
    const decoded = decode(bytes);
    assert.is(decoded.text, text, `${encoding} round trip`);
    const read = await readAsTheActionDoes(bytes);
    assert.is(actionText(decoded.text, decoded.encoding, decoded.bom), read, `${encoding}${bom ? ' with BOM' : ''}`);
    assert.equal(lineHashes(actionText(decoded.text, decoded.encoding, decoded.bom)), lineHashes(read));
  }
  // A windows-1252 file: its bytes are rebuilt from the decoded text.
  const latin = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?>\n<a>caf'), 0xe9, 0x80, ...new TextEncoder().encode('</a>\n')]);
  const decoded = decode(latin);
  assert.is(decoded.encoding, 'windows-1252');
  assert.is(actionText(decoded.text, decoded.encoding, decoded.bom), await readAsTheActionDoes(latin));
  // The BOM counts on line 1 only; UTF-16 changes every line's hash.
  assert.is.not(lineHashes(actionText(xml, 'utf-8', true))[0], lineHashes(xml)[0]);
  assert.equal(lineHashes(actionText(xml, 'utf-8', true)).slice(1), lineHashes(xml).slice(1));
  assert.is.not(lineHashes(actionText(xml, 'utf-16le', true))[2], lineHashes(xml)[2]);
  // An encoding that cannot be rebuilt here falls back to the decoded text.
  assert.is(actionText('abc', 'shift_jis', false), 'abc');
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
