// The hidden form of Shell-Setup passwords (Windows SIM's "Hide sensitive data"): base64 of the UTF-16LE text of the
// password followed by its setting's name ("Password", "AdministratorPassword"). Decoded for the password rules, and
// so that the password itself is a secret wherever the file repeats it.

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; problem: 'base64' | 'utf16' };

/**
 * The text the hidden form stands for (password and suffix), or what is wrong with it. Padding may be left out
 * (the LocalAccount page's own example has none); whitespace around the value is ignored.
 */
export function decodeHidden(value: string): Decoded {
  const core = value.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(core)) return { ok: false, problem: 'base64' };
  const body = core.replace(/=+$/, '');
  if (body.length % 4 === 1 || (core.length > body.length && core.length % 4 !== 0)) return { ok: false, problem: 'base64' };
  // One character per byte; the pairs are UTF-16LE code units.
  const bytes = atob(body);
  if (bytes.length % 2 !== 0) return { ok: false, problem: 'utf16' };
  const units: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) units.push(bytes.charCodeAt(i) | (bytes.charCodeAt(i + 1) << 8));
  const text = fromCodeUnits(units);
  // A lone surrogate or NUL is no password anyone typed: the bytes are not UTF-16LE text.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/.test(text)) return { ok: false, problem: 'utf16' };
  return { ok: true, text };
}

/** The string of UTF-16 code units, in slices (an argument list has a limit). */
function fromCodeUnits(units: readonly number[]): string {
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.slice(i, i + 8192));
  return out;
}

/** The password a hidden value stands for (without its suffix), or undefined when the value is not one. */
export function hiddenPassword(value: string): string | undefined {
  if (value.length < 12) return undefined;
  const d = decodeHidden(value);
  if (!d.ok) return undefined;
  const suffix = d.text.endsWith('AdministratorPassword') ? 'AdministratorPassword' : d.text.endsWith('Password') ? 'Password' : undefined;
  return suffix && d.text.length > suffix.length ? d.text.slice(0, -suffix.length) : undefined;
}
