// Disk rules beyond their fixtures: PartitionIDs numbered as the PartitionID page describes, one finding per fault across
// partition-layout, install-target and firmware-layout in the recommended config, and the firmware option's effect.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { loadFixture } from './helpers/fixtures.js';
import { join } from 'node:path';
import { createLinter } from '../src/lint.js';
import { lintSource } from '../src/engine/run.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { builtinRules } from '../rules/index.js';
import { FIXTURES, ROOT } from './helpers/paths.js';

const kb = loadKnowledgeBase();
const IDENTITY = 'processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"';
const setup = (body: string): string =>
  `<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">` +
  `<settings pass="windowsPE"><component name="Microsoft-Windows-Setup" ${IDENTITY}>${body}</component></settings></unattend>`;
const part = (order: number, type: string, size: string): string =>
  `<CreatePartition wcm:action="add"><Order>${order}</Order><Type>${type}</Type>${size === 'extend' ? '<Extend>true</Extend>' : `<Size>${size}</Size>`}</CreatePartition>`;
const disk = (parts: string[], modify = ''): string =>
  `<DiskConfiguration><Disk wcm:action="add"><DiskID>0</DiskID><WillWipeDisk>true</WillWipeDisk><CreatePartitions>${parts.join('')}</CreatePartitions>` +
  (modify ? `<ModifyPartitions>${modify}</ModifyPartitions>` : '') +
  `</Disk></DiskConfiguration>`;
const installTo = (id: number): string => `<ImageInstall><OSImage><InstallTo><DiskID>0</DiskID><PartitionID>${id}</PartitionID></InstallTo></OSImage></ImageInstall>`;

const linter = createLinter({ cwd: ROOT, noConfigLookup: true, builtinRules, kb });
const labels = async (text: string) =>
  (await linter.lintBytes(text, join(ROOT, 'autounattend.xml'))).messages
    .filter((m) => /^(partition-layout|install-target|firmware-layout)$/.test(m.ruleId ?? ''))
    .map((m) => `${m.ruleId}/${m.messageId}:${m.severity}`);
const rule = (id: string) => builtinRules.find((r) => r.meta.id === id)!;
const run = (id: string, text: string, options: Record<string, unknown> = {}) =>
  lintSource(text, { filePath: 'x.xml', rules: [{ rule: rule(id), severity: 2, options }], kb }).messages.map((m) => m.messageId);

// The PartitionID page's example: Primary (1), Extended holding Logical (2) and Logical (3), Primary (4).
const MBR = [part(1, 'Primary', '500'), part(2, 'Extended', '20000'), part(3, 'Primary', 'extend'), part(4, 'Logical', '5000'), part(5, 'Logical', '100')];

test('PartitionIDs: by place on the disk, logical partitions inside the extended one, Extended not numbered', () => {
  for (const id of [1, 2, 3, 4]) assert.equal(run('install-target', setup(disk(MBR) + installTo(id))), [], `PartitionID ${id} exists`);
  assert.equal(run('install-target', setup(disk(MBR) + installTo(5))), ['noPartition']);
});

test('a PartitionID the disk lacks: the message counts the numbered partitions, and mentions Extended ones only where the disk has one', () => {
  const message = (parts: string[]) =>
    lintSource(setup(disk(parts) + installTo(9)), { filePath: 'x.xml', rules: [{ rule: rule('install-target'), severity: 2, options: {} }], kb }).messages[0]!.message;
  assert.match(message(MBR), /creates 4 numbered partitions, PartitionID 1 to 4 \(an Extended partition gets no ID\) on it/);
  const gpt = message([part(1, 'EFI', '100'), part(2, 'MSR', '16'), part(3, 'Primary', 'extend')]);
  assert.match(gpt, /creates 3 numbered partitions, PartitionID 1 to 3 on it/);
  assert.not.match(gpt, /Extended/);
});

test('a partition after one that fills the disk: the message names the filling partition as the one to give a Size', () => {
  const text = setup(disk([part(1, 'Primary', '500'), part(2, 'Primary', 'extend'), part(3, 'Primary', '100')]));
  const found = lintSource(text, { filePath: 'x.xml', rules: [{ rule: rule('partition-layout'), severity: 2, options: {} }], kb }).messages;
  assert.equal(found.map((m) => m.messageId), ['afterExtend']);
  assert.match(found[0]!.message, /^the Primary partition of <Order> 3 is created after the Primary partition of <Order> 2, .*; give the Primary partition of <Order> 2 a <Size> instead of Extend, or create it last/);
});

