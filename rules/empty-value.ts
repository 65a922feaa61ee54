// empty-value: an empty element where the reference says "does not support empty elements" stops or misleads Setup.
import { defineRule } from '../src/engine/rule.js';
import { settingKey, settingOf } from './_helpers/setting.js';
import { isBlank } from './_helpers/value-text.js';

/**
 * Settings whose page forbids empty values but where an empty element is a known, working idiom: reported as
 * warnings, with what Setup does instead.
 */
const TOLERATED = new Map([
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

export default defineRule({
  meta: {
    id: 'empty-value',
    summary: 'Settings whose reference page does not support empty elements have a value',
    category: 'correctness',
    severity: 'error',
    messages: {
      empty: (d: { name: string; how: string }) =>
        `<${d.name}> is ${d.how}, but its reference page does not support empty values; give it a value or remove the element`,
      tolerated: (d: { name: string; how: string; instead: string }) =>
        `<${d.name}> is ${d.how}; its reference page does not support empty values, though working files use it (${d.instead}); give it a value or remove it unless that is intended`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const el = v.element;
        const record = settingOf(ctx.kb, el);
        if (!record || record.kind !== 'leaf' || record.emptyAllowed !== false || !isBlank(v.text)) return;
        const how = v.text === '' ? 'empty' : 'only whitespace';
        const instead = TOLERATED.get(settingKey(record));
        if (instead) {
          ctx.report('tolerated', el.nameRange, { name: el.qname, how, instead }, { severity: 'warn' });
        } else {
          ctx.report('empty', el.nameRange, { name: el.qname, how });
        }
      },
    };
  },
});
