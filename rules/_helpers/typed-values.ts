// How a boolean, integer or enumerated value compares with what its reference page documents (value-type, value-case, value-whitespace).
import type { BoundValue } from '../../src/binder/bind.js';
import type { ValueType } from '../../src/kb/types.js';
import type { SettingNode } from '../../src/kb/tree.js';
import { splitPadding, type Padded } from './value-text.js';

export type Checked = Exclude<ValueType, { type: 'string' }>;

export type TypedVerdict =
  | { kind: 'ok'; padding: Padded }
  /** Valid but for letter case: `canonical` is the documented spelling. */
  | { kind: 'wrongCase'; canonical: string; padding: Padded }
  /** An integer outside its documented range. */
  | { kind: 'range'; padding: Padded }
  | { kind: 'invalid'; padding: Padded };

const INTEGER = /^-?\d+$/;

/** An enumeration of consecutive integers ("0", "1"; "1", "2", "3") reads as a range. */
export function numericRange(t: Checked): { min: number; max: number } | undefined {
  if (t.type !== 'enum' || t.values.length < 2 || !t.values.every((v) => /^\d+$/.test(v))) return undefined;
  const n = t.values.map(Number).sort((a, b) => a - b);
  return n.every((x, i) => i === 0 || x === n[i - 1]! + 1) ? { min: n[0]!, max: n[n.length - 1]! } : undefined;
}

/** MetaData/Key is a path into the image's XML metadata: values outside the documented three are image-selection's. */
export const openEnumeration = (v: BoundValue): boolean => {
  const s = v.element.binding.setting;
  return s?.name === 'Key' && s.parent?.name === 'MetaData';
};

/**
 * Settings whose reference page says Setup uses a default in place of an invalid value, with what it uses: their
 * invalid values are value-fallback's warnings, not value-type's errors.
 */
const FALLBACKS = new Map<string, string>([
  // "If no value is entered, or if an invalid value is entered, Windows will use 15 minutes as the default value."
  ['Microsoft-Windows-UnattendedJoin/Identification/TimeoutPeriodInMinutes', '15 minutes'],
]);

/** A setting whose page names the default Setup uses for an invalid value (value-fallback's subscription). */
export const hasFallback = (s: SettingNode): boolean => FALLBACKS.has(s.key);

/** What Setup uses instead of an invalid value of this setting, when its page says. */
export const fallbackOf = (v: BoundValue): string | undefined => {
  const key = v.element.binding.setting?.key;
  return key === undefined ? undefined : FALLBACKS.get(key);
};

export const choices = (t: Checked): readonly string[] => (t.type === 'boolean' ? ['true', 'false'] : t.type === 'enum' ? t.values : []);

/** An integer out of its documented range (as opposed to not an integer at all). */
export function outOfRange(t: Checked, core: string): boolean {
  const r = t.type === 'integer' ? t : numericRange(t);
  if (!r || !INTEGER.test(core)) return false;
  const n = Number(core);
  return (r.min !== undefined && n < r.min) || (r.max !== undefined && n > r.max);
}

/**
 * The verdict on a bound leaf's typed value; undefined when the value rules do not judge it: no typed record,
 * a template token (template-placeholder's), empty (empty-value's), or an <Order> of a list item (order-unique's).
 */
export function typedVerdict(v: BoundValue): { type: Checked; verdict: TypedVerdict } | undefined {
  // value-type, value-case and value-whitespace ask about each value one after another: it is judged once.
  if (v !== lastValue) {
    lastVerdict = judge(v);
    lastValue = v;
  }
  return lastVerdict;
}

let lastValue: BoundValue | undefined;
let lastVerdict: ReturnType<typeof judge>;

function judge(v: BoundValue): { type: Checked; verdict: TypedVerdict } | undefined {
  const b = v.element.binding;
  const s = b.setting;
  const t = s?.record.value;
  if (!s || !t || t.type === 'string' || b.placeholder) return undefined;
  if (s.name === 'Order' && s.parent?.listItem?.keyElement === 'Order') return undefined;
  const padding = splitPadding(v.text);
  const core = padding.core;
  if (core === '') return undefined;
  const valid = choices(t);
  if (t.type === 'integer' ? INTEGER.test(core) && !outOfRange(t, core) : valid.includes(core)) return { type: t, verdict: { kind: 'ok', padding } };
  const canonical = valid.find((c) => c.toLowerCase() === core.toLowerCase());
  if (canonical) return { type: t, verdict: { kind: 'wrongCase', canonical, padding } };
  return { type: t, verdict: { kind: outOfRange(t, core) ? 'range' : 'invalid', padding } };
}

/** "a", "b" or "c"; long lists are summarised. */
function oneOf(values: readonly string[]): string {
  const q = values.map((v) => `"${v}"`);
  if (q.length > 10) return `one of the ${q.length} values its reference page lists (${q.slice(0, 4).join(', ')}, …)`;
  return q.length === 1 ? q[0]! : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** What a message says the setting takes: "true" or "false", an integer in a range, one of the values. */
export function expected(t: Checked): string {
  if (t.type === 'boolean') return '"true" or "false"';
  const r = numericRange(t);
  if (r && r.max - r.min >= 2) return `an integer from ${r.min} to ${r.max}`;
  if (t.type === 'enum') return oneOf(t.values);
  if (t.min !== undefined && t.max !== undefined) return `an integer from ${t.min} to ${t.max}`;
  if (t.min !== undefined) return `an integer of at least ${t.min}`;
  return t.max !== undefined ? `an integer of at most ${t.max}` : 'an integer';
}
