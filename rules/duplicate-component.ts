// duplicate-component: Setup stops when a pass declares the same component twice (KB2425962).
import { defineRule } from '../src/engine/rule.js';
import type { Range } from '../src/types.js';
import { createSeen } from './_helpers/seen.js';

export default defineRule({
  meta: {
    id: 'duplicate-component',
    summary: 'A component is declared at most once per pass and architecture, across all settings blocks of that pass',
    category: 'correctness',
    severity: 'error',
    messages: {
      duplicate: (d: { name: string; arch: string; pass: string; where: string; line: number }) =>
        `component "${d.name}" (${d.arch}) is declared again in pass "${d.pass}"${d.where}; ` +
        `merge its settings into the first, first defined at line ${d.line}`,
    },
  },
  create(ctx) {
    const seen = createSeen<string>(ctx);
    // Which <settings> block each first declaration sits in, by the declaration's offset.
    const blockOf = new Map<number, number | undefined>();
    return {
      onComponent(node) {
        const { name, processorArchitecture: arch } = node.identity;
        if (node.pass === undefined || !name.trim()) return;
        // Component names and architectures are matched case-insensitively, like manifest identities.
        const key = `${name.trim().toLowerCase()}\0${arch.trim().toLowerCase()}`;
        const range: Range = node.element.nameRange;
        const block = node.settings?.element.range.start;
        if (!blockOf.has(range.start)) blockOf.set(range.start, block);
        const first = seen.repeatOf(node.pass, key, range);
        if (!first) return;
        const where = blockOf.get(first.start) !== block ? ' in a second <settings> block' : '';
        ctx.report(
          'duplicate',
          range,
          { name, arch: arch || 'no architecture', pass: node.pass, where, line: ctx.lineOf(first.start) },
          { related: [{ message: `first declaration of "${name}"`, range: first }] },
        );
      },
    };
  },
});
