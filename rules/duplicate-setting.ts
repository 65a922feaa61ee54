// duplicate-setting: Setup stops when a non-list setting is specified more than once (KB2425962).
import { defineRule } from '../src/engine/rule.js';
import type { ElementNode } from '../src/parser/events.js';
import { isListItem } from './_helpers/lists.js';
import { createSeen } from './_helpers/seen.js';

export default defineRule({
  meta: {
    id: 'duplicate-setting',
    summary: 'A non-list setting appears at most once under the same parent element of a component',
    category: 'correctness',
    severity: 'error',
    messages: {
      duplicate: (d: { path: string; component: string; line: number }) =>
        `setting "${d.path}" appears again in component "${d.component}"; ` +
        `Setup accepts it once, merge or remove the repeat, first defined at line ${d.line}`,
    },
  },
  create(ctx) {
    const children = createSeen<ElementNode>(ctx.text);
    return {
      onElement(node) {
        const parent = node.parent;
        if (node.role !== 'setting' || !parent || isListItem(node)) return;
        const first = children.repeatOf(parent, `${node.uri}\0${node.local}`, node.nameRange);
        if (!first) return;
        const component = node.component?.identity.name ?? '';
        ctx.report(
          'duplicate',
          node.nameRange,
          { path: node.path.join('/'), component, line: ctx.lineOf(first.start) },
          { related: [{ message: `first <${node.qname}>`, range: first }] },
        );
      },
      onElementEnd(node) {
        children.drop(node);
      },
    };
  },
});
