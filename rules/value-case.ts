// value-case: values Setup documents in one spelling, written in other letter case (True, AMD64, Add, a lowercase key).
import { defineRule } from '../src/engine/rule.js';
import { listItem, productKey, timeZone, typedLeaf } from './_helpers/subscriptions.js';
import type { BoundValue } from '../src/binder/bind.js';
import { replaceCore, trimValue } from './_helpers/value-text.js';
import { typedVerdict } from './_helpers/typed-values.js';
import { timeZoneVerdict } from './_helpers/time-zones.js';
import { productKeyVerdict } from './_helpers/product-keys.js';
import { LIST_ACTIONS, actionAttribute } from './_helpers/lists.js';
import { SPECS, canonicalCase } from './_helpers/identity.js';
import { sameIgnoringCase } from './_helpers/suggest.js';
import type { AttributeNode } from '../src/parser/events.js';

export default defineRule({
  meta: {
    id: 'value-case',
    summary: 'Values are written in the letter case their reference page documents (booleans, enumerations, time zone ids, product keys)',
    category: 'correctness',
    severity: 'warn',
    settings: (s) => typedLeaf(s) || timeZone(s) || productKey(s) || listItem(s),
    fixable: true,
    messages: {
      wrongCase: (d: { value: string; name: string; canonical: string }) =>
        `value ${d.value} of <${d.name}> differs from the documented "${d.canonical}" only in case; write "${d.canonical}"`,
      timeZone: (d: { value: string; id: string }) =>
        `time zone ${d.value} differs from the Windows id "${d.id}" only in case; write "${d.id}"`,
      productKey: (d: { name: string }) => `the product key in <${d.name}> is written in lowercase; write product keys in capitals as printed`,
      action: (d: { value: string; action: string }) => `wcm:action ${d.value} is not written as WSIM writes it; write "${d.action}"`,
      identity: (d: { attr: string; value: string; canonical: string }) =>
        `${d.attr} ${d.value} is accepted but not canonical; write "${d.canonical}"`,
    },
  },
  create(ctx) {
    const fixTo = (v: BoundValue, lead: string, trail: string, text: string) =>
      lead || trail ? trimValue(ctx, v, text) : replaceCore(ctx, v, text);
    const replace = (a: AttributeNode, text: string) => ({ fix: { range: [a.valueRange.start, a.valueRange.end] as [number, number], text } });
    return {
      onComponent(node) {
        for (const attr of Object.keys(SPECS)) {
          const a = node.attrs[attr];
          const canonical = a && canonicalCase(attr, a.value);
          if (a && canonical) ctx.report('identity', a.valueRange, { attr, value: ctx.quote(a.value, a.valueRange), canonical }, replace(a, canonical));
        }
      },
      onElement(node) {
        if (node.action === undefined || (LIST_ACTIONS as readonly string[]).includes(node.action)) return;
        const a = node.binding.setting?.listItem ? actionAttribute(node) : undefined;
        const action = a && !(LIST_ACTIONS as readonly string[]).includes(a.value) ? sameIgnoringCase(a.value, LIST_ACTIONS) : undefined;
        if (a && action) ctx.report('action', a.valueRange, { value: ctx.quote(a.value, a.valueRange), action }, replace(a, action));
      },
      onValue(v) {
        const name = v.element.qname;
        const typed = typedVerdict(v);
        if (typed?.verdict.kind === 'wrongCase') {
          const { canonical, padding } = typed.verdict;
          const fix = fixTo(v, padding.lead, padding.trail, canonical);
          ctx.report('wrongCase', v.range, { value: ctx.quote(padding.core, v.range), name, canonical }, fix ? { fix } : {});
          return;
        }
        const tz = timeZoneVerdict(ctx.kb, v);
        if (tz?.kind === 'wrongCase') {
          const fix = fixTo(v, tz.padding.lead, tz.padding.trail, tz.id);
          ctx.report('timeZone', v.range, { value: ctx.quote(tz.padding.core, v.range), id: tz.id }, fix ? { fix } : {});
          return;
        }
        // A product key is a secret: the message never quotes it, and no fix is shown for it.
        if (productKeyVerdict(v)?.kind === 'lowercase') ctx.report('productKey', v.range, { name });
      },
    };
  },
});
