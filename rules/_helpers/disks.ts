// What the disk rules read of Microsoft-Windows-Setup DiskConfiguration and ImageInstall: each Disk with the
// partitions it creates (in Order, with the PartitionIDs Setup gives them) and modifies, per component block.
import type { AnswerModel, Fact, FactComponent } from '../../src/engine/model.js';
import type { SettingKey } from '../../src/kb/setting-keys.js';
import { anyBetween } from '../../src/util/sorted.js';
import { named } from './facts.js';
import { removes } from './lists.js';
import type { RuleContext } from '../../src/engine/rule.js';

const D = 'Microsoft-Windows-Setup/DiskConfiguration/Disk';
const C = `${D}/CreatePartitions/CreatePartition`;
const M = `${D}/ModifyPartitions/ModifyPartition`;
export const DISK = {
  disk: D,
  diskId: `${D}/DiskID`,
  wipe: `${D}/WillWipeDisk`,
  create: C,
  createOrder: `${C}/Order`,
  type: `${C}/Type`,
  size: `${C}/Size`,
  createExtend: `${C}/Extend`,
  modify: M,
  modifyOrder: `${M}/Order`,
  partitionId: `${M}/PartitionID`,
  active: `${M}/Active`,
  modifyExtend: `${M}/Extend`,
  format: `${M}/Format`,
  letter: `${M}/Letter`,
  label: `${M}/Label`,
} as const satisfies Record<string, SettingKey>;

const O = 'Microsoft-Windows-Setup/ImageInstall/OSImage';
const DI = 'Microsoft-Windows-Setup/ImageInstall/DataImage';
export const IMAGE = {
  osImage: O,
  installTo: `${O}/InstallTo`,
  installToDisk: `${O}/InstallTo/DiskID`,
  installToPartition: `${O}/InstallTo/PartitionID`,
  available: `${O}/InstallToAvailablePartition`,
  dataImage: DI,
  dataInstallTo: `${DI}/InstallTo`,
  dataDisk: `${DI}/InstallTo/DiskID`,
  dataPartition: `${DI}/InstallTo/PartitionID`,
} as const satisfies Record<string, SettingKey>;

export const DISK_FACTS: readonly SettingKey[] = Object.values(DISK);
export const IMAGE_FACTS: readonly SettingKey[] = Object.values(IMAGE);

export type PartitionType = 'Primary' | 'EFI' | 'MSR' | 'Extended' | 'Logical';

/** A CreatePartition item. */
export interface Created {
  readonly item: Fact;
  readonly order: number | undefined;
  /** The documented spelling; undefined when missing, invalid or a template token. */
  readonly type: PartitionType | undefined;
  readonly size: Fact | undefined;
  /** Extend=true, when written so. */
  readonly extend: Fact | undefined;
  /** The PartitionID Setup gives it (Extended partitions get none), when the disk's numbering is known. */
  id: number | undefined;
}

/** A ModifyPartition item. */
export interface Modified {
  readonly item: Fact;
  readonly partitionId: Fact | undefined;
  readonly id: number | undefined;
  /** Active=true / Extend=true, when written so. */
  readonly active: Fact | undefined;
  readonly extend: Fact | undefined;
  readonly format: Fact | undefined;
  readonly letter: Fact | undefined;
  /** PartitionID or Format is a template token: once rendered, the item may format any partition. */
  readonly templated: boolean;
}

export interface Disk {
  readonly fact: Fact;
  readonly diskId: Fact | undefined;
  readonly id: number | undefined;
  /** WillWipeDisk=true: the disk holds only the partitions the file creates. */
  readonly wiped: boolean;
  /** CreatePartition items sorted by Order (items without a readable Order last, in document order). */
  readonly created: readonly Created[];
  readonly modified: readonly Modified[];
  /**
   * Every partition the file creates is known (readable, distinct Orders and types, Logical ones inside an Extended
   * one), so each has its PartitionID: then, on a wiped disk, `byId` is the whole disk.
   */
  readonly numbered: boolean;
  readonly byId: ReadonlyMap<number, Created>;
  /** A template conditional sits inside the Disk: its items may be alternatives, so the layout is not simulated. */
  readonly conditional: boolean;
}

/** The disks of one Microsoft-Windows-Setup component block (blocks for other architectures are alternatives). */
export interface DiskBlock {
  readonly component: FactComponent;
  readonly disks: readonly Disk[];
  /** A template conditional sits between the block's first and last Disk. */
  readonly conditional: boolean;
}

const removed = (f: Fact): boolean => removes(f.action);

/** A non-negative integer as written (trimmed), or undefined when empty, templated or not a number. */
export function intOf(f: Fact | undefined): number | undefined {
  if (!named(f)) return undefined;
  const core = f.text!.trim();
  return /^\d{1,9}$/.test(core) ? Number(core) : undefined;
}

/** The fact when its value is the boolean true. */
const isTrue = (f: Fact | undefined): Fact | undefined => (f && !f.placeholder && f.value === true ? f : undefined);

/**
 * PartitionIDs as the PartitionID pages describe them: partitions are numbered by their place on the disk, primary,
 * EFI, MSR and logical ones counted and Extended ones not, logical partitions sitting inside the extended one.
 * Returns false when the layout cannot be numbered.
 */