test('PartitionIDs: EFI and MSR partitions are numbered, so Windows after them is 3', () => {
  const gpt = [part(1, 'EFI', '100'), part(2, 'MSR', '16'), part(3, 'Primary', 'extend')];
  assert.equal(run('install-target', setup(disk(gpt) + installTo(3))), []);
  assert.equal(run('install-target', setup(disk(gpt) + installTo(1))), ['notData']);
  assert.equal(run('install-target', setup(disk(gpt) + installTo(4))), ['noPartition']);
});

test('the recommended config: Extend in both CreatePartition and ModifyPartition on GPT is reported once, as an error', async () => {
  const gpt = [part(1, 'EFI', '100'), part(2, 'MSR', '16'), part(3, 'Primary', 'extend')];
  const modify = '<ModifyPartition wcm:action="add"><Order>1</Order><PartitionID>3</PartitionID><Format>NTFS</Format><Extend>true</Extend></ModifyPartition>';
  assert.equal(await labels(setup(disk(gpt, modify) + installTo(3))), ['partition-layout/extendBoth:2']);
});

test('firmware: "any" infers from the layout and stays silent without EFI, MSR or Active; "uefi" and "bios" judge every wiped layout', () => {
  const plain = setup(disk([part(1, 'Primary', 'extend')]) + installTo(1));
  assert.equal(run('firmware-layout', plain), []);
  assert.equal(run('firmware-layout', plain, { firmware: 'any' }), []);
  assert.equal(run('firmware-layout', plain, { firmware: 'uefi' }), ['noEfi']);
  assert.equal(run('firmware-layout', plain, { firmware: 'bios' }), []);
  const gpt = setup(disk([part(1, 'EFI', '100'), part(2, 'MSR', '16'), part(3, 'Primary', 'extend')]) + installTo(3));
  assert.equal(run('firmware-layout', gpt), []);
  assert.equal(run('firmware-layout', gpt, { firmware: 'bios' }), ['gptOnly', 'gptOnly']);
  const mbr = setup(disk(MBR, '<ModifyPartition wcm:action="add"><Order>1</Order><PartitionID>2</PartitionID><Active>true</Active></ModifyPartition>'));
  assert.equal(run('firmware-layout', mbr), ['activeNotPrimary']);
  assert.equal(run('firmware-layout', mbr, { firmware: 'uefi' }), ['noEfi', 'mbrOnly', 'mbrOnly', 'mbrOnly']);
});

test('a disk that is not wiped keeps partitions the linter cannot see: no PartitionID is judged', () => {
  const kept = setup(disk([part(1, 'Primary', '500')]).replace('<WillWipeDisk>true', '<WillWipeDisk>false') + installTo(4));
  assert.equal(run('install-target', kept), []);
  assert.equal(run('partition-layout', kept.replace('</CreatePartitions>', '</CreatePartitions><ModifyPartitions><ModifyPartition wcm:action="add"><Order>1</Order><PartitionID>4</PartitionID></ModifyPartition></ModifyPartitions>')), []);
});

test('where the scenario never runs windowsPE, the disk and image rules judge nothing there (each rule\'s bad fixtures)', () => {
  for (const id of ['install-target', 'firmware-layout', 'partition-layout', 'partition-conflict', 'image-selection']) {
    const dir = join(FIXTURES, 'rules', id);
    const bad = readdirSync(dir).filter((f) => f.startsWith('bad-') && f.endsWith('.xml') && !f.endsWith('.fixed.xml'));
    assert.ok(bad.length > 0, id);
    for (const name of bad) {
      // The fixture's own options and settings (its sidecar), with and without a scenario that never runs windowsPE.
      const file = join(dir, name);
      const fx = loadFixture(file, rule(id));
      const lint = (settings: Record<string, unknown>) =>
        lintSource(readFileSync(file), { filePath: file, kb, rules: fx.rules, settings }).messages.filter((m) => m.ruleId === id);
      assert.ok(lint(fx.settings ?? {}).length > 0, `${id}/${name} has findings as a media file`);
      assert.equal(lint({ ...fx.settings, scenario: 'sysprep-generalize' }), [], `${id}/${name} in a sysprep file`);
    }
  }
});

test.run();
