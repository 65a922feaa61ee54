// partition-layout: a Disk's CreatePartition and ModifyPartition items describe a layout Setup can create (…-createpartition-size,
// …-createpartition-extend, …-createpartition-type, …-modifypartition-partitionid).
import { defineRule } from '../src/engine/rule.js';
import type { Fact } from '../src/engine/model.js';
import { DISK, DISK_FACTS, describe, describeIds, diskBlocks, intOf, lookup, type Created } from './_helpers/disks.js';
import { WINDOWS_PE_FACTS, windowsPENeverRuns } from './_helpers/windows-pe.js';

export default defineRule({
  meta: {
    id: 'partition-layout',
    summary:
      'Each Disk creates partitions Setup can make (Size or Extend, Extend last, Logical inside one Extended that holds them) and modifies only partitions it has',
    category: 'correctness',
    severity: 'error',
    facts: [...DISK_FACTS, ...WINDOWS_PE_FACTS],
    quietWithoutFacts: true,
    messages: {
      sizeAndExtend: (d: { order: string }) =>
        `<CreatePartition> ${d.order} sets both <Size> and <Extend>true</Extend>; Setup then creates no partition and the installation ends with an error: remove <Size> to fill the disk, or <Extend> to keep the size`,
      noSize: (d: { order: string }) =>
        `<CreatePartition> ${d.order} has neither <Size> nor <Extend>true</Extend>; Setup needs one of them to create the partition: add <Size> (in MB) or <Extend>true</Extend>`,
      afterExtend: (d: { partition: string; filler: string; space: string; line: number }) =>
        `${d.partition} is created after ${d.filler}, whose <Extend>true</Extend> fills the rest of ${d.space}, so Setup has no space left for it; give ${d.filler} a <Size> instead of Extend, or create it last (by <Order>), Extend at line ${d.line}`,
      logicalWithoutExtended: (d: { partition: string }) =>
        `${d.partition} has no Extended partition created before it (by <Order>) to sit in; Setup creates no partition and, with WillShowUI Never, ends the installation: create an Extended partition first`,
      logicalOverflow: (d: { partition: string; total: number; verb: string; extended: string; size: number }) =>
        `${d.partition} brings the logical partitions to ${d.total} MB, which ${d.verb} ${d.extended} (<Size> ${d.size}); Windows keeps a little of it to manage partitions, so Setup does not create this partition and ends the installation: keep the logical partitions' Sizes together below the extended partition's, or give the last one a small Size and <Extend>true</Extend> in its ModifyPartition`,
      secondExtended: (d: { partition: string; line: number }) =>
        `${d.partition} is this disk's second; a disk has at most one extended partition, and Setup ends the installation when WillShowUI is Never: create further logical partitions in the first one, at line ${d.line}`,
      extendBoth: (d: { id: number; line: number }) =>
        `<ModifyPartition> for PartitionID ${d.id} sets <Extend>true</Extend>, but its <CreatePartition> already does; set Extend in one of them only (CreatePartition to fill a new partition, ModifyPartition for an existing or logical one), CreatePartition at line ${d.line}`,
      unknownPartition: (d: { id: number; has: string }) =>
        `<PartitionID> ${d.id} names no partition: this disk is wiped and the file creates ${d.has} on it; with an invalid PartitionID Setup ends the installation (or stops at the disk page): use the ID of a created partition`,
    },
  },
  create(ctx) {
    const orderOf = (p: Created): string => (p.order === undefined ? `at line ${ctx.lineOf(p.item.range.start)}` : `of <Order> ${p.order}`);

    return {
      onDocumentEnd(model) {
        if (windowsPENeverRuns(ctx, model)) return;
        for (const block of diskBlocks(model, ctx)) {
          for (const disk of block.disks) {
            if (disk.conditional) continue;
            // Size and Extend, per CreatePartition.
            for (const p of disk.created) {
              const extendFact = model.child(p.item, DISK.createExtend);
              if (p.size && p.extend) ctx.report('sizeAndExtend', p.size.range, { order: orderOf(p) }, { related: [{ message: '<Extend>true</Extend>', range: p.extend.range }] });
              // An Extend that is a template token or not a boolean is another rule's; so is an empty Size.
              else if (!p.size && !p.extend && !model.child(p.item, DISK.size) && !(extendFact && extendFact.value === undefined))
                ctx.report('noSize', p.item.range, { order: orderOf(p) });
            }
            // Space after an Extend, and logical partitions, in creation order (when every Order is readable and distinct).
            const ordered = disk.created.every((p) => p.order !== undefined) && new Set(disk.created.map((p) => p.order)).size === disk.created.length;
            if (ordered) {
              let extended: Created | undefined;
              // The first partition that fills the rest of the disk, and a logical one that fills the extended partition.
              let diskFull: Created | undefined;
              let extendedFull: Created | undefined;
              // MB the logical partitions take of the extended one, while every Size so far is readable.
              let logicalTotal: number | undefined = 0;
              for (const p of disk.created) {
                // Logical partitions go inside the extended partition, which keeps its room when a later partition fills the disk.
                const filler = p.type === 'Logical' ? extendedFull : p.type !== undefined ? diskFull : undefined;
                if (filler && !(p.size && p.extend)) {
                  const space = filler.type === 'Logical' ? 'the extended partition' : 'the disk';
                  const data = { partition: describe(p), filler: describe(filler), space, line: ctx.lineOf(filler.extend!.range.start) };
                  ctx.report('afterExtend', p.item.range, data, { related: [{ message: `fills the rest of ${space}`, range: filler.extend!.range }] });
                }
                if (p.type === 'Logical' && !extended) ctx.report('logicalWithoutExtended', p.item.range, { partition: describe(p) });
                // The Size page: logical partitions that fill or exceed the extended one leave the last of them uncreated.
                const room = extended && !extended.extend ? intOf(extended.size) : undefined;
                if (p.type === 'Logical' && room !== undefined && logicalTotal !== undefined) {
                  const size = p.extend ? undefined : intOf(p.size);
                  logicalTotal = size === undefined ? undefined : logicalTotal + size;
                  if (logicalTotal !== undefined && logicalTotal >= room) {
                    const data = { partition: describe(p), total: logicalTotal, verb: logicalTotal > room ? 'exceeds' : 'fills', extended: describe(extended!), size: room };
                    ctx.report('logicalOverflow', p.size!.range, data, { related: [{ message: 'the extended partition\'s Size', range: extended!.size!.range }] });
                    logicalTotal = undefined;
                  }
                }
                if (p.type === 'Extended') {
                  if (extended) {
                    const line = ctx.lineOf(extended.item.range.start);
                    ctx.report('secondExtended', p.item.range, { partition: describe(p), line }, { related: [{ message: 'the first Extended partition', range: extended.item.range }] });
                  } else extended = p;
                }
                // Size and Extend together create nothing (reported above).
                if (p.extend && !p.size) {
                  if (p.type === 'Logical') extendedFull ??= p;
                  else if (p.type !== undefined) diskFull ??= p;
                }
              }
            }
            // ModifyPartition: one per partition, naming a partition the wiped disk has.
            const seen = new Map<number, Fact>();
            for (const m of disk.modified) {
              if (m.id === undefined) continue;
              // A partition modified again is partition-conflict's; it is judged here once.
              if (seen.has(m.id)) continue;
              seen.set(m.id, m.partitionId!);
              const found = lookup(disk, m.id);
              if (!found.known) continue;
              if (!found.partition) {
                ctx.report('unknownPartition', m.partitionId!.valueRange!, { id: m.id, has: describeIds(disk) });
                continue;
              }
              const created = found.partition;
              if (m.extend && created.extend)
                ctx.report('extendBoth', m.extend.range, { id: m.id, line: ctx.lineOf(created.extend.range.start) }, {
                  related: [{ message: 'CreatePartition Extend', range: created.extend.range }],
                });
            }
          }
        }
      },
    };
  },
});