function number(created: readonly Created[]): boolean {
  if (created.some((p) => p.order === undefined || p.type === undefined)) return false;
  if (new Set(created.map((p) => p.order)).size !== created.length) return false;
  type Slot = { part: Created; logical: Created[] };
  const slots: Slot[] = [];
  let extended: Slot | undefined;
  for (const p of created) {
    if (p.type === 'Logical') {
      if (!extended) return false;
      extended.logical.push(p);
    } else {
      const slot = { part: p, logical: [] };
      if (p.type === 'Extended') {
        if (extended) return false;
        extended = slot;
      }
      slots.push(slot);
    }
  }
  let id = 0;
  for (const slot of slots) {
    if (slot.part.type === 'Extended') for (const l of slot.logical) l.id = ++id;
    else slot.part.id = ++id;
  }
  return true;
}

/** Each Microsoft-Windows-Setup block's disks, in document order. Needs DISK_FACTS. */
export function diskBlocks(model: AnswerModel, ctx: Pick<RuleContext, 'conditionals'>): DiskBlock[] {
  // Four rules read the same layout: it is worked out once per file.
  return model.memo('disk-layout', () => readDiskBlocks(model, ctx));
}

function readDiskBlocks(model: AnswerModel, ctx: Pick<RuleContext, 'conditionals'>): DiskBlock[] {
  const conditionalIn = (start: number, end: number): boolean => anyBetween(ctx.conditionals(), start, end);
  const blocks = new Map<FactComponent, { component: FactComponent; disks: Disk[]; conditional: boolean }>();
  for (const fact of model.all(DISK.disk)) {
    if (removed(fact)) continue;
    const created: Created[] = model
      .within(fact, DISK.create)
      .filter((c) => !removed(c))
      .map((item) => {
        const type = model.child(item, DISK.type);
        return {
          item,
          order: intOf(model.child(item, DISK.createOrder)),
          type: type && !type.placeholder && typeof type.value === 'string' ? (type.value as PartitionType) : undefined,
          size: ((s) => (named(s) ? s : undefined))(model.child(item, DISK.size)),
          extend: isTrue(model.child(item, DISK.createExtend)),
          id: undefined,
        };
      });
    created.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity));
    const modified: Modified[] = model
      .within(fact, DISK.modify)
      .filter((m) => !removed(m))
      .map((item) => {
        const partitionId = model.child(item, DISK.partitionId);
        const format = model.child(item, DISK.format);
        const letter = model.child(item, DISK.letter);
        return {
          item,
          partitionId,
          id: intOf(partitionId),
          active: isTrue(model.child(item, DISK.active)),
          extend: isTrue(model.child(item, DISK.modifyExtend)),
          format: format && !format.placeholder && format.value !== undefined ? format : undefined,
          letter: named(letter) ? letter : undefined,
          templated: !!(partitionId?.placeholder || format?.placeholder),
        };
      });
    const diskId = model.child(fact, DISK.diskId);
    const numbered = number(created);
    const byId = new Map<number, Created>();
    if (numbered) for (const p of created) if (p.id !== undefined) byId.set(p.id, p);
    const disk: Disk = {
      fact,
      diskId,
      id: intOf(diskId),
      wiped: !!isTrue(model.child(fact, DISK.wipe)),
      created,
      modified,
      numbered,
      byId,
      conditional: conditionalIn(fact.elementRange.start, fact.elementRange.end),
    };
    let block = blocks.get(fact.component);
    if (!block) blocks.set(fact.component, (block = { component: fact.component, disks: [], conditional: false }));
    const previous = block.disks[block.disks.length - 1];
    if (previous && conditionalIn(previous.fact.elementRange.end, fact.elementRange.start)) block.conditional = true;
    block.disks.push(disk);
  }
  return [...blocks.values()];
}

/** The disk of a block a DiskID names, when exactly one Disk has that DiskID (repeats are list-key-unique's). */
export function diskById(block: DiskBlock, id: number): Disk | undefined {
  const found = block.disks.filter((d) => d.id === id);
  return found.length === 1 ? found[0] : undefined;
}

/** The partition a ModifyPartition or InstallTo PartitionID names on a disk whose whole layout the file sets. */
export interface Lookup {
  readonly known: boolean;
  readonly partition: Created | undefined;
}

/** Whether the disk's layout is all in the file (wiped, numbered, no template alternatives), and what `id` names there. */
export function lookup(disk: Disk, id: number): Lookup {
  if (!disk.wiped || !disk.numbered || disk.conditional) return { known: false, partition: undefined };
  return { known: true, partition: disk.byId.get(id) };
}

/**
 * The partitions a wiped disk has, described for a message: "2 numbered partitions, PartitionID 1 to 2", "no numbered
 * partition", with a word on the Extended partition when the disk has one.
 */
export function describeIds(disk: Disk): string {
  const n = disk.byId.size;
  const ids = n === 0 ? 'no numbered partition' : n === 1 ? 'one numbered partition, PartitionID 1' : `${n} numbered partitions, PartitionID 1 to ${n}`;
  return disk.created.some((p) => p.type === 'Extended') ? `${ids} (an Extended partition gets no ID)` : ids;
}

/** A partition for a message: "the EFI partition of Order 2". */
export const describe = (p: Created): string => `the ${p.type ?? 'unknown-type'} partition of <Order> ${p.order ?? '?'}`;

/** Data partitions: the ones Windows or data can go on (the Type page: a primary or a logical partition). */
export const holdsData = (p: Created): boolean => p.type === 'Primary' || p.type === 'Logical';
