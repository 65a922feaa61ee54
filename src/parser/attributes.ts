// Attribute offsets: saxes gives names and values but no positions, so the start tag is rescanned.
import type { SaxesTagNS } from 'saxes';
import type { AttributeNode } from './events.js';

const WS = /\s/;

/** Scans a start tag's text `<name a="v" b='w'>` (at offset `base`) and pairs each attribute with saxes' view of it. */
export function attributeNodes(text: string, base: number, tag: SaxesTagNS, unbound: ReadonlySet<string>): AttributeNode[] {
  const out: AttributeNode[] = [];
  const end = text.length;
  let i = 1;
  while (i < end && !WS.test(text[i]!) && text[i] !== '>' && text[i] !== '/') i++;
  while (i < end) {
    while (i < end && WS.test(text[i]!)) i++;
    if (i >= end || text[i] === '>' || text[i] === '/') break;
    const nameStart = i;
    while (i < end && text[i] !== '=' && !WS.test(text[i]!)) i++;
    const qname = text.slice(nameStart, i);
    while (i < end && text[i] !== '"' && text[i] !== "'") i++;
    const quote = text[i];
    const valueStart = i + 1;
    const valueEnd = quote ? text.indexOf(quote, valueStart) : -1;
    if (valueEnd < 0 || valueEnd >= end) break;
    i = valueEnd + 1;
    const a = tag.attributes[qname];
    if (!a) continue;
    const uri = a.prefix && unbound.has(a.prefix) ? '' : a.uri;
    out.push({
      qname,
      prefix: a.prefix,
      local: a.local,
      uri,
      value: a.value,
      range: { start: base + nameStart, end: base + i },
      valueRange: { start: base + valueStart, end: base + valueEnd },
    });
  }
  return out;
}
