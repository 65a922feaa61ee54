// A file's text read in chunks: decoded piece by piece, never held whole, any range read back on demand.
import { readDeclaration, textEncoding, type DetectedEncoding, type XmlDeclaration } from './decode.js';
import type { TextReader } from './line-index.js';
import { lastAtOrBefore } from '../util/sorted.js';

/** Random access to a file's bytes (the Node layer reads a file descriptor; tests read an array). */
export interface ByteReader {
  readonly size: number;
  /** Reads up to `buffer.length` bytes at byte `position` into `buffer`; returns how many it read. */
  read(buffer: Uint8Array, position: number): number;
}

/** Thrown when the bytes do not decode: the caller lints the file the whole-text way, which reports where. */
export class UndecodableError extends Error {}

/** A piece of the text and the offset (in UTF-16 code units) where it starts. */
export interface Piece {
  readonly text: string;
  readonly start: number;
}

export interface StreamedText extends TextReader {
  readonly encoding: DetectedEncoding;
  readonly bom: boolean;
  readonly declaration: XmlDeclaration | undefined;
  /** The text in document order, decoded from the file again on each call. */
  pieces(): Generator<Piece>;
  /** The last `<` at or before `offset`, or -1 (searching back through the pieces that hold none). */
  lastIndexOf(search: string, offset: number): number;
}

/** Bytes per read. */
export const CHUNK_BYTES = 64 * 1024;
const SMALLEST_CHUNK = 4;
const DECLARATION_START = /^<\?xml\s/;
/** Characters kept to read the XML declaration. */
const LONGEST_OPENING = 1024 * 1024;

/** The text of a file in pieces, decoded from its start on each iteration: for one read through, no checkpoints. */
export function readPieces(reader: ByteReader, chunkBytes = CHUNK_BYTES): Iterable<Piece> | undefined {
  const opened = openBytes(reader, chunkBytes);
  return opened && { [Symbol.iterator]: () => opened.decodeFrom(opened.bom, 0) };
}

/** The encoding of a file read in pieces, and the generator of its pieces from a byte and character offset on. */
function openBytes(reader: ByteReader, chunkBytes: number) {
  const head = new Uint8Array(Math.min(reader.size, 256));
  reader.read(head, 0);
  const { encoding, bom } = textEncoding(head);
  // A single-byte encoding a declaration names is read whole (its files are few and small).
  if (encoding !== 'utf-8' && encoding !== 'utf-16le' && encoding !== 'utf-16be') return undefined;
  const size = Math.max(SMALLEST_CHUNK, chunkBytes);
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  function* decodeFrom(byte: number, char: number): Generator<Piece & { byte: number }> {
    const buffer = new Uint8Array(size);
    let at = byte;
    let offset = char;
    while (at < reader.size) {
      const n = reader.read(buffer, at);
      if (n <= 0) throw new UndecodableError(`the file shrank while it was read (at byte ${at})`);
      const last = at + n >= reader.size;
      const cut = last ? n : cutAt(buffer, n, encoding);
      let text: string;
      try {
        text = decoder.decode(buffer.subarray(0, cut));
      } catch {
        throw new UndecodableError(`bytes that are not valid ${encoding.toUpperCase()} after byte ${at}`);
      }
      yield { text, start: offset, byte: at };
      at += cut;
      offset += text.length;
    }
  }
  return { encoding, bom, decodeFrom };
}

/**
 * The streamed text of a file, or undefined when its encoding is not one read in pieces here (UTF-8, UTF-16LE and
 * UTF-16BE are; a file declaring a single-byte encoding is read whole). A first pass over the whole file decodes it
 * strictly (UndecodableError on the first bad byte) and notes where each piece starts, so that any range can be read
 * back later; `onPiece` sees that pass's pieces.
 */
