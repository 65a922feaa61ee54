// Account names the reference pages restrict (LocalAccount Name, AutoLogon Username): forbidden characters and "NONE".

/** The characters of `name` that `forbidden` (a global regex) matches, each once and quoted for a message ("@", "%"), or undefined. */
export function forbiddenChars(name: string, forbidden: RegExp): string | undefined {
  const chars = [...new Set(name.match(forbidden) ?? [])];
  return chars.length > 0 ? chars.map((c) => `"${c}"`).join(', ') : undefined;
}

/** The name the LocalAccount Name and AutoLogon Username pages say not to use, in any case. */
export const isRestrictedName = (name: string): boolean => name.toUpperCase() === 'NONE';
