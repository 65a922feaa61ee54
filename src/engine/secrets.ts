// Which answer-file values are secrets (passwords, credentials, product keys) that no output may show.
import type { ValueNode } from '../parser/events.js';

const SECRET_LEAVES = new Set(['Password', 'MachinePassword', 'AccountData', 'ProductKey']);
const SECRET_PARENTS = new Set(['Password', 'AdministratorPassword', 'ProductKey']);
// <Password><Value>…</Value><PlainText>…</PlainText></Password>; <ProductKey><Key>…</Key></ProductKey>
const SECRET_CHILDREN = new Set(['Value', 'Key']);

export function isSecretValue(node: ValueNode): boolean {
  const el = node.element;
  if (el.role !== 'setting') return false;
  if (SECRET_LEAVES.has(el.local)) return true;
  return SECRET_CHILDREN.has(el.local) && !!el.parent && SECRET_PARENTS.has(el.parent.local);
}

export const MASK = '********';

/** Replaces every occurrence of a secret's text in a message with a fixed mask. */
export function maskSecrets(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const s of secrets) if (s.length > 0 && out.includes(s)) out = out.split(s).join(MASK);
  return out;
}

// Credentials that can sit anywhere in a file, not only in password elements: product keys pasted into
// attributes or commands (slmgr /ipk), and passwords given to common account commands.
const FREE_SECRETS: RegExp[] = [
  /\b[A-Za-z0-9]{5}(?:-[A-Za-z0-9]{5}){4}\b/g,
  /\bnet\s+user\s+(?:"[^"]+"|(?!\/)\S+)\s+((?!\/)(?!\*(?:\s|$))(?:"[^"]*"|[^\s<]+))/gi,
  /ConvertTo-SecureString\s+(?:-String\s+)?(['"])((?:(?!\1).)+)\1/gi,
  /(?:\/password:|-Password\s+)(['"]?)([^\s'"<]+)\1/gi,
];

/** Ranges of credentials found by shape anywhere in the text (masked in code frames like element secrets). */
export function scanFreeSecrets(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const re of FREE_SECRETS) {
    for (const m of text.matchAll(re)) {
      const secret = m[m.length - 1] ?? m[0];
      const at = m.index! + m[0].lastIndexOf(secret);
      if (secret.length >= 3) out.push({ start: at, end: at + secret.length });
    }
  }
  return out;
}
