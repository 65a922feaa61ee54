// order-unique: commands and partitions are keyed and sequenced by <Order>; a missing, invalid or repeated one breaks it.
import { defineRule } from '../src/engine/rule.js';
import { ordered as orderedSetting } from './_helpers/subscriptions.js';
import type { BoundElement } from '../src/binder/bind.js';
import type { Range } from '../src/types.js';
import { isTemplated } from './_helpers/placeholders.js';
import { createSeen } from './_helpers/seen.js';
import { removes } from './_helpers/lists.js';

const ORDER = /^\d{1,9}$/;

const ordered = (node: BoundElement): boolean => node.binding.setting?.listItem?.keyElement === 'Order';

export default defineRule({
  meta: {
    id: 'order-unique',
    summary: 'Commands, partitions and data images have an Order that is a positive integer in range and unique in its list',
    category: 'correctness',
    severity: 'error',
    settings: orderedSetting,
    messages: {
      missing: (d: { item: string }) => `<${d.item}> has no <Order>; add one (each item of the list needs its own number)`,
      invalid: (d: { item: string; value: string; range: string }) =>
        `<Order> ${d.value} of <${d.item}> is not valid; expected ${d.range}`,
      duplicate: (d: { item: string; order: number; line: number }) =>
        `<Order> ${d.order} is used by another <${d.item}> in this list; ` +
        `number the items 1, 2, 3…, first defined at line ${d.line}`,
    },
  },
  create(ctx) {
    // Open items that need an Order → whether one was seen; Orders seen per open list.
    const items = new Map<BoundElement, boolean>();
    const lists = createSeen<BoundElement>(ctx);

    function unique(item: BoundElement, order: number, range: Range): void {
      const first = lists.repeatOf(item.parent!, `${item.binding.setting!.id}\0${order}`, range);
      if (!first) return;
      const data = { item: item.qname, order, line: ctx.lineOf(first.start) };
      ctx.report('duplicate', range, data, { related: [{ message: `first <Order>${order}</Order>`, range: first }] });
    }

    return {
      onElement(node) {
        if (ordered(node)) items.set(node, false);
      },
      onValue(value) {
        const item = value.element.parent;
        if (value.element.binding.setting?.name !== 'Order' || !item || !items.has(item)) return;
        items.set(item, true);
        const text = value.text.trim();
        if (isTemplated(text)) return;
        const max = item.binding.setting!.listItem!.orderMax;
        const order = ORDER.test(text) ? Number(text) : NaN;
        if (!(order >= 1 && order <= (max ?? Infinity))) {
          const range = max ? `an integer from 1 to ${max}` : 'a positive integer';
          ctx.report('invalid', value.range, { item: item.qname, value: ctx.quote(value.text, value.range), range });
          return;
        }
        // A removed item names the entry it removes by its Order: adding one under the same Order is allowed.
        if (removes(item.action)) return;
        unique(item, order, value.range);
      },
      onElementEnd(node) {
        if (items.has(node) && !items.get(node)) ctx.report('missing', node.nameRange, { item: node.qname });
        items.delete(node);
        lists.drop(node);
      },
    };
  },
});
