// Product keys as Setup reads them: five groups of five from the product key alphabet (shell-setup-productkey).
import type { BoundValue } from '../../src/binder/bind.js';
import { splitPadding, type Padded } from './value-text.js';

export const PRODUCT_KEY_SETTINGS = ['Microsoft-Windows-Setup/UserData/ProductKey/Key', 'Microsoft-Windows-Shell-Setup/ProductKey'] as const;
/** Setup/UserData/ProductKey is a container: a key written straight into it is not read. */
export const SETUP_CONTAINER = 'Microsoft-Windows-Setup/UserData/ProductKey';

/** Characters of Windows product keys (N only since Windows 8): no vowels, no 0, 1, 5, L, S or Z. */
const ALPHABET = 'BCDFGHJKMNPQRTVWXY2346789';

/**
 * The all-zero key in Setup/UserData makes Setup take the firmware key or ask for one
 * (cschneegans/unattend-generator#158, #170); it never activates anything, so it is only accepted there.
 */
const ZERO_KEY = '00000-00000-00000-00000-00000';

/** What is wrong with a key, in words that never repeat any of its characters; undefined when it is well-formed. */
function problem(key: string): string | undefined {
  const groups = key.split('-');
  if (groups.length !== 5) {
    const compact = key.replace(/-/g, '');
    if (groups.length === 1 && compact.length === 25) return 'has no hyphens; write it as five groups of five separated by "-"';
    return `has ${groups.length} group${groups.length === 1 ? '' : 's'} of characters; expected five groups of five separated by "-" (29 characters)`;
  }
  const short = groups.findIndex((g) => g.length !== 5);
  if (short >= 0) return `has ${groups[short]!.length} characters in group ${short + 1}; each of the five groups has five`;
  const chars = [...groups.join('')];
  const foreign = chars.filter((c) => !ALPHABET.includes(c.toUpperCase())).length;
  if (foreign > 0) {
    return `contains ${foreign} character${foreign === 1 ? '' : 's'} outside the product key alphabet; keys never contain vowels, 0, 1, 5, L, S or Z, check it for typos`;
  }
  if (new Set(chars.map((c) => c.toUpperCase())).size === 1) return 'repeats one character 25 times, which is a placeholder, not a key; put in the real key or remove the element';
  return undefined;
}

export type KeyVerdict =
  | { kind: 'ok'; padding: Padded }
  | { kind: 'lowercase'; padding: Padded }
  | { kind: 'invalid'; what: string; padding: Padded }
  /** A key written straight into Setup's <ProductKey> container. */
  | { kind: 'notInKey'; padding: Padded };

/** The verdict on a product key value; undefined for other settings, empty values and template tokens. */
export function productKeyVerdict(v: BoundValue): KeyVerdict | undefined {
  const b = v.element.binding;
  const key = b.setting?.key;
  if (!key || b.placeholder) return undefined;
  const isKey = (PRODUCT_KEY_SETTINGS as readonly string[]).includes(key);
  if (!isKey && key !== SETUP_CONTAINER) return undefined;
  const padding = splitPadding(v.text);
  if (padding.core === '') return undefined;
  if (!isKey) return { kind: 'notInKey', padding };
  if (padding.core === ZERO_KEY && b.setting!.component.name === 'Microsoft-Windows-Setup') return { kind: 'ok', padding };
  const what = problem(padding.core);
  if (what) return { kind: 'invalid', what, padding };
  return padding.core !== padding.core.toUpperCase() ? { kind: 'lowercase', padding } : { kind: 'ok', padding };
}
