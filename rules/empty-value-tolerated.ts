// empty-value-tolerated: empty settings the reference forbids but working files use on purpose (empty <Key/>, TaskbarLinks slots).
import { defineRule } from '../src/engine/rule.js';
import { notEmpty } from './_helpers/subscriptions.js';
import { emptyVerdict } from './_helpers/empty.js';

export default defineRule({
  meta: {
    id: 'empty-value-tolerated',
    summary: 'Settings that must not be empty by their reference page, but that working answer files leave empty on purpose',
    category: 'correctness',
    severity: 'warn',
    settings: notEmpty,
    messages: {
      tolerated: (d: { name: string; how: string; instead: string }) =>
        `<${d.name}> is ${d.how}; its reference page does not support empty values, though working files use it (${d.instead}); give it a value or remove it unless that is intended`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const verdict = emptyVerdict(v);
        if (verdict?.instead) ctx.report('tolerated', v.element.nameRange, { name: v.element.qname, how: verdict.how, instead: verdict.instead });
      },
    };
  },
});
