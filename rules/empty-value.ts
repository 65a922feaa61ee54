// empty-value: an empty element where the reference says "does not support empty elements" stops or misleads Setup.
import { defineRule } from '../src/engine/rule.js';
import { notEmpty } from './_helpers/subscriptions.js';
import { emptyVerdict } from './_helpers/empty.js';

export default defineRule({
  meta: {
    id: 'empty-value',
    summary: 'Settings whose reference page does not support empty elements have a value',
    category: 'correctness',
    severity: 'error',
    settings: notEmpty,
    messages: {
      empty: (d: { name: string; how: string }) =>
        `<${d.name}> is ${d.how}, but its reference page does not support empty values; give it a value or remove the element`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const verdict = emptyVerdict(v);
        if (verdict && !verdict.instead) ctx.report('empty', v.element.nameRange, { name: v.element.qname, how: verdict.how });
      },
    };
  },
});
