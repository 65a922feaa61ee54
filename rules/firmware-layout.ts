// firmware-layout: a wiped disk's layout fits the firmware: UEFI/GPT needs a FAT32 EFI partition and a primary one and has
// no extended ones; BIOS/MBR has no EFI or MSR partitions, at most four primary ones, and Active only on a primary one (…-createpartition-type,
// …-modifypartition-active, …-modifypartition-extend, windows-setup-installing-using-the-mbr-or-gpt-partition-style).
import { defineRule } from '../src/engine/rule.js';
import type { Range } from '../src/types.js';
import { DISK, DISK_FACTS, IMAGE, diskBlocks, diskById, intOf, type Created, type Disk } from './_helpers/disks.js';
import { WINDOWS_PE_FACTS, windowsPENeverRuns } from './_helpers/windows-pe.js';

type Firmware = 'uefi' | 'bios' | 'any';
interface Options {
  firmware?: Firmware;
}

const LABEL = { uefi: 'UEFI (GPT disks)', bios: 'BIOS (MBR disks)' } as const;

export default defineRule({
  meta: {
    id: 'firmware-layout',
    summary:
      'Wiped disks are laid out for the firmware: UEFI/GPT with a FAT32 EFI partition, a primary one and no extended ones, BIOS/MBR without EFI or MSR partitions, with at most four primary ones and Active only on a primary one',
    category: 'correctness',
    severity: 'error',
    facts: [...DISK_FACTS, IMAGE.installToDisk, ...WINDOWS_PE_FACTS],
    quietWithoutFacts: true,
    messages: {
      mbrOnly: (d: { type: string; why: string }) =>
        `${d.type === 'Extended' ? 'an' : 'a'} ${d.type} partition on a layout for ${LABEL.uefi} (${d.why}); extended and logical partitions exist only on MBR disks: create primary partitions instead`,
      gptOnly: (d: { type: string; why: string }) =>
        `an ${d.type} partition on a layout for ${LABEL.bios} (${d.why}); Setup ends the installation for EFI and MSR partitions on an MBR disk: remove it, or lint this file with firmware "uefi"`,
      gptExtend: (d: { why: string }) =>
        `<ModifyPartition> <Extend> on a layout for ${LABEL.uefi} (${d.why}); GPT disks do not support ModifyPartition Extend: use <Extend>true</Extend> in the partition's <CreatePartition>`,
      noEfi: (d: { why: string }) =>
        `the layout for ${LABEL.uefi} (${d.why}) creates no EFI system partition; UEFI boots from the ESP, and without one Setup creates no GPT layout: add a <CreatePartition> with <Type>EFI</Type> (e.g. 100 MB, FAT32)`,
      efiNotFat32: (d: { why: string; format: string }) =>
        `the EFI system partition is formatted ${d.format} on a layout for ${LABEL.uefi} (${d.why}); UEFI firmware reads the ESP as FAT32, the file system Setup gives EFI partitions: write <Format>FAT32</Format> or leave Format out`,
      noPrimary: (d: { why: string; disk: string }) =>
        `${d.disk} is laid out for ${LABEL.uefi} (${d.why}) with no primary partition, so Windows has nowhere to go: add a <CreatePartition> with <Type>Primary</Type>`,
      activeNotPrimary: (d: { partition: string }) =>
        `<Active>true</Active> on ${d.partition} is ignored: only primary partitions can be active, and a BIOS boots the active partition: mark the primary system partition active instead`,
      tooManyPrimary: (d: { disk: string; count: number }) =>
        `${d.disk} gets ${d.count} primary and extended partitions; an MBR disk holds at most four primary partitions, or three and one extended: put further partitions as logical ones in an extended partition`,
    },
    schema: {
      type: 'object',
      properties: {
        firmware: {
          enum: ['uefi', 'bios', 'any'],
          description: 'The firmware the file is for: "uefi" (GPT disks), "bios" (MBR disks), or "any" (default) to infer it from the layout: EFI or MSR partitions mean UEFI, an active primary partition BIOS',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { firmware: 'any' } as Options,
  },
  create(ctx) {
    const configured = ctx.options.firmware ?? 'any';
    const diskName = (d: Disk): string => (d.id === undefined ? `the disk at line ${ctx.lineOf(d.fact.range.start)}` : `disk ${d.id}`);

    return {
      onDocumentEnd(model) {
        if (windowsPENeverRuns(ctx, model)) return;
        const typeRange = (p: Created): Range => model.child(p.item, DISK.type)?.valueRange ?? p.item.range;
        for (const block of diskBlocks(model, ctx)) {
          if (block.conditional) continue;
          // Disks whose whole layout is in the file: wiped, partitions of known types, no template alternatives.
          const laid = block.disks.filter((d) => d.wiped && !d.conditional && d.created.length > 0 && d.created.every((p) => p.type !== undefined));
          if (laid.length === 0) continue;
          const created = laid.flatMap((d) => d.created);
          const gptOnly = (p: Created): boolean => p.type === 'EFI' || p.type === 'MSR';
          const gpt = created.find(gptOnly);
          const activeOf = (d: Disk) => d.modified.filter((m) => m.active);
          const mbr = laid.flatMap(activeOf)[0];
          let firmware: 'uefi' | 'bios' | undefined;
          let why: string;
          if (configured !== 'any') {
            firmware = configured;
            why = `firmware "${configured}" in the rule's options`;
          } else if (gpt) {
            firmware = 'uefi';
            why = `inferred from the ${gpt.type} partition at line ${ctx.lineOf(gpt.item.range.start)}`;
          } else if (mbr) {
            firmware = 'bios';
            why = `inferred from <Active> at line ${ctx.lineOf(mbr.active!.range.start)}`;
          } else continue;
          // Per-disk checks: every laid-out disk for a configured firmware; for an inferred one, the disks that show it
          // (a disk with neither EFI/MSR nor Active may be a data disk of the other style).
          const judged =
            configured !== 'any' ? laid : laid.filter((d) => (firmware === 'uefi' ? d.created.some(gptOnly) : activeOf(d).length > 0));

          // The disk Windows goes to: InstallTo's, when it is laid out here (else its partitions are unknown and nothing is required);
          // without InstallTo, the laid-out disks together.
          const os = model.all(IMAGE.installToDisk).find((f) => f.component === block.component);
          const osId = intOf(os);
          const osDisk = osId === undefined ? undefined : diskById(block, osId);
          const systemDisks = os ? (osDisk && laid.includes(osDisk) ? [osDisk] : []) : laid;

          if (firmware === 'uefi') {
            for (const d of judged) {
              for (const p of d.created) if (p.type === 'Extended' || p.type === 'Logical') ctx.report('mbrOnly', typeRange(p), { type: p.type, why });
              for (const m of d.modified) {
                const p = m.id === undefined ? undefined : d.byId.get(m.id);
                // Extend in both CreatePartition and ModifyPartition is partition-layout's (the fix is the same).
                if (m.extend && !(d.numbered && p?.extend)) ctx.report('gptExtend', m.extend.range, { why });
                if (d.numbered && p?.type === 'EFI' && m.format && m.format.value !== 'FAT32')
                  ctx.report('efiNotFat32', m.format.valueRange!, { why, format: ctx.quote(m.format.text!.trim(), m.format.valueRange!) });
              }
            }
            if (systemDisks.length === 0) continue;
            // One ESP serves every GPT disk: another disk may hold it when the file keeps one (not wiped) or leaves out
            // one numbered below the highest it lays out (disk 0 of a file that wipes disk 1 is there, and kept).
            const ids = new Set(laid.map((d) => d.id));
            const highest = laid.reduce((n, d) => Math.max(n, d.id ?? Infinity), -1);
            // Distinct IDs from 0 leave none out exactly when the highest is one less than their count.
            const otherDisk = block.disks.some((d) => !d.wiped) || highest >= ids.size;
            if (!otherDisk && !created.some((p) => p.type === 'EFI')) ctx.report('noEfi', laid[0]!.fact.range, { why });
            // The Windows partition: on the disk Windows goes to, else on the disk with the ESP, else the first.
            const target = osDisk ?? laid.find((d) => d.created.some((p) => p.type === 'EFI')) ?? laid[0]!;
            if (!target.created.some((p) => p.type === 'Primary')) ctx.report('noPrimary', target.fact.range, { why, disk: diskName(target) });
            continue;
          }
          // BIOS/MBR.
          for (const d of judged) {
            for (const p of d.created) if (gptOnly(p)) ctx.report('gptOnly', typeRange(p), { type: p.type!, why });
            // EFI and MSR partitions are not created on MBR disks (reported above).
            const entries = d.created.filter((p) => p.type === 'Primary' || p.type === 'Extended');
            if (entries.length > 4) ctx.report('tooManyPrimary', entries[4]!.item.range, { disk: diskName(d), count: entries.length });
            for (const m of activeOf(d)) {
              const p = m.id === undefined ? undefined : d.byId.get(m.id);
              if (d.numbered && p && p.type !== 'Primary') ctx.report('activeNotPrimary', m.active!.range, { partition: `the ${p.type} partition of <Order> ${p.order}` });
            }
          }
        }
      },
    };
  },
});
