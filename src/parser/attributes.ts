// Attribute offsets: saxes gives names and values but no positions, so the start tag is rescanned.
import type { AttributeNode } from './events.js';

/** An attribute as the parse adapter resolves it: saxes' name and value, with its namespace. */
export interface ParsedAttribute {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
  readonly value: string;
}

/** XML's white space (the S production): the only characters that can separate a start tag's attributes. */
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;

/** Scans a start tag's text `<name a="v" b='w'>` (at offset `base`) and pairs each attribute with the parser's view of it. */
export function attributeNodes(text: string, base: number, attrs: readonly ParsedAttribute[]): AttributeNode[] {
  const out: AttributeNode[] = [];
  const end = text.length;
  // Read by character code: a one-character string and a regular expression test per character cost more than the
  // rest of the scan.
  let i = 1;
  for (let c = text.charCodeAt(i); i < end && !isSpace(c) && c !== GT && c !== SLASH; c = text.charCodeAt(++i));
  while (i < end) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    const first = text.charCodeAt(i);
    if (i >= end || first === GT || first === SLASH) break;
    const nameStart = i;
    for (let c = first; i < end && c !== EQUALS && !isSpace(c); c = text.charCodeAt(++i));
    const qname = text.slice(nameStart, i);
    for (let c = text.charCodeAt(i); i < end && c !== QUOT && c !== APOS; c = text.charCodeAt(++i));
    const quote = i < end ? text[i] : undefined;
    const valueStart = i + 1;
    const valueEnd = quote ? text.indexOf(quote, valueStart) : -1;
    if (valueEnd < 0 || valueEnd >= end) break;
    i = valueEnd + 1;
    const a = byName(attrs, qname);
    if (!a) continue;
    out.push({
      qname,
      prefix: a.prefix,
      local: a.local,
      uri: a.uri,
      value: a.value,
      range: { start: base + nameStart, end: base + i },
      valueRange: { start: base + valueStart, end: base + valueEnd },
    });
  }
  return out;
}

function byName(attrs: readonly ParsedAttribute[], name: string): ParsedAttribute | undefined {
  for (let i = 0; i < attrs.length; i++) if (attrs[i]!.name === name) return attrs[i];
  return undefined;
}
