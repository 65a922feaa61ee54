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
    // Per depth: the parent whose children are read there, and the first element of each setting met under it, as
    // pairs in two arrays with a count. A new parent at a depth means the one before has closed: the count goes back to
    // 0 and the arrays are written over, so memory follows the open elements and nothing is made per parent (a
    // parent's documented children are few, so the search is short; a map per parent, or emptied per parent, costs
    // more in a long list of items). A first occurrence keeps its element: its range is made on a repeat.
    const owners: (BoundElement | undefined)[] = [];
    const settings: SettingNode[][] = [];
    const elements: BoundElement[][] = [];
    const counts: number[] = [];
    return {
      onElement(node) {
        const parent = node.parent;
        const s = node.binding.setting;
        // Only non-list settings are heard: unknown ones are unknown-setting's, and what is inside them is not judged.
        if (node.role !== 'setting' || !parent || !s) return;
        const depth = parent.depth;
        if (owners[depth] !== parent) {
          owners[depth] = parent;
          counts[depth] = 0;
          settings[depth] ??= [];
          elements[depth] ??= [];
        }
        const seen = settings[depth]!;
        const n = counts[depth]!;
        let i = 0;
        while (i < n && seen[i] !== s) i++;
        if (i === n) {
          seen[n] = s;
          elements[depth]![n] = node;
          counts[depth] = n + 1;
          return;
        }
        // Two occurrences with a template conditional between them are alternatives, not a repeat.
        const firstRange = elements[depth]![i]!.nameRange;
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
