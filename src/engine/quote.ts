// How messages quote what a file says: in double quotes, as written (a Windows path or DOMAIN\user reads as in the
// file, with no doubled backslashes), with line breaks and tabs made visible, cut after `max` characters.

/** Line breaks (CRLF, LF or CR: one mark each), tabs and the other control characters. */
const INVISIBLE = /\r\n?|[\n\t\0-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

const visible = (c: string): string =>
  c === '\t' ? '→' : c[0] === '\r' || c === '\n' ? '↵' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The text cut after `max` characters (not code units), with "…" where it was cut. */
export function cutValue(text: string, max = 60): string {
  // No more code units than `max` is no more characters: nothing to cut, and no array of characters to make.
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

export function quoteValue(text: string, max = 60): string {
  return `"${cutValue(text, max).replace(INVISIBLE, visible)}"`;
}
