// primaryLocationLineHash as GitHub's upload action computes it, but over text with secrets masked.
//
// GitHub matches alerts across commits by this value. The algorithm follows codeql-action's
// src/fingerprints.ts (rolling hash, base 37, 64-bit, over the next 100 characters from the start
// of the line, ignoring spaces and tabs, CR/CRLF read as LF, "hex:occurrence"), so that for
// files without secrets our value equals the one the action would compute and it does not warn.
// The action hashes the file's bytes read as UTF-8, so a byte order mark counts on line 1 and a
// UTF-16 file (as Windows SIM saves answer files) is hashed as what its bytes mean in UTF-8;
// actionText rebuilds that text from the decoded one.
// Secrets are replaced by the fixed mask first: a 64-bit polynomial hash of a short password
// with known surroundings can be inverted, so the real value must never enter the hash.
import { encode } from '../source/encode.js';
import { readPieces, type ByteReader } from '../source/stream.js';
import type { FileResult, Range } from '../types.js';
import { mergedSecretRanges, SECRET_MASK } from './secrets.js';

const BLOCK_SIZE = 100;
const MOD = 37;
// The hash is 64-bit; it is kept as two 32-bit halves in plain numbers, each product staying below
// 2^53 (exact), since BigInt arithmetic per character made large files slow.
const TWO_32 = 2 ** 32;
const FIRST_MOD = BigInt.asUintN(64, BigInt(MOD) ** BigInt(BLOCK_SIZE));
const FIRST_MOD_HI = Number(FIRST_MOD >> 32n);
const FIRST_MOD_LO = Number(FIRST_MOD & 0xffffffffn);
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
// codeql-action's end-of-file marker (a UTF-16 code unit that never occurs as text here).
const EOF = 65535;

/** Source with each secret replaced by the mask, line by line, so line numbers do not move. */
export function maskSecrets(source: string, secrets: readonly Range[] | undefined): string {
  let out = '';
  let cursor = 0;
  for (const r of mergedSecretRanges(secrets)) {
    out += source.slice(cursor, r.start);
    out += source.slice(r.start, r.end).replace(/[^\r\n]+/g, SECRET_MASK);
    cursor = r.end;
  }
  return out + source.slice(cursor);
}

/** Bytes of `text` in a single-byte encoding, or undefined if it is not one or cannot encode the text. */
function singleByteBytes(text: string, encoding: string): Uint8Array | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    return undefined;
  }
  const byteOf = new Map<number, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    // A lead byte of a multi-byte encoding decodes to nothing or to U+FFFD.
    if (ch.length === 1 && ch !== '\uFFFD') byteOf.set(ch.charCodeAt(0), b);
  }
  if (byteOf.size < 128) return undefined;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = byteOf.get(text.charCodeAt(i));
    if (b === undefined) return undefined;
    bytes[i] = b;
  }
  return bytes;
}

/**
 * The text the upload action hashes for a file decoded as `text`: its bytes (rebuilt from the encoding and
 * byte order mark it was read with) read as UTF-8. For an encoding that cannot be rebuilt here (a
 * multi-byte legacy one) the decoded text itself.
 */
export function actionText(text: string, encoding = 'utf-8', bom = false): string {
  if (encoding === 'utf-8') return bom ? `\uFEFF${text}` : text;
  const bytes = encode(text, encoding, bom) ?? singleByteBytes(text, encoding);
  // The action's read stream decodes as UTF-8 keeping a byte order mark and replacing bad bytes, as this does.
  return bytes ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) : text;
}

/** One "hash:n" per line of `text` (index 0 = line 1). */
export function lineHashes(text: string): string[] {
  const hashes: string[] = [];
  const seen = new Map<string, number>();
  const hasher = createLineHasher((line, value) => {
    const n = (seen.get(value) ?? 0) + 1;
    seen.set(value, n);
    hashes[line - 1] = `${value}:${n}`;
  });
  hasher.feed(text);
  hasher.end();
  return hashes;
}

/**
 * The rolling hash of lineHashes over a text fed in pieces: `onLine` gets each line's hash (without its ":n"), in
 * the order the action numbers repeats in.
 */
export function createLineHasher(onLine: (line: number, value: string) => void): { feed(text: string): void; end(): void } {
  const window: number[] = new Array<number>(BLOCK_SIZE).fill(0);
  // Line number that starts at each window slot, or -1.
  const lineNumbers: number[] = new Array<number>(BLOCK_SIZE).fill(-1);
  let hashHi = 0;
  let hashLo = 0;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let prevCR = false;

  const output = (): void => {
    const value = hashHi === 0 ? hashLo.toString(16) : hashHi.toString(16) + hashLo.toString(16).padStart(8, '0');
    onLine(lineNumbers[index]!, value);
    lineNumbers[index] = -1;
  };
  const update = (current: number): void => {
    const begin = window[index]!;
    window[index] = current;
    // hash = MOD * hash + current - FIRST_MOD * begin (mod 2^64), low half first, its carry into the high half.
    const lo = MOD * hashLo + current - FIRST_MOD_LO * begin;
    hashLo = lo >>> 0;
    hashHi = (MOD * hashHi - FIRST_MOD_HI * begin + (lo - hashLo) / TWO_32) >>> 0;
    index = (index + 1) % BLOCK_SIZE;
  };
  const processChar = (code: number): void => {
    let current = code;
    if (current === SPACE || current === TAB || (prevCR && current === LF)) {
      prevCR = false;
      return;
    }
    prevCR = current === CR;
    if (prevCR) current = LF;
    if (lineNumbers[index] !== -1) output();
    if (lineStart) {
      lineStart = false;
      lineNumber++;
      lineNumbers[index] = lineNumber;
    }
    if (current === LF) lineStart = true;
    update(current);
  };
  return {
    feed(text) {
      for (let i = 0; i < text.length; i++) processChar(text.charCodeAt(i));
    },
    end() {
      processChar(EOF);
      for (let i = 0; i < BLOCK_SIZE; i++) {
        if (lineNumbers[index] !== -1) output();
        update(0);
      }
    },
  };
}

