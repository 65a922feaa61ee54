// list-key-stray: wcm:keyValue on a list (e.g. <DriverPaths>) instead of on its items: the list is not keyed.
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'list-key-stray',
    summary: 'wcm:keyValue sits on list items, not on the list that holds them',
    category: 'correctness',
    severity: 'warn',
    settings: (s) => s.record.kind === 'list',
    messages: {
      stray: (d: { name: string; items: string }) =>
        `<${d.name}> is a list, not a list item, so its wcm:keyValue keys nothing; remove it, and key each ${d.items} in it`,
    },
  },
  create(ctx) {
    return {
      onElement(node) {
        if (node.keyValue === undefined) return;
        const attr = node.attributes.find((a) => a.local === 'keyValue');
        const setting = node.binding.setting;
        if (!attr || !setting) return;
        const items = setting.childNames.filter((c) => setting.child(c)?.listItem).map((c) => `<${c}>`).join(' or ') || 'item';
        // No fix: whether the key was meant for the items or is left over cannot be told from the file.
        ctx.report('stray', attr.range, { name: node.qname, items });
      },
    };
  },
});
