// Empty values of settings whose page says "does not support empty elements", and the ones working files use anyway.
import type { BoundValue } from '../../src/binder/bind.js';
import type { SettingNode } from '../../src/kb/tree.js';
import { isBlank } from './value-text.js';
import { actionAttribute } from './lists.js';

/**
 * Settings whose page forbids empty values but where an empty element is a known, working idiom (empty-value-tolerated),
 * with what Setup does instead.
 */
const TOLERATED = new Map<string, string>([
  // <Key/> lets Setup take the firmware (OEM) key or ask for the edition: luciusbono/Packer-Windows10#39,
  // cschneegans/unattend-generator#158; 25 of 418 corpus files.
  ['Microsoft-Windows-Setup/UserData/ProductKey/Key', 'Setup then uses the firmware key or asks for the edition'],
  // Widely used templates that install fine leave these empty (mrlesmithjr/packer-templates,
  // marcinbojko/hv-packer, jamesstringer90/Easy-GPU-PV); 24 corpus files.
  ['Microsoft-Windows-Setup/UserData/FullName', 'Setup then leaves it blank'],
  ['Microsoft-Windows-Setup/UserData/Organization', 'Setup then leaves it blank'],
  // Parallels Desktop's express-install answer files (copied in DavidBrockmeier/ParallelsTools) and
  // BenHall/packer-windows2016 format partitions with <Label></Label>; 3 corpus files.
  ['Microsoft-Windows-Setup/DiskConfiguration/Disk/ModifyPartitions/ModifyPartition/Label', 'Setup then formats the partition without a label'],
  // Microsoft's own OEM deployment samples (OA3.0_UnattendSysprep.xml, Non_OA3.0_UnattendSysprep.xml) leave
  // <Link2></Link2> empty under TaskbarLinks, as does a BootToAudit file derived from them.
  ...[0, 1, 2, 3, 4, 5].map((n) => [`Microsoft-Windows-Shell-Setup/TaskbarLinks/Link${n}`, 'Setup then pins nothing in that slot'] as const),
]);

/** A setting whose value is its text: a leaf, or a list item keyed by wcm:keyValue (DNS suffixes, IP addresses). */
export const holdsText = (s: SettingNode): boolean => s.record.kind === 'leaf' || (s.record.kind === 'listItem' && !!s.record.keyedByKeyValue);

/** An empty value the reference forbids: how it is empty, and `instead` when it is a tolerated idiom. */
export function emptyVerdict(v: BoundValue): { how: string; instead?: string } | undefined {
  const s = v.element.binding.setting;
  if (!s || !holdsText(s) || s.record.emptyAllowed !== false || !isBlank(v.text)) return undefined;
  // A list item that removes an entry names it by its key alone (<DomainName wcm:action="remove" wcm:keyValue="2"/>).
  if (s.record.kind === 'listItem' && actionAttribute(v.element)?.value.trim().toLowerCase() === 'remove') return undefined;
  const how = v.text === '' ? 'empty' : 'only whitespace';
  const instead = TOLERATED.get(s.key);
  return instead ? { how, instead } : { how };
}
