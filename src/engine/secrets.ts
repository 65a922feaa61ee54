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
