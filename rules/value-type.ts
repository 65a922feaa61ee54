// value-type: booleans, integers and enumerations must be values the reference documents, or Setup stops or ignores them.
import { defineRule } from '../src/engine/rule.js';
import { typedLeaf } from './_helpers/subscriptions.js';
import { closest } from './_helpers/suggest.js';
import { choices, numericRange, openEnumeration, typedVerdict, type Checked } from './_helpers/typed-values.js';

/** "a", "b" or "c"; long lists are summarised. */
function oneOf(values: readonly string[]): string {
  const q = values.map((v) => `"${v}"`);
  if (q.length > 10) return `one of the ${q.length} values its reference page lists (${q.slice(0, 4).join(', ')}, …)`;
  return q.length === 1 ? q[0]! : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
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

export default defineRule({
  meta: {
    id: 'value-type',
    summary: 'Boolean, integer and enumerated settings hold a value their reference page documents',
    category: 'correctness',
    severity: 'error',
    settings: typedLeaf,
    messages: {
      invalid: (d: { value: string; name: string; expected: string; near?: string }) =>
        d.near
          ? `value ${d.value} is not valid for <${d.name}>; did you mean "${d.near}"? (expected ${d.expected})`
          : `value ${d.value} is not valid for <${d.name}>; expected ${d.expected}`,
      range: (d: { value: string; name: string; expected: string }) =>
        `value ${d.value} is out of range for <${d.name}>; expected ${d.expected}`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const judged = typedVerdict(v);
        if (!judged) return;
        const { type, verdict } = judged;
        if ((verdict.kind !== 'invalid' && verdict.kind !== 'range') || openEnumeration(v)) return;
        const core = verdict.padding.core;
        const data = { value: ctx.quote(core, v.range), name: v.element.qname, expected: expected(type) };
        if (verdict.kind === 'range') ctx.report('range', v.range, data);
        // Spelling hints help with words ("Primry"), not with numbers.
        else ctx.report('invalid', v.range, { ...data, near: /^\d*$/.test(core) || core.length < 3 ? undefined : closest(core, choices(type)) });
      },
    };
  },
});
