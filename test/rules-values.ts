// Value rules beyond the fixtures' (rule, line) pairs: severities, fixes, secrets, targetVersion, the IANA map.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintSource } from '../src/engine/run.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import type { AnyRule } from '../src/engine/rule.js';
import type { Diagnostic } from '../src/types.js';
import { builtinRules } from '../rules/index.js';
import { parseTarget } from '../rules/_helpers/lifecycle.js';
import { MAPPED_WINDOWS_ZONES, windowsZoneForIana } from '../rules/_helpers/iana-zones.js';

const kb = loadKnowledgeBase();
const rule = (id: string): AnyRule => builtinRules.find((r) => r.meta.id === id)!;

function lint(id: string, pass: string, component: string, body: string, settings: Record<string, unknown> = {}) {
  const text =
    `<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="${pass}">` +
    `<component name="${component}" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">` +
    `${body}</component></settings></unattend>`;
  const r = rule(id);
  const result = lintSource(text, { filePath: 'x.xml', rules: [{ rule: r, severity: r.meta.severity === 'error' ? 2 : 1, options: {} }], kb, settings });
  const fixed = (d: Diagnostic) => (d.fix ? text.slice(0, d.fix.range[0]) + d.fix.text + text.slice(d.fix.range[1]) : text);
  return { text, messages: result.messages, fixed };
}

test('value-type: a case slip is a warning whose fix writes the documented value', () => {
  const { messages, fixed } = lint('value-type', 'oobeSystem', 'Microsoft-Windows-Shell-Setup', '<OOBE><HideEULAPage> True\n</HideEULAPage></OOBE>');
  assert.is(messages.length, 1);
  assert.is(messages[0]!.severity, 1);
  assert.ok(fixed(messages[0]!).includes('<HideEULAPage>true</HideEULAPage>'));
});

test('value-type: an undocumented value is an error without a fix', () => {
  const { messages } = lint('value-type', 'oobeSystem', 'Microsoft-Windows-Shell-Setup', '<OOBE><ProtectYourPC>0</ProtectYourPC></OOBE>');
  assert.is(messages[0]!.severity, 2);
  assert.is(messages[0]!.fix, undefined);
  assert.match(messages[0]!.message, /out of range .* from 1 to 3/);
});

test('product-key: messages describe the problem without repeating the key', () => {
  const key = 'VK7JG-NPHTM-C97JM-9MPGT-3V6';
  const { messages } = lint('product-key', 'specialize', 'Microsoft-Windows-Shell-Setup', `<ProductKey>${key}</ProductKey>`);
  assert.is(messages.length, 1);
  assert.match(messages[0]!.message, /3 characters in group 5/);
  for (const group of key.split('-')) assert.not.ok(messages[0]!.message.includes(group), `message quotes ${group}`);
});

test('computer-name: a hyphen at either end is a warning (DnsValidateName does not check it); forbidden characters stay errors', () => {
  const severity = (name: string) =>
    lint('computer-name', 'specialize', 'Microsoft-Windows-Shell-Setup', `<ComputerName>${name}</ComputerName>`).messages.map((m) => m.severity);
  assert.equal(severity('-PC'), [1]);
  assert.equal(severity('LAB-'), [1]);
  assert.equal(severity('Server 2022'), [2]);
  assert.equal(severity('-PC\u{1F600}'), [2]);
});

test('empty-value: an empty partition Label is tolerated (a warning), an empty partition Type is not', () => {
  const disk = (partition: string) =>
    `<DiskConfiguration><Disk><DiskID>0</DiskID>${partition}</Disk></DiskConfiguration>`;
  const severity = (partition: string) =>
    lint('empty-value', 'windowsPE', 'Microsoft-Windows-Setup', disk(partition)).messages.map((m) => m.severity);
  assert.equal(severity('<ModifyPartitions><ModifyPartition><Order>1</Order><Label></Label></ModifyPartition></ModifyPartitions>'), [1]);
  assert.equal(severity('<CreatePartitions><CreatePartition><Order>1</Order><Type/></CreatePartition></CreatePartitions>'), [2]);
});

test('empty-value: an empty TaskbarLinks slot (as in Microsoft\'s own OEM samples) is a warning', () => {
  const severity = (links: string) =>
    lint('empty-value', 'oobeSystem', 'Microsoft-Windows-Shell-Setup', `<TaskbarLinks>${links}</TaskbarLinks>`).messages.map((m) => m.severity);
  assert.equal(severity('<Link2></Link2>'), [1]);
  assert.equal(severity('<Link0>C:\\x.lnk</Link0>'), []);
});

