// Bytes → text: BOM and XML-declaration sniffing, strict decoding, and a position for undecodable bytes.

export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | string;

export interface XmlDeclaration {
  /** The encoding pseudo-attribute as written, if any. */
  encoding?: string;
  /** Range of the encoding value in the decoded text. */
  encodingRange?: { start: number; end: number };
  range: { start: number; end: number };
}

export interface DecodedSource {
  text: string;
  /** Encoding the bytes were decoded with. */
  encoding: DetectedEncoding;
  bom: boolean;
  declaration?: XmlDeclaration;
  /** Set when the bytes cannot be decoded: text holds what decoded before the first bad byte. */
  error?: { message: string; offset: number };
}

const DECL_RE = /^<\?xml\s[^>]*?\?>/;
const ENC_RE = /\bencoding\s*=\s*(["'])([^"']*)\1/;

/** Reads the XML declaration at the very start of decoded text. */
export function readDeclaration(text: string): XmlDeclaration | undefined {
  const m = DECL_RE.exec(text);
  if (!m) return undefined;
  const decl: XmlDeclaration = { range: { start: 0, end: m[0].length } };
  const e = ENC_RE.exec(m[0]);
  if (e) {
    const start = e.index + e[0].indexOf(e[1]!) + 1;
    decl.encoding = e[2]!;
    decl.encodingRange = { start, end: start + e[2]!.length };
  }
  return decl;
}

function sniff(bytes: Uint8Array): { encoding: string; bom: number } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // XML 1.0 appendix F: "<?" in UTF-16 without a byte order mark.
  if (a === 0x3c && b === 0x00 && c === 0x3f) return { encoding: 'utf-16le', bom: 0 };
  if (a === 0x00 && b === 0x3c && bytes[3] === 0x3f) return { encoding: 'utf-16be', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

/** Encoding named in an ASCII-compatible declaration, if TextDecoder knows it. */
function declaredAsciiEncoding(bytes: Uint8Array, bom: number): string | undefined {
  // Read as Latin-1 (one character per byte): enough to find an ASCII declaration.
  const head = String.fromCharCode.apply(null, bytes.subarray(bom, bom + 200) as unknown as number[]);
  const decl = readDeclaration(head);
  if (!decl?.encoding) return undefined;
  try {
    return new TextDecoder(decl.encoding).encoding;
  } catch {
    return undefined;
  }
}

/** Finds the byte offset where strict decoding fails, by bisecting on decodable prefixes. */
function firstBadByte(bytes: Uint8Array, encoding: string): number {
  const ok = (n: number, stream = true): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, n), { stream });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  // A streamed prefix may end inside a multi-byte sequence: the bad sequence starts where it began.
  while (lo > 0 && !ok(lo, false)) lo--;
  return lo;
}

/**
 * The encoding a file's bytes are decoded with, and the length of its byte order mark, from its first bytes (200 are
 * enough): the byte order mark, UTF-16's "<?" shape, else UTF-8 or the single-byte encoding its declaration names.
 */
export function textEncoding(bytes: Uint8Array): { encoding: string; bom: number } {
  const sniffed = sniff(bytes);
  if (sniffed.encoding !== 'utf-8' || sniffed.bom > 0) return sniffed;
  const declared = declaredAsciiEncoding(bytes, 0);
  // Only single-byte, ASCII-compatible declarations change how bytes decode; a declared UTF-16
  // without its byte shape is a contradiction the encoding rule reports.
  return declared && declared !== 'utf-8' && !declared.startsWith('utf-16') ? { encoding: declared, bom: 0 } : sniffed;
}

export function decode(bytes: Uint8Array): DecodedSource {
  const sniffed = textEncoding(bytes);
  const encoding = sniffed.encoding;
  const body = bytes.subarray(sniffed.bom);
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    return finish({ text, encoding, bom: sniffed.bom > 0 });
  } catch {
    const bad = firstBadByte(body, encoding);
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body.subarray(0, bad));
    const hex = Array.from(body.subarray(bad, bad + 2), (x) => x.toString(16).padStart(2, '0')).join(' ');
    return finish({
      text,
      encoding,
      bom: sniffed.bom > 0,
      error: { message: `bytes ${hex} at byte ${bad + sniffed.bom} are not valid ${encoding.toUpperCase()}`, offset: text.length },
    });
  }
}

function finish(src: DecodedSource): DecodedSource {
  const declaration = readDeclaration(src.text);
  return declaration ? { ...src, declaration } : src;
}
