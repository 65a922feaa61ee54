// partition-conflict: a partition modified twice, or one drive letter given to two partitions, cannot both take effect;
// a Format on an MSR partition and a Label without Format take none (…-modifypartition-format, …-modifypartition-label).
import { defineRule } from '../src/engine/rule.js';
import type { Fact } from '../src/engine/model.js';
import { DISK, DISK_FACTS, diskBlocks, lookup } from './_helpers/disks.js';
import { WINDOWS_PE_FACTS, windowsPENeverRuns } from './_helpers/windows-pe.js';

export default defineRule({
  meta: {
    id: 'partition-conflict',
    summary: 'Each partition is modified once, each drive letter given to one partition, and no ModifyPartition setting is one Setup ignores (Format on an MSR partition, Label without Format)',
    category: 'correctness',
    severity: 'warn',
    facts: [...DISK_FACTS, ...WINDOWS_PE_FACTS],
    quietWithoutFacts: true,
    messages: {
      repeatedPartition: (d: { id: number; line: number }) =>
        `<PartitionID> ${d.id} is modified a second time on this disk (first at line ${d.line}): the two ModifyPartition items cannot both take effect; merge them into one`,
      repeatedLetter: (d: { letter: string; line: number }) =>
        `drive letter ${d.letter} is given to a second partition (first at line ${d.line}): one letter names one volume, so one of them gets another letter; give each partition its own`,
      formatIgnored: (d: { id: number; line: number }) =>
        `<Format> for PartitionID ${d.id} is ignored: that partition is the MSR partition created at line ${d.line}, and the Format page says an MSR partition gets no file system; remove the Format, or check the PartitionID`,
      labelWithoutFormat: () =>
        '<Label> is given without a <Format> in this ModifyPartition; the Label page says a partition is named only together with a Format: add the Format (NTFS, FAT32), or remove the Label',
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        if (windowsPENeverRuns(ctx, model)) return;
        for (const block of diskBlocks(model, ctx)) {
          const letters = new Map<string, Fact>();
          for (const disk of block.disks) {
            if (disk.conditional) continue;
            const seen = new Map<number, Fact>();
            for (const m of disk.modified) {
              const label = model.child(m.item, DISK.label);
              if (label?.text?.trim() && !model.child(m.item, DISK.format)) ctx.report('labelWithoutFormat', label.range, undefined);
              const target = m.id === undefined ? undefined : lookup(disk, m.id).partition;
              if (m.format && target?.type === 'MSR') {
                ctx.report('formatIgnored', m.format.range, { id: m.id!, line: ctx.lineOf(target.item.range.start) }, { related: [{ message: 'the MSR partition', range: target.item.range }] });
              }
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
