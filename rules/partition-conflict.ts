// partition-conflict: a partition modified twice, or one drive letter given to two partitions, cannot both take effect.
import { defineRule } from '../src/engine/rule.js';
import type { Fact } from '../src/engine/model.js';
import { DISK_FACTS, diskBlocks } from './_helpers/disks.js';

export default defineRule({
  meta: {
    id: 'partition-conflict',
    summary: 'Each partition is modified once, and each drive letter given to one partition',
    category: 'correctness',
    severity: 'warn',
    facts: DISK_FACTS,
    quietWithoutFacts: true,
    messages: {
      repeatedPartition: (d: { id: number; line: number }) =>
        `<PartitionID> ${d.id} is modified a second time on this disk (first at line ${d.line}): the two ModifyPartition items cannot both take effect; merge them into one`,
      repeatedLetter: (d: { letter: string; line: number }) =>
        `drive letter ${d.letter} is given to a second partition (first at line ${d.line}): one letter names one volume, so one of them gets another letter; give each partition its own`,
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        for (const block of diskBlocks(model, ctx)) {
          const letters = new Map<string, Fact>();
          for (const disk of block.disks) {
            if (disk.conditional) continue;
            const seen = new Map<number, Fact>();
            for (const m of disk.modified) {
              if (m.id === undefined) continue;
              const first = seen.get(m.id);
              if (!first) seen.set(m.id, m.partitionId!);
              else ctx.report('repeatedPartition', m.partitionId!.valueRange!, { id: m.id, line: ctx.lineOf(first.range.start) }, { related: [{ message: `first PartitionID ${m.id}`, range: first.valueRange! }] });
            }
            // Across the block's disks, but not where template conditionals make some disks alternatives.
            for (const m of block.conditional ? [] : disk.modified) {
              if (!m.letter) continue;
              const letter = m.letter.text!.trim().replace(/:$/, '').toUpperCase();
              const first = letters.get(letter);
              if (!first) letters.set(letter, m.letter);
              else
                ctx.report('repeatedLetter', m.letter.valueRange!, { letter: ctx.quote(m.letter.text!.trim(), m.letter.valueRange!), line: ctx.lineOf(first.range.start) }, {
                  related: [{ message: `first Letter ${letter}`, range: first.valueRange! }],
                });
            }
          }
        }
      },
    };
  },
});