export function openStreamedText(reader: ByteReader, onPiece: (p: Piece) => void, chunkBytes = CHUNK_BYTES): StreamedText | undefined {
  const opened = openBytes(reader, chunkBytes);
  if (!opened) return undefined;
  const { encoding, bom } = opened;
  // Char and byte offsets where each piece starts: a range is read back from the piece holding its start.
  const chars: number[] = [];
  const bytes: number[] = [];
  let length = 0;
  /** The pieces from piece `index` on (the first pass starts at 0 with nothing noted yet). */
  const decodeFrom = (index: number): Generator<Piece & { byte: number }> =>
    index < bytes.length ? opened.decodeFrom(bytes[index]!, chars[index]!) : opened.decodeFrom(bom, 0);

  // A declaration starts the text and ends at its first ">": what comes before that is enough to read it.
  let opening = '';
  let openingDone = false;
  for (const p of decodeFrom(0)) {
    chars.push(p.start);
    bytes.push(p.byte);
    length = p.start + p.text.length;
    if (!openingDone) {
      const gt = p.text.indexOf('>');
      opening += gt >= 0 ? p.text.slice(0, gt + 1) : p.text;
      openingDone = gt >= 0 || (opening.length >= 6 && !DECLARATION_START.test(opening)) || opening.length > LONGEST_OPENING;
    }
    onPiece({ text: p.text, start: p.start });
  }
  // A declaration longer than that is no reason to hold the text: such a file is read whole.
  if (opening.length > LONGEST_OPENING) return undefined;
  const declaration = readDeclaration(opening);

  // The last two pieces read back are kept: ranges are asked for near each other.
  let recent: Piece[] = [];
  const pieceOf = (offset: number): number => lastAtOrBefore(chars, offset);
  const cached = (offset: number): Piece | undefined => recent.find((p) => p.start <= offset && offset < p.start + p.text.length);
  const piece = (index: number): Piece => {
    const start = chars[index]!;
    const hit = cached(start);
    if (hit && hit.start === start) return hit;
    const next = decodeFrom(index).next().value!;
    const read = { text: next.text, start: next.start };
    recent = [read, ...recent.slice(0, 1)];
    return read;
  };

  const streamed: StreamedText = {
    encoding,
    bom: bom > 0,
    declaration,
    length,
    *pieces() {
      for (const { text, start } of decodeFrom(0)) {
        const p = { text, start };
        recent = [p, ...recent.slice(0, 1)];
        yield p;
      }
    },
    slice(start, end) {
      const from = Math.max(0, Math.min(start, length));
      const to = Math.max(from, Math.min(end, length));
      if (from === to) return '';
      const first = cached(from);
      if (first && to <= first.start + first.text.length) return first.text.slice(from - first.start, to - first.start);
      let out = '';
      for (let i = pieceOf(from); i < chars.length && chars[i]! < to; i++) {
        const p = piece(i);
        out += p.text.slice(Math.max(0, from - p.start), to - p.start);
      }
      return out;
    },
    lastIndexOf(search, offset) {
      // Most searches (the "<" of the tag just read) end in the piece being parsed, where no match can cross its end.
      const last = recent[0];
      if (last && offset >= last.start && offset + search.length <= last.start + last.text.length) {
        const within = last.text.lastIndexOf(search, offset - last.start);
        if (within >= 0) return last.start + within;
      }
      // Piece by piece backwards, each window reaching into the next piece so that a match across a seam is seen.
      for (let hi = Math.min(offset, length - 1); hi >= 0; ) {
        const lo = Math.max(0, chars[pieceOf(hi)]! - search.length + 1);
        const at = streamed.slice(lo, hi + search.length).lastIndexOf(search, hi - lo);
        if (at >= 0) return lo + at;
        hi = lo - 1;
      }
      return -1;
    },
  };
  return streamed;
}

/** How many of the `n` bytes read end on a character boundary (the rest is read again with the next chunk). */
function cutAt(buffer: Uint8Array, n: number, encoding: string): number {
  if (encoding === 'utf-8') {
    // Back over continuation bytes (10xxxxxx) to the lead byte of the last sequence: cut before it if incomplete.
    let k = n - 1;
    while (k > n - 4 && k > 0 && (buffer[k]! & 0xc0) === 0x80) k--;
    const lead = buffer[k]!;
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    return k > 0 && need > n - k ? k : n;
  }
  // UTF-16: whole code units, and never the first half of a surrogate pair alone.
  let cut = n - (n % 2);
  const unit = encoding === 'utf-16le' ? buffer[cut - 2]! | (buffer[cut - 1]! << 8) : (buffer[cut - 2]! << 8) | buffer[cut - 1]!;
  if (unit >= 0xd800 && unit <= 0xdbff && cut > 2) cut -= 2;
  return cut;
}
