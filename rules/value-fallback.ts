// value-fallback: invalid values of settings whose reference page says Setup then uses a default (TimeoutPeriodInMinutes).
import { defineRule } from '../src/engine/rule.js';
import { expected, fallbackOf, hasFallback, typedVerdict } from './_helpers/typed-values.js';

export default defineRule({
  meta: {
    id: 'value-fallback',
    summary: 'Settings whose reference page replaces an invalid value with a default hold a valid value, so that the default is not used unawares',
    category: 'correctness',
    severity: 'warn',
    settings: hasFallback,
    messages: {
      fallback: (d: { value: string; name: string; expected: string; instead: string }) =>
        `value ${d.value} is not valid for <${d.name}> (expected ${d.expected}); its reference page says Windows then uses ${d.instead} instead: write a valid value, or remove the setting to use the default`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const instead = fallbackOf(v);
        if (instead === undefined) return;
        const judged = typedVerdict(v);
        if (!judged || (judged.verdict.kind !== 'invalid' && judged.verdict.kind !== 'range')) return;
        ctx.report('fallback', v.range, { value: ctx.quote(judged.verdict.padding.core, v.range), name: v.element.qname, expected: expected(judged.type), instead });
      },
    };
  },
});
