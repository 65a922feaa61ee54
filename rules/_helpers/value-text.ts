// A value as Setup reads it, split from the XML whitespace around it, with quoting and byte-exact fixes.
import type { ValueNode } from '../../src/parser/events.js';
import type { Fix } from '../../src/types.js';

/** XML whitespace only (space, tab, CR, LF): a no-break space or an ideographic space is content, not padding. */

export interface Padded {
  /** The text without surrounding XML whitespace. */
  core: string;
  lead: string;
  trail: string;
}

const isPadding = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 10;

export function splitPadding(text: string): Padded {
  let start = 0;
  let end = text.length;
  while (start < end && isPadding(text.charCodeAt(start))) start++;
  while (end > start && isPadding(text.charCodeAt(end - 1))) end--;
  if (start === 0 && end === text.length) return { lead: '', core: text, trail: '' };
  return { lead: text.slice(0, start), core: text.slice(start, end), trail: text.slice(end) };
}

/** True for <x/>, <x></x> and whitespace-only text. */
export function isBlank(text: string): boolean {
  return splitPadding(text).core === '';
}

/** What surrounds a value, in words: "a trailing space", "a leading line break and 2 trailing tabs"… */
export function describePadding(p: Padded): string {
  const part = (ws: string, where: string): string | undefined => {
    if (!ws) return undefined;
    if (/[\r\n]/.test(ws)) return `a ${where} line break`;
    const kind = ws[0] === '\t' ? 'tab' : 'space';
    return ws.length === 1 ? `a ${where} ${kind}` : `${ws.length} ${where} ${/^( +|\t+)$/.test(ws) ? `${kind}s` : 'blanks'}`;
  };
  return [part(p.lead, 'leading'), part(p.trail, 'trailing')].filter(Boolean).join(' and ');
}

/** Where a value's source text is read from: the rule's context (ctx.slice), or a string. */
export interface SourceText {
  slice(start: number, end: number): string;
}

/** The source text of the value when it is literally Setup's text (no entity, comment or CDATA section). */
export function literal(source: SourceText, v: ValueNode): string | undefined {
  const raw = source.slice(v.range.start, v.range.end);
  return /[&<]/.test(raw) ? undefined : raw;
}

/** Replaces the value's core, keeping the whitespace around it as written. */
export function replaceCore(source: SourceText, v: ValueNode, text: string): Fix | undefined {
  const raw = literal(source, v);
  if (raw === undefined) return undefined;
  const p = splitPadding(raw);
  return { range: [v.range.start + p.lead.length, v.range.end - p.trail.length], text };
}

/** Removes the whitespace around the value (optionally also replacing its core). */
export function trimValue(source: SourceText, v: ValueNode, core?: string): Fix | undefined {
  const raw = literal(source, v);
  if (raw === undefined) return undefined;
  return { range: [v.range.start, v.range.end], text: core ?? splitPadding(raw).core };
}

/**
 * Where each character of a value's parsed text is in the value as written (`raw`, the file's text between the tags):
 * entity and character references stand for one character (two for one outside the BMP), CDATA markers and comments
 * for none, a CR LF pair for its LF. Returns the written offset of the parsed offset `index` (the end of `raw` past it).
 */
export function writtenOffsets(raw: string): (index: number) => number {
  const starts: number[] = [];
  for (let i = 0; i < raw.length; ) {
    if (raw.startsWith('<!--', i)) {
      const close = raw.indexOf('-->', i + 4);
      i = close < 0 ? raw.length : close + 3;
    } else if (raw.startsWith('<![CDATA[', i)) {
      const close = raw.indexOf(']]>', i + 9);
      const end = close < 0 ? raw.length : close;
      for (let k = i + 9; k < end; k++) starts.push(k);
      i = close < 0 ? raw.length : close + 3;
    } else if (raw[i] === '&') {
      const semi = raw.indexOf(';', i);
      const ref = semi < 0 ? '' : raw.slice(i + 1, semi);
      const code = /^#x[0-9a-f]+$/i.test(ref) ? parseInt(ref.slice(2), 16) : /^#\d+$/.test(ref) ? Number(ref.slice(1)) : 0;
      starts.push(i);
      if (code > 0xffff) starts.push(i);
      i = semi < 0 ? i + 1 : semi + 1;
    } else if (raw[i] === '\r' && raw[i + 1] === '\n') {
      starts.push(i + 1);
      i += 2;
    } else {
      starts.push(i);
      i++;
    }
  }
  return (index) => (index < starts.length ? starts[index]! : raw.length);
}
