// install-target: ImageInstall puts Windows (and data images) on a partition the disk layout has, one that can hold it
// (…-osimage-installto, …-osimage-installtoavailablepartition, …-createpartition-type, …-dataimage-installto-partitionid).
import { defineRule } from '../src/engine/rule.js';
import type { AnswerModel, Fact } from '../src/engine/model.js';
import { DISK_FACTS, IMAGE, IMAGE_FACTS, describe, describeIds, diskBlocks, diskById, holdsData, intOf, lookup, type DiskBlock } from './_helpers/disks.js';
import { alternatives } from './_helpers/seen.js';
import { WINDOWS_PE_FACTS, windowsPENeverRuns } from './_helpers/windows-pe.js';

export default defineRule({
  meta: {
    id: 'install-target',
    summary:
      'OSImage and DataImage InstallTo name a partition the wiped disk creates and that can hold files; InstallTo and InstallToAvailablePartition are not both set',
    category: 'correctness',
    severity: 'error',
    facts: [...DISK_FACTS, ...IMAGE_FACTS, ...WINDOWS_PE_FACTS],
    quietWithoutFacts: true,
    messages: {
      both: (d: { line: number }) =>
        `<InstallTo> is set together with <InstallToAvailablePartition>true</InstallToAvailablePartition>; with both, the installation fails: keep InstallTo to name the partition, or remove it to use the first available one, InstallToAvailablePartition at line ${d.line}`,
      noPartition: (d: { image: string; disk: number; id: number; has: string; line: number }) =>
        `${d.image} goes to PartitionID ${d.id} of disk ${d.disk}, but that disk is wiped and the file creates ${d.has} on it; Setup cannot install there: name a created partition, Disk at line ${d.line}`,
      notData: (d: { partition: string; disk: number; id: number; line: number }) =>
        `Windows is installed to PartitionID ${d.id} of disk ${d.disk}, which is ${d.partition}; Windows must be installed on a primary or a logical partition: name the Windows partition, created at line ${d.line}`,
      unformatted: (d: { line: number }) =>
        `<InstallToAvailablePartition> installs to the first available partition with enough space, and on wiped disks the partitions must be created and formatted for that, but no primary or logical partition this file creates is formatted by a <ModifyPartition>: add <Format>NTFS</Format> to the Windows partition, or name it with <InstallTo>, disks at line ${d.line}`,
    },
  },
  create(ctx) {
    /** The block of disks in the same Microsoft-Windows-Setup component occurrence as `f`. */
    const blockOf = (blocks: readonly DiskBlock[], f: Fact): DiskBlock | undefined => blocks.find((b) => b.component === f.component && !b.conditional);

    const target = (model: AnswerModel, blocks: readonly DiskBlock[], installTo: Fact, keys: { disk: typeof IMAGE.installToDisk | typeof IMAGE.dataDisk; partition: typeof IMAGE.installToPartition | typeof IMAGE.dataPartition }, image: string, os: boolean): void => {
      const block = blockOf(blocks, installTo);
      const diskFact = model.child(installTo, keys.disk);
      const partitionFact = model.child(installTo, keys.partition);
      const diskId = intOf(diskFact);
      const partitionId = intOf(partitionFact);
      if (!block || diskId === undefined || partitionId === undefined) return;
      const disk = diskById(block, diskId);
      if (!disk || disk.conditional) return;
      const found = lookup(disk, partitionId);
      if (!found.known) return;
      if (!found.partition) {
        ctx.report('noPartition', partitionFact!.valueRange!, { image, disk: diskId, id: partitionId, has: describeIds(disk), line: ctx.lineOf(disk.fact.range.start) }, {
          related: [{ message: `Disk ${diskId}`, range: disk.fact.range }],
        });
      } else if (os && !holdsData(found.partition)) {
        ctx.report('notData', partitionFact!.valueRange!, { partition: describe(found.partition), disk: diskId, id: partitionId, line: ctx.lineOf(found.partition.item.range.start) }, {
          related: [{ message: describe(found.partition), range: found.partition.item.range }],
        });
      }
    };

    return {
      onDocumentEnd(model) {
        if (windowsPENeverRuns(ctx, model)) return;
        const blocks = diskBlocks(model, ctx);
        for (const osImage of model.all(IMAGE.osImage)) {
          const installTo = model.child(osImage, IMAGE.installTo);
          const available = model.child(osImage, IMAGE.available);
          const availableTrue = available && !available.placeholder && available.value === true;
          if (installTo && availableTrue && !alternatives(ctx, installTo.range, available.range))
            ctx.report('both', installTo.range, { line: ctx.lineOf(available.range.start) }, { related: [{ message: 'InstallToAvailablePartition', range: available.range }] });
          if (installTo) target(model, blocks, installTo, { disk: IMAGE.installToDisk, partition: IMAGE.installToPartition }, 'Windows', true);
          if (availableTrue && !installTo) {
            const block = blockOf(blocks, osImage);
            // Setup searches every disk: only a file whose disks are all wiped and laid out here can be judged.
            if (!block || block.disks.length === 0 || !block.disks.every((d) => lookup(d, 1).known)) continue;
            // A templated PartitionID or Format may render to the partition that is formatted.
            if (block.disks.some((d) => d.modified.some((m) => m.templated))) continue;
            const formatted = block.disks.some((d) => d.modified.some((m) => m.format && m.id !== undefined && ((p) => !!p && holdsData(p))(d.byId.get(m.id))));
            if (!formatted) ctx.report('unformatted', available.valueRange ?? available.range, { line: ctx.lineOf(block.disks[0]!.fact.range.start) });
          }
        }
        for (const installTo of model.all(IMAGE.dataInstallTo)) target(model, blocks, installTo, { disk: IMAGE.dataDisk, partition: IMAGE.dataPartition }, 'the data image', false);
      },
    };
  },
});
