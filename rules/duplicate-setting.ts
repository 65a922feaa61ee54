// duplicate-setting: Setup stops when a non-list setting is specified more than once (KB2425962).
import { defineRule } from '../src/engine/rule.js';
import type { BoundElement } from '../src/binder/bind.js';
import { createSeen } from './_helpers/seen.js';
import { pathOf } from './_helpers/setting.js';

export default defineRule({
  meta: {
    id: 'duplicate-setting',
    summary: 'A non-list setting appears at most once under the same parent element of a component',
    category: 'correctness',
    severity: 'error',
    settings: (s) => !s.listItem,
    messages: {
      duplicate: (d: { path: string; component: string; line: number }) =>
        `setting "${d.path}" appears again in component "${d.component}"; ` +
        `Setup accepts it once, merge or remove the repeat, first defined at line ${d.line}`,
    },
  },
  create(ctx) {
    const children = createSeen<BoundElement>(ctx);
    // The parent last seen at each depth: a new one there means the old one has closed, so it is forgotten (memory
    // follows the open elements without an end-tag hook for every setting).
    const parents: BoundElement[] = [];
    return {
      onElement(node) {
        const parent = node.parent;
        const s = node.binding.setting;
        // Only non-list settings are heard: unknown ones are unknown-setting's, and what is inside them is not judged.
        if (node.role !== 'setting' || !parent || !s) return;
        const last = parents[parent.depth];
        if (last !== parent) {
          if (last) children.drop(last);
          parents[parent.depth] = parent;
        }
        const first = children.repeatOf(parent, s.name, node.nameRange);
        if (!first) return;
        ctx.report(
          'duplicate',
          node.nameRange,
          { path: pathOf(node), component: s.component.name, line: ctx.lineOf(first.start) },
          { related: [{ message: `first <${node.qname}>`, range: first }] },
        );
      },
    };
  },
});
