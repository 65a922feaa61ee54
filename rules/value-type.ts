// value-type: booleans, integers and enumerations must be values the reference documents, or Setup stops or ignores them.
import { defineRule } from '../src/engine/rule.js';
import { typedLeaf } from './_helpers/subscriptions.js';
import { closest } from './_helpers/suggest.js';
import { choices, expected, fallbackOf, openEnumeration, typedVerdict } from './_helpers/typed-values.js';

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
        // A setting whose page says Setup uses a default instead is value-fallback's.
        if ((verdict.kind !== 'invalid' && verdict.kind !== 'range') || openEnumeration(v) || fallbackOf(v) !== undefined) return;
        const core = verdict.padding.core;
        const data = { value: ctx.quote(core, v.range), name: v.element.qname, expected: expected(type) };
        if (verdict.kind === 'range') ctx.report('range', v.range, data);
        // Spelling hints help with words ("Primry"), not with numbers.
        else ctx.report('invalid', v.range, { ...data, near: /^\d*$/.test(core) || core.length < 3 ? undefined : closest(core, choices(type)) });
      },
    };
  },
});
