// list-item-action: list items say what Setup should do with them (wcm:action add, modify or remove).
import { defineRule } from '../src/engine/rule.js';
import { listItem } from './_helpers/subscriptions.js';
import { isTemplated } from './_helpers/placeholders.js';
import { LIST_ACTIONS, actionAttribute } from './_helpers/lists.js';
import { sameIgnoringCase } from './_helpers/suggest.js';

const VALID = LIST_ACTIONS.map((a) => `"${a}"`).join(', ');

export default defineRule({
  meta: {
    id: 'list-item-action',
    summary: 'The wcm:action of a list item is add, modify or remove',
    category: 'correctness',
    severity: 'error',
    settings: listItem,
    messages: {
      invalid: (d: { value: string }) => `wcm:action ${d.value} is not a list action; expected ${VALID}`,
    },
  },
  create(ctx) {
    return {
      onElement(node) {
        // node.action is read from the tag without building attribute nodes: most items say "add".
        if ((LIST_ACTIONS as readonly string[]).includes(node.action ?? '')) return;
        const attr = node.binding.setting?.listItem ? actionAttribute(node) : undefined;
        if (!attr) return;
        const value = attr.value;
        // Another case of a valid action is value-case's finding.
        if ((LIST_ACTIONS as readonly string[]).includes(value) || isTemplated(value) || sameIgnoringCase(value, LIST_ACTIONS)) return;
        ctx.report('invalid', attr.valueRange, { value: ctx.quote(value, attr.valueRange) });
      },
    };
  },
});
