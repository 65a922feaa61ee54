// saxes reads a bare "&" as the start of an entity name up to the next ";", so it reports such an
// error far away (often as an unclosed tag at the end); this finds the real culprit for the message.

const REFERENCE = /&(?:[A-Za-z_:][\w.:-]*|#[0-9]+|#x[0-9A-Fa-f]+);/y;
const SKIP: [string, string][] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

/** Offset of the first "&" before `limit` that does not start a character or entity reference. */
export function firstBareAmpersand(text: string, limit: number): number | undefined {
  let i = 0;
  while (i < limit) {
    const amp = text.indexOf('&', i);
    const lt = text.indexOf('<', i);
    if (amp < 0 || amp >= limit) return undefined;
    if (lt >= 0 && lt < amp) {
      const skip = SKIP.find(([open]) => text.startsWith(open, lt));
      if (skip) {
        const close = text.indexOf(skip[1], lt + skip[0].length);
        if (close < 0) return undefined;
        i = close + skip[1].length;
      } else i = lt + 1;
      continue;
    }
    REFERENCE.lastIndex = amp;
    if (!REFERENCE.test(text)) return amp;
    i = REFERENCE.lastIndex;
  }
  return undefined;
}
