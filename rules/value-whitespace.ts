// value-whitespace: whitespace around a value that is otherwise valid (reformatters add it; the reference documents the bare value).
import { defineRule } from '../src/engine/rule.js';
import { locale, productKey, timeZone, typedLeaf } from './_helpers/subscriptions.js';
import { describePadding, trimValue } from './_helpers/value-text.js';
import { typedVerdict } from './_helpers/typed-values.js';
import { timeZoneVerdict } from './_helpers/time-zones.js';
import { productKeyVerdict } from './_helpers/product-keys.js';
import { localeVerdictPadded } from './_helpers/locales.js';

export default defineRule({
  meta: {
    id: 'value-whitespace',
    summary: 'Booleans, enumerations, time zone ids, language tags and product keys have no whitespace around them',
    category: 'correctness',
    severity: 'warn',
    settings: (s) => typedLeaf(s) || timeZone(s) || productKey(s) || locale(s),
    fixable: true,
    messages: {
      padded: (d: { name: string; padded: string; core: string }) =>
        `value of <${d.name}> has ${d.padded}; write ${d.core} without it (reformatters add such whitespace; the reference documents the bare value)`,
      secretPadded: (d: { name: string; padded: string }) =>
        `the product key in <${d.name}> has ${d.padded}; remove it (the reference describes the 29 characters alone)`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const name = v.element.qname;
        const typed = typedVerdict(v);
        const padding =
          typed?.verdict.kind === 'ok'
            ? typed.verdict.padding
            : (() => {
                const tz = timeZoneVerdict(ctx.kb, v);
                if (tz?.kind === 'ok') return tz.padding;
                const key = productKeyVerdict(v);
                if (key?.kind === 'ok') return key.padding;
                return localeVerdictPadded(ctx.kb, v);
              })();
        if (!padding || (!padding.lead && !padding.trail)) return;
        const padded = describePadding(padding);
        const fix = trimValue(ctx, v);
        if (v.element.binding.secret) ctx.report('secretPadded', v.range, { name, padded });
        else ctx.report('padded', v.range, { name, padded, core: ctx.quote(padding.core, v.range) }, fix ? { fix } : {});
      },
    };
  },
});
