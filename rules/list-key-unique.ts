// list-key-unique: each list item needs its own key; a repeated key makes two items one (…-route-identifier.md).
import { defineRule } from '../src/engine/rule.js';
import type { ElementNode } from '../src/parser/events.js';
import type { Range } from '../src/types.js';
import { listItemInfo } from './_helpers/lists.js';
import { isTemplated } from './_helpers/placeholders.js';
import { createSeen } from './_helpers/seen.js';

export default defineRule({
  meta: {
    id: 'list-key-unique',
    summary: 'Sibling list items have distinct keys (wcm:keyValue, or the key element such as DiskID, Identifier, Key or Name)',
    category: 'correctness',
    severity: 'error',
    messages: {
      duplicate: (d: { item: string; keyName: string; key: string; line: number }) =>
        `list item <${d.item}> repeats ${d.keyName} "${d.key}"; give each item its own key, first defined at line ${d.line}`,
    },
  },
  create(ctx) {
    const lists = createSeen<ElementNode>(ctx.text);
    const removed = (item: ElementNode): boolean => item.action?.trim().toLowerCase() === 'remove';

    function check(item: ElementNode, keyName: string, key: string, range: Range): void {
      const list = item.parent;
      if (!list || removed(item) || !key.trim() || isTemplated(key)) return;
      const first = lists.repeatOf(list, `${item.local}\0${key}`, range);
      if (!first) return;
      ctx.report(
        'duplicate',
        range,
        { item: item.qname, keyName, key, line: ctx.lineOf(first.start) },
        { related: [{ message: `first item with ${keyName} "${key}"`, range: first }] },
      );
    }

    return {
      onElement(node) {
        if (node.role !== 'setting' || node.keyValue === undefined) return;
        const attr = node.attributes.find((a) => a.local === 'keyValue');
        if (attr) check(node, 'wcm:keyValue', node.keyValue, attr.valueRange);
      },
      onValue(value) {
        const el = value.element;
        const item = el.parent;
        if (el.role !== 'setting' || !item || item.keyValue !== undefined) return;
        const key = listItemInfo(item)?.key;
        // Order keys belong to order-unique, which also checks their range.
        if (key === el.local && key !== 'Order') check(item, key, value.text.trim(), value.range);
      },
      onElementEnd(node) {
        lists.drop(node);
      },
    };
  },
});
