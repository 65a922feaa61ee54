// value-type: booleans, integers and enumerations must be values the reference documents, or Setup stops or ignores them.
import { defineRule } from '../src/engine/rule.js';
import type { ValueType } from '../src/kb/types.js';
import type { ElementNode } from '../src/parser/events.js';
import { listItemInfo } from './_helpers/lists.js';
import { isTemplated } from './_helpers/placeholders.js';
import { settingOf } from './_helpers/setting.js';
import { closest } from './_helpers/suggest.js';
import { describePadding, quote, replaceCore, splitPadding, trimValue } from './_helpers/value-text.js';

type Checked = Exclude<ValueType, { type: 'string' }>;

/** "a", "b" or "c"; long lists are summarised. */
function oneOf(values: readonly string[]): string {
  const q = values.map((v) => `"${v}"`);
  if (q.length > 10) return `one of the ${q.length} values its reference page lists (${q.slice(0, 4).join(', ')}, …)`;
  return q.length === 1 ? q[0]! : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** An enumeration of consecutive integers ("0", "1"; "1", "2", "3") reads as a range. */
function numericRange(t: Checked): { min: number; max: number } | undefined {
  if (t.type !== 'enum' || t.values.length < 2 || !t.values.every((v) => /^\d+$/.test(v))) return undefined;
  const n = t.values.map(Number).sort((a, b) => a - b);
  return n.every((x, i) => i === 0 || x === n[i - 1]! + 1) ? { min: n[0]!, max: n[n.length - 1]! } : undefined;
}

function expected(t: Checked): string {
  if (t.type === 'boolean') return '"true" or "false"';
  const r = numericRange(t);
  if (r && r.max - r.min >= 2) return `an integer from ${r.min} to ${r.max}`;
  if (t.type === 'enum') return oneOf(t.values);
  if (t.min !== undefined && t.max !== undefined) return `an integer from ${t.min} to ${t.max}`;
  if (t.min !== undefined) return `an integer of at least ${t.min}`;
  return t.max !== undefined ? `an integer of at most ${t.max}` : 'an integer';
}

const choices = (t: Checked): readonly string[] => (t.type === 'boolean' ? ['true', 'false'] : t.type === 'enum' ? t.values : []);

/** An integer out of its documented range (as opposed to not an integer at all). */
function outOfRange(t: Checked, core: string): boolean {
  const r = t.type === 'integer' ? t : numericRange(t);
  if (!r || !/^-?\d+$/.test(core)) return false;
  const n = Number(core);
  return (r.min !== undefined && n < r.min) || (r.max !== undefined && n > r.max);
}

/** Setup reads MetaData/Key as a path into the image's XML metadata: undocumented paths such as /IMAGE/EditionID work. */
const openEnum = (el: ElementNode): boolean => el.local === 'Key' && el.parent?.local === 'MetaData';

/** <Order> of commands, partitions and data images belongs to order-unique. */
const ownedElsewhere = (el: ElementNode): boolean => el.local === 'Order' && !!el.parent && listItemInfo(el.parent)?.key === 'Order';

export default defineRule({
  meta: {
    id: 'value-type',
    summary: 'Boolean, integer and enumerated settings hold a value their reference page documents, spelled exactly',
    category: 'correctness',
    severity: 'error',
    fixable: true,
    messages: {
      invalid: (d: { value: string; name: string; expected: string; near?: string }) =>
        d.near
          ? `value ${d.value} is not valid for <${d.name}>; did you mean "${d.near}"? (expected ${d.expected})`
          : `value ${d.value} is not valid for <${d.name}>; expected ${d.expected}`,
      range: (d: { value: string; name: string; expected: string }) =>
        `value ${d.value} is out of range for <${d.name}>; expected ${d.expected}`,
      undocumentedKey: (d: { value: string; expected: string }) =>
        `metadata key ${d.value} is not one the reference documents (${d.expected}); Setup matches it against the image's XML metadata, so make sure the image has it`,
      wrongCase: (d: { value: string; name: string; canonical: string; padded: string }) =>
        `value ${d.value} of <${d.name}> differs from the documented "${d.canonical}" only in case; write "${d.canonical}"${d.padded ? ` without the ${d.padded}` : ''}`,
      padded: (d: { name: string; padded: string; core: string }) =>
        `value of <${d.name}> has ${d.padded}; write ${d.core} without it (reformatters add such whitespace; the reference documents the bare value)`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const el = v.element;
        const t = settingOf(ctx.kb, el)?.value;
        if (!t || t.type === 'string' || ownedElsewhere(el) || isTemplated(v.text)) return;
        const p = splitPadding(v.text);
        // Empty values are empty-value's.
        if (p.core === '') return;
        const name = el.qname;
        const padded = p.lead || p.trail ? describePadding(p) : '';
        const valid = choices(t);
        const ok = t.type === 'integer' ? /^-?\d+$/.test(p.core) && !outOfRange(t, p.core) : valid.includes(p.core);
        if (ok) {
          if (padded) ctx.report('padded', v.range, { name, padded, core: quote(p.core) }, { severity: 'warn', fix: trimValue(ctx.text, v) });
          return;
        }
        const canonical = valid.find((c) => c.toLowerCase() === p.core.toLowerCase());
        if (canonical) {
          const fix = padded ? trimValue(ctx.text, v, canonical) : replaceCore(ctx.text, v, canonical);
          ctx.report('wrongCase', v.range, { value: quote(p.core), name, canonical, padded }, { severity: 'warn', fix });
          return;
        }
        const data = { value: quote(p.core), name, expected: expected(t) };
        if (openEnum(el)) ctx.report('undocumentedKey', v.range, data, { severity: 'warn' });
        else if (outOfRange(t, p.core)) ctx.report('range', v.range, data);
        // Spelling hints help with words ("Primry"), not with numbers.
        else ctx.report('invalid', v.range, { ...data, near: /^\d*$/.test(p.core) || p.core.length < 3 ? undefined : closest(p.core, valid) });
      },
    };
  },
});
