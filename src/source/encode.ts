// Text → bytes in the encoding a file was read with, for writing fixes back; undefined where we cannot.

const BOMS: Readonly<Record<string, readonly number[]>> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };

export function encode(text: string, encoding: string | undefined, bom: boolean | undefined): Uint8Array | undefined {
  const mark = bom && encoding ? BOMS[encoding] ?? [] : [];
  switch (encoding) {
    case 'utf-8': {
      const body = new TextEncoder().encode(text);
      if (mark.length === 0) return body;
      const out = new Uint8Array(mark.length + body.length);
      out.set(mark);
      out.set(body, mark.length);
      return out;
    }
    case 'utf-16le':
    case 'utf-16be': {
      // Code units as they are (a lone surrogate too), low byte first or high byte first.
      const out = new Uint8Array(mark.length + 2 * text.length);
      out.set(mark);
      const [lo, hi] = encoding === 'utf-16le' ? [0, 1] : [1, 0];
      for (let i = 0, at = mark.length; i < text.length; i++, at += 2) {
        const unit = text.charCodeAt(i);
        out[at + lo] = unit & 0xff;
        out[at + hi] = unit >> 8;
      }
      return out;
    }
    default: {
      // Other encodings (code pages) are not re-encoded: that could change characters the file does not show. Pure
      // ASCII text is the same bytes in every ASCII-compatible encoding the decoder reads, so it is written as is.
      if (!/^[\x00-\x7f]*$/.test(text)) return undefined;
      const out = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
      return out;
    }
  }
}