test('component-identity: a product key pasted into publicKeyToken is not quoted back', () => {
  const key = 'VK7JG-NPHTM-C97JM-9MPGT-3V66T';
  const text =
    `<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="specialize">` +
    `<component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="${key}" language="neutral" versionScope="nonSxS">` +
    `</component></settings></unattend>`;
  const r = rule('component-identity');
  const { messages } = lintSource(text, { filePath: 'x.xml', rules: [{ rule: r, severity: 2, options: {} }], kb, settings: {} });
  assert.is(messages.length, 1);
  assert.is(messages[0]!.message, 'publicKeyToken holds what looks like a product key; expected "31bf3856ad364e35"');
});

test('product-key and unknown-setting: messages say what to do after "; "', () => {
  for (const key of ['ABCDE-FGHIJ-KLMNO-PQRST-UVWXY', 'BBBBB-BBBBB-BBBBB-BBBBB-BBBBB']) {
    const { messages } = lint('product-key', 'specialize', 'Microsoft-Windows-Shell-Setup', `<ProductKey>${key}</ProductKey>`);
    assert.is(messages.length, 1, key);
    assert.ok(messages[0]!.message.includes('; '), messages[0]!.message);
  }
  const { messages } = lint('unknown-setting', 'oobeSystem', 'Microsoft-Windows-Shell-Setup', '<UserAccounts><AdministratorPassword><Value><Hidden/></Value></AdministratorPassword></UserAccounts>');
  assert.match(messages[0]!.message, /takes a text value, not elements; /);
});

test('time-zone: IANA and display names are fixed to the Windows id', () => {
  for (const [value, id] of [['Asia/Kolkata', 'India Standard Time'], ['US/Eastern', 'Eastern Standard Time'], ['Brisbane', 'E. Australia Standard Time']]) {
    const { messages, fixed } = lint('time-zone', 'specialize', 'Microsoft-Windows-Shell-Setup', `<TimeZone>${value}</TimeZone>`);
    assert.is(messages.length, 1, value);
    assert.ok(fixed(messages[0]!).includes(`<TimeZone>${id}</TimeZone>`), value);
  }
});

test('the IANA map leads only to time zone ids the knowledge base knows', () => {
  const ids = kb.timeZones();
  assert.equal(MAPPED_WINDOWS_ZONES.filter((id) => !ids.has(id)), []);
  assert.is(windowsZoneForIana('europe/amsterdam'), 'W. Europe Standard Time');
  assert.is(windowsZoneForIana('Mars/Olympus_Mons'), undefined);
});

test('targetVersion: families mean their latest release; ids, builds and dotted versions name one', () => {
  assert.is(parseTarget(kb, undefined), undefined);
  assert.is(parseTarget(kb, 'windows-10')!.build, 19045);
  assert.is(parseTarget(kb, 'windows-11')!.build, 26100);
  assert.is(parseTarget(kb, 'windows-10-1507')!.build, 10240);
  assert.is(parseTarget(kb, 'Windows-11-23H2')!.build, 22631);
  assert.is(parseTarget(kb, 22631)!.label, 'Windows 11, version 23H2 (build 22631)');
  assert.is(parseTarget(kb, '10.0.19044')!.build, 19044);
  assert.throws(() => parseTarget(kb, 'windows-12'), /not a Windows release; use "windows-10"/);
});

test('removed-setting: an error at or after the target, a warning without one or for a whole component', () => {
  const body = '<Themes><ScreenSaver>x.scr</ScreenSaver></Themes>';
  const severity = (settings: Record<string, unknown>) =>
    lint('removed-setting', 'oobeSystem', 'Microsoft-Windows-Shell-Setup', body, settings).messages.map((m) => m.severity);
  assert.equal(severity({ targetVersion: 'windows-11' }), [2]);
  assert.equal(severity({}), [1]);
  assert.equal(severity({ targetVersion: 'windows-10-1703' }), []);
  const ehome = lint('removed-setting', 'specialize', 'Microsoft-Windows-ehome-reg-inf', '<RestartEnabled>true</RestartEnabled>', { targetVersion: 'windows-11' });
  assert.equal(ehome.messages.map((m) => m.severity), [1]);
});

test('deprecated-setting: silent for a target older than the deprecation', () => {
  const body = '<OEMInformation><HelpCustomized>true</HelpCustomized></OEMInformation>';
  const count = (settings: Record<string, unknown>) => lint('deprecated-setting', 'oobeSystem', 'Microsoft-Windows-Shell-Setup', body, settings).messages.length;
  assert.is(count({ targetVersion: 'windows-10-1703' }), 0);
  assert.is(count({ targetVersion: 'windows-10-1709' }), 1);
  assert.is(count({}), 1);
});

test.run();
