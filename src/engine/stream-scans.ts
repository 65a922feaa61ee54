// The whole-text scans of a file linted as a stream, made window by window as its pieces are read: credentials by
// shape, template conditionals and template marks before the parse, the repeats of secret values after it.
import type { Range } from '../types.js';
import type { Piece } from '../source/stream.js';
import { freeSecretScan, PIPED_VALUE, scanFreeSecretsIn, secretFinderFor } from './secrets.js';
import { conditionalsIn, templateMarkOffsets } from '../binder/placeholders.js';
import { firstIndex } from '../util/sorted.js';

export interface TextScans {
  /** Credentials found by shape (as scanFreeSecrets finds them in the whole text). */
  readonly secrets: Range[];
  /** Offsets of template conditionals (as conditionalOffsets). */
  readonly conditionals: number[];
  /** Offsets of template-token characters (as templateMarkOffsets). */
  readonly marks: number[];
}

export interface ScanWindows {
  /** Characters each window reports on. */
  readonly segment: number;
  /** Characters each window reaches past them: more than any match is long (a product key, an argument, a tag). */
  readonly overlap: number;
}

export const SCAN_WINDOWS: ScanWindows = { segment: 1024 * 1024, overlap: 64 * 1024 };

/**
 * Characters before a window's first reported offset that it still holds (a word boundary, a line start, the value
 * piped into ConvertTo-SecureString before a pipe the window reports).
 */
const LOOKBEHIND = PIPED_VALUE + 16;

export interface TextScanner {
  feed(piece: Piece): void;
  finish(): TextScans;
}

export function createTextScanner(windows: ScanWindows = SCAN_WINDOWS): TextScanner {
  const { segment, overlap } = windows;
  let buffer = '';
  let bufferStart = 0;
  let fed = 0;
  let next = 0;
  const secrets = freeSecretScan();
  const conditionals = { found: [] as number[], from: 0 };
  const marks: number[] = [];
  // Whether the window (the text from `base` to `end`) holds a "{" or a "%", which every template conditional starts
  // with, from the template marks already found (a window without any is not searched).
  const conditionalMarkIn = (window: string, base: number, end: number): boolean => {
    for (let i = firstIndex(marks.length, (k) => marks[k]! >= base); i < marks.length && marks[i]! < end; i++) {
      const c = window.charCodeAt(marks[i]! - base);
      if (c === 0x7b || c === 0x25) return true;
    }
    return false;
  };
  const scanTo = (until: number): void => {
    const base = Math.max(0, next - LOOKBEHIND);
    const end = Math.min(fed, until + overlap);
    const window = buffer.slice(base - bufferStart, end - bufferStart);
    scanFreeSecretsIn(window, base, until, secrets);
    if (conditionalMarkIn(window, base, end)) conditionalsIn(window, base, until, conditionals);
    else conditionals.from = until;
    next = until;
    const keep = Math.max(0, next - LOOKBEHIND);
    buffer = buffer.slice(keep - bufferStart);
    bufferStart = keep;
  };
  return {
    feed(piece) {
      for (const at of templateMarkOffsets(piece.text)) marks.push(piece.start + at);
      buffer += piece.text;
      fed = piece.start + piece.text.length;
      while (fed - next >= segment + overlap) scanTo(next + segment);
    },
    finish() {
      if (fed > next || fed === 0) scanTo(fed);
      return { secrets: secrets.byShape.flat(), conditionals: conditionals.found, marks };
    },
  };
}

/** Where an occurrence is: outside any element name, inside one, or in a name that runs to the end of the text read so far. */
const OUTSIDE = 0;
const IN_NAME = 1;
const NAME_RUNS_ON = 2;

/**
 * Whether the occurrence at `at` is inside an element name (<AdministratorPassword>, </wcm:Value>): a secret repeated
 * there is the markup's word, not the secret, and masking it would show which word the password is. A name that does
 * not end as a tag's name does (white space, ">", or "/>" after a start tag's) is broken markup, not a word of the
 * file's markup: a secret there is masked. NAME_RUNS_ON when the text read so far ends inside the name: the next
 * piece tells, and a file that ends inside a name has broken off there (masked).
 */
function nameState(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && isNameChar(text.charCodeAt(i))) i--;
  if (i < 0) return OUTSIDE;
  const c = text.charCodeAt(i);
  // "<name", "</name"
  const endTag = c === 0x2f && text.charCodeAt(i - 1) === 0x3c;
  if (!(c === 0x3c || endTag)) return OUTSIDE;
  // Where the name ends, which may be inside the occurrence (">P@ss" after "<Value").
  let j = at;
  while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
  if (j >= text.length) return NAME_RUNS_ON;
  const after = text.charCodeAt(j);
  if (after === 0x3e || after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d) return IN_NAME;
  // "<name/>" only: an end tag has no slash after its name.
  if (after !== 0x2f || endTag) return OUTSIDE;
  return j + 1 >= text.length ? NAME_RUNS_ON : text.charCodeAt(j + 1) === 0x3e ? IN_NAME : OUTSIDE;
}

/** How far back nameState may look: longer than any element or attribute name of an answer file. */
const NAME_CONTEXT = 256;

const isNameChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c === 58;

