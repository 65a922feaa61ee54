// duplicate-setting: Setup stops when a non-list setting is specified more than once (KB2425962).
import { defineRule } from '../src/engine/rule.js';
import type { BoundElement } from '../src/binder/bind.js';
import type { SettingNode } from '../src/kb/tree.js';
import { anyBetween } from '../src/util/sorted.js';
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
    // Per depth: the parent whose children are read there, and the first element of each setting met under it. A new
    // parent at a depth means the one before has closed: its map is emptied and used again, so memory follows the open
    // elements, no map is made per parent, and a first occurrence keeps its element (its range is made on a repeat).
    const owners: (BoundElement | undefined)[] = [];
    const firsts: Map<SettingNode, BoundElement>[] = [];
    return {
      onElement(node) {
        const parent = node.parent;
        const s = node.binding.setting;
        // Only non-list settings are heard: unknown ones are unknown-setting's, and what is inside them is not judged.
        if (node.role !== 'setting' || !parent || !s) return;
        const depth = parent.depth;
        let seen = firsts[depth];
        if (owners[depth] !== parent) {
          owners[depth] = parent;
          if (seen) seen.clear();
          else firsts[depth] = seen = new Map();
        }
        const first = seen!.get(s);
        if (!first) {
          seen!.set(s, node);
          return;
        }
        // Two occurrences with a template conditional between them are alternatives, not a repeat.
        const firstRange = first.nameRange;
        if (anyBetween(ctx.conditionals(), firstRange.end, node.nameRange.start)) return;
        ctx.report(
          'duplicate',
          node.nameRange,
          { path: pathOf(node), component: s.component.name, line: ctx.lineOf(firstRange.start) },
          { related: [{ message: `first <${node.qname}>`, range: firstRange }] },
        );
      },
    };
  },
});
