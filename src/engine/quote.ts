// How messages quote what a file says: JSON-escaped (line breaks stay visible) and cut after `max` characters.

export function quoteValue(text: string, max = 60): string {
  // No more code units than `max` is no more characters: nothing to cut, and no array of characters to make.
  if (text.length <= max) return JSON.stringify(text);
  const chars = [...text];
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max).join('')}…` : text);
}