/** Up to this many values, a native search per value is cheapest. */
const FEW_VALUES = 4;
/** Up to this many, one multi-value search (its checks where a value may start grow with the values); past that, an automaton. */
const SOME_VALUES = 256;
/** The longest prefix of the values the multi-value search shifts on (shifts are kept in bytes). */
const MAX_PREFIX = 128;
const BLOCK_BITS = 14;

/** A hash of the two characters ending at `i` (a block): one of its own for each pair of ASCII characters. */
const blockAt = (text: string, i: number): number => ((text.charCodeAt(i - 1) << 7) ^ text.charCodeAt(i)) & ((1 << BLOCK_BITS) - 1);

/**
 * A function that calls `found(start, end)` for every value at every place in a text where it starts, overlapping and
 * nested occurrences too: their union covers every character of every occurrence. A multi-pattern Horspool search on
 * blocks of two characters (Wu and Manber): a window as long as the shortest value moves by how far its last block
 * allows, and only where that block ends some value's prefix are the values with that block compared. No pattern is
 * compiled per file (a regular expression of the values cost more to make than to run).
 */
function multiSearch(values: readonly string[]): (text: string, found: (start: number, end: number) => void) => void {
  const m = Math.min(MAX_PREFIX, values.reduce((n, v) => Math.min(n, v.length), Infinity));
  const shift = new Uint8Array(1 << BLOCK_BITS).fill(m - 1);
  const candidates = new Map<number, string[]>();
  for (const v of values) {
    for (let j = 1; j < m; j++) {
      const h = blockAt(v, j);
      if (m - 1 - j < shift[h]!) shift[h] = m - 1 - j;
    }
    const h = blockAt(v, m - 1);
    const list = candidates.get(h);
    if (list) list.push(v);
    else candidates.set(h, [v]);
  }
  return (text, found) => {
    for (let i = m - 1; i < text.length; ) {
      const h = blockAt(text, i);
      const step = shift[h]!;
      if (step > 0) {
        i += step;
        continue;
      }
      const start = i - m + 1;
      for (const v of candidates.get(h)!) if (text.startsWith(v, start)) found(start, start + v.length);
      i++;
    }
  };
}

/**
 * Where `values` occur in the text of `pieces` (a whole text is one piece), except inside element and attribute
 * names. For a few values, a native search per value: each occurrence that does not overlap the one before it.
 * For up to SOME_VALUES of two characters or more, one multi-value search; past that, one matcher pass (an automaton), so that the work does
 * not grow with values times text. Each piece is searched with the end of the one before, so that a value across
 * two pieces is found. From `brokenAt` on (where a file stops being well-formed), names are not judged: every
 * occurrence there is one.
 */
export function occurrencesIn(pieces: Iterable<Piece>, values: readonly string[], brokenAt = Infinity): Range[] {
  const out: Range[] = [];
  const longest = values.reduce((n, v) => Math.max(n, v.length), 0);
  const after = values.map(() => 0);
  const matcher = values.length > SOME_VALUES ? secretFinderFor(values, SOME_VALUES) : undefined;
  // The multi-value search hashes blocks of two characters: a value of one character is searched on its own.
  const search = !matcher && values.length > FEW_VALUES && values.every((v) => v.length >= 2) ? multiSearch(values) : undefined;
  let tail = '';
  // Occurrences in a name that ran to the end of the piece before: judged again with the next piece.
  let pending: Range[] = [];
  for (const p of pieces) {
    const text = tail + p.text;
    const base = p.start - tail.length;
    const judge = (start: number, end: number): boolean => {
      // Past the point where the file stops being well-formed, no name is one the parser read: nothing there is
      // taken for a word of the markup.
      const state = base + start >= brokenAt ? OUTSIDE : nameState(text, start);
      if (state === OUTSIDE) out.push({ start: base + start, end: base + end });
      else if (state === NAME_RUNS_ON) pending.push({ start: base + start, end: base + end });
      return state === OUTSIDE;
    };
    if (pending.length > 0) {
      const again = pending;
      pending = [];
      // One whose start has left the tail was in a name longer than NAME_CONTEXT: a name.
      for (const r of again) if (r.start >= base) judge(r.start - base, r.end - base);
    }
    if (matcher) {
      // What lies within the tail alone was found with the piece before.
      for (const r of matcher(text)) if (r.end > tail.length) judge(r.start, r.end);
    } else if (search) {
      search(text, (start, end) => {
        if (end > tail.length) judge(start, end);
      });
    } else {
      values.forEach((v, k) => {
        // An occurrence within the tail alone was judged with the piece before, which held what precedes it.
        const from = Math.max(0, after[k]! - base, tail.length - v.length + 1);
        for (let i = text.indexOf(v, from); i >= 0; i = text.indexOf(v, i + v.length)) {
          if (judge(i, i + v.length)) after[k] = base + i + v.length;
        }
      });
    }
    // The tail also holds what nameState looks back at, so that a piece found in the middle of a name is judged as in
    // the whole text.
    tail = text.slice(Math.max(0, text.length - Math.max(longest - 1, NAME_CONTEXT)));
  }
  // A name that runs to the end of the file is no tag's name (the file breaks off inside it): masked.
  for (const r of pending) out.push(r);
  return out;
}
