// How messages quote what a file says: JSON-escaped (line breaks stay visible) and cut after `max` characters.

export function quoteValue(text: string, max = 60): string {
  const chars = [...text];
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max).join('')}…` : text);
}
