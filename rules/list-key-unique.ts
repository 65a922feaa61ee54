// list-key-unique: each list item needs its own key; a repeated key makes two items one (…-route-identifier.md).
import { defineRule } from '../src/engine/rule.js';
import { keyed } from './_helpers/subscriptions.js';
import type { BoundElement } from '../src/binder/bind.js';
import type { Range } from '../src/types.js';
import { isTemplated } from './_helpers/placeholders.js';
import { createSeen } from './_helpers/seen.js';
import { removes } from './_helpers/lists.js';

export default defineRule({
  meta: {
    id: 'list-key-unique',
    summary: 'Sibling list items have distinct keys (wcm:keyValue, or the key element such as DiskID, Identifier, Key or Name)',
    category: 'correctness',
    severity: 'error',
    settings: keyed,
    messages: {
      duplicate: (d: { item: string; keyName: string; key: string; line: number }) =>
        `list item <${d.item}> repeats ${d.keyName} ${d.key}; give each item its own key, first defined at line ${d.line}`,
    },
  },
  create(ctx) {
    const lists = createSeen<BoundElement>(ctx);

    function check(item: BoundElement, keyName: string, key: string, range: Range): void {
      const list = item.parent;
      if (!list || removes(item.action) || !key.trim() || isTemplated(key)) return;
      const first = lists.repeatOf(list, `${item.binding.setting!.id}\0${key}`, range);
      if (!first) return;
      const quoted = ctx.quote(key, range);
      ctx.report(
        'duplicate',
        range,
        { item: item.qname, keyName, key: quoted, line: ctx.lineOf(first.start) },
        { related: [{ message: `first item with ${keyName} ${quoted}`, range: first }] },
      );
    }

    return {
      onElement(node) {
        const s = node.binding.setting;
        // Any item carrying wcm:keyValue is told apart by it, whatever its documented key.
        if (!s?.listItem || node.keyValue === undefined) return;
        const attr = node.attributes.find((a) => a.local === 'keyValue');
        if (attr) check(node, 'wcm:keyValue', node.keyValue, attr.valueRange);
      },
      onValue(value) {
        const el = value.element;
        const item = el.parent;
        const s = el.binding.setting;
        const info = item?.binding.setting?.listItem;
        if (!s || !item || !info || item.keyValue !== undefined) return;
        // Order keys belong to order-unique, which also checks their range.
        if (info.keyElement === s.name && s.name !== 'Order') check(item, s.name, value.text.trim(), value.range);
      },
      onElementEnd(node) {
        lists.drop(node);
      },
    };
  },
});
