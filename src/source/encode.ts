// Text → bytes in the encoding a file was read with, for writing fixes back; undefined where we cannot.

export function encode(text: string, encoding: string | undefined, bom: boolean | undefined): Buffer | undefined {
  switch (encoding) {
    case 'utf-8':
      return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), le.swap16()]);
    }
    default:
      // Other encodings (code pages) are not re-encoded: that could change characters the file does not show. Pure
      // ASCII text is the same bytes in every ASCII-compatible encoding the decoder reads, so it is written as is.
      return /^[\x00-\x7f]*$/.test(text) ? Buffer.from(text, 'latin1') : undefined;
  }
}