/**
 * The text the upload action hashes, piece by piece, for a file read in `pieces` (UTF-8 or UTF-16): secrets masked
 * as maskSecrets masks them, then actionText's bytes-as-UTF-8 view.
 */
export function* actionPieces(pieces: Iterable<{ text: string; start: number }>, secrets: readonly Range[] | undefined, encoding: string, bom: boolean): Generator<string> {
  const ranges = mergedSecretRanges(secrets);
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  let r = 0;
  // Whether the last character was inside a run of masked characters that a range goes on with in the next piece.
  let inRun = false;
  let first = true;
  for (const { text, start } of pieces) {
    const end = start + text.length;
    let out = '';
    let at = start;
    while (r < ranges.length && ranges[r]!.end <= start) r++;
    for (let k = r; k < ranges.length && ranges[k]!.start < end; k++) {
      const from = Math.max(ranges[k]!.start, start);
      const to = Math.min(ranges[k]!.end, end);
      out += text.slice(at - start, from - start);
      const going = inRun && from === start && ranges[k]!.start < start;
      out += text.slice(from - start, to - start).replace(/[^\r\n]+/g, (run, offset: number) => (going && offset === 0 ? '' : SECRET_MASK));
      inRun = ranges[k]!.end > end && to > from && !/[\r\n]$/.test(text.slice(to - start - 1, to - start));
      at = to;
    }
    if (at < end) inRun = false;
    out += text.slice(at - start);
    if (encoding === 'utf-8') yield first && bom ? `\uFEFF${out}` : out;
    else yield utf8.decode(encode(out, encoding, first && bom) ?? new Uint8Array(), { stream: true });
    first = false;
  }
  if (encoding !== 'utf-8') yield utf8.decode();
}

/**
 * primaryLocationLineHash of each line of a linted file (index 0 = line 1), over its text with secrets masked
 * as the upload action would read it; for a file linted as a stream, those of its findings' lines that were added
 * (addLineHashes); none without the file's text.
 */
export function fileLineHashes(file: FileResult): string[] {
  if (file.source !== undefined) return lineHashes(actionText(maskSecrets(file.source, file.secretRanges), file.encoding, file.bom));
  const out: string[] = [];
  for (const [line, hash] of Object.entries(file.excerpt?.lineHashes ?? {})) out[Number(line) - 1] = hash;
  return out;
}

/**
 * The line hashes of `wanted` lines of a text read in pieces (as many times as `pieces` is called): two passes, the
 * first for the lines' hashes, the second to number their repeats, so that nothing is kept for the other lines.
 */
export function lineHashesOf(
  pieces: () => Iterable<{ text: string; start: number }>,
  secrets: readonly Range[] | undefined,
  encoding: string,
  bom: boolean,
  wanted: ReadonlySet<number>,
): Record<number, string> {
  const values = new Map<number, string>();
  const first = createLineHasher((line, value) => void (wanted.has(line) && values.set(line, value)));
  for (const text of actionPieces(pieces(), secrets, encoding, bom)) first.feed(text);
  first.end();
  const counted = new Set(values.values());
  const seen = new Map<string, number>();
  const out: Record<number, string> = {};
  const second = createLineHasher((line, value) => {
    if (!counted.has(value)) return;
    const n = (seen.get(value) ?? 0) + 1;
    seen.set(value, n);
    if (wanted.has(line)) out[line] = `${value}:${n}`;
  });
  for (const text of actionPieces(pieces(), secrets, encoding, bom)) second.feed(text);
  second.end();
  return out;
}

/**
 * Adds to a result linted as a stream the line hashes of its findings' lines, reading its file again through
 * `reader`: what SARIF's partialFingerprints and GitLab's fingerprints are made of. Nothing for other results.
 */
export function addLineHashes(file: FileResult, reader: ByteReader, chunkBytes?: number): void {
  const excerpt = file.excerpt;
  if (!excerpt || excerpt.lineHashes) return;
  // Read straight through, twice: no piece is read back, so none is noted.
  const pieces = readPieces(reader, chunkBytes);
  if (!pieces) return;
  const wanted = new Set(file.messages.map((d) => Math.max(1, d.line)));
  excerpt.lineHashes = lineHashesOf(() => pieces, file.secretRanges, file.encoding ?? 'utf-8', file.bom ?? false, wanted);
}
