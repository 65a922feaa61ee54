// Sysprep rules beyond their fixtures: what the placement rules already report is not reported again, the split between
// reseal's checks, targetVersion, and that commands are read only where they run Sysprep.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintSource } from '../src/engine/run.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { builtinRules } from '../rules/index.js';

const kb = loadKnowledgeBase();
const WCM = 'http://schemas.microsoft.com/WMIConfig/2002/State';
const IDENTITY = 'publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"';
// These rules and the placement rules they must not repeat, at their default severities.
const RULES = ['reseal', 'sysprep-in-command', 'pnp-sysprep', 'skip-rearm', 'setting-pass', 'component-pass'].map((id) => {
  const rule = builtinRules.find((r) => r.meta.id === id)!;
  return { rule, severity: rule.meta.severity === 'error' ? (2 as const) : (1 as const), options: { ...rule.meta.defaultOptions } };
});

/** `blocks`: [pass, component, body, architecture?]; the findings of these rules on the file. */
async function run(blocks: [string, string, string, string?][], settings: Record<string, unknown> = {}) {
  const text =
    `<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="${WCM}">` +
    blocks
      .map(([pass, component, body, arch = 'amd64']) => `<settings pass="${pass}"><component name="${component}" processorArchitecture="${arch}" ${IDENTITY}>${body}</component></settings>`)
      .join('') +
    '</unattend>';
  return lintSource(text, { filePath: 'unattend.xml', rules: RULES, kb, settings }).messages;
}
const labels = async (...args: Parameters<typeof run>) => (await run(...args)).map((m) => `${m.ruleId}/${m.messageId}:${m.severity}`);

test('SkipRearm and PnpSysprep outside generalize are setting-pass\'s or component-pass\'s finding only', async () => {
  assert.equal(await labels([['specialize', 'Microsoft-Windows-PnpSysprep', '<DoNotCleanUpNonPresentDevices>true</DoNotCleanUpNonPresentDevices>']]), [
    'setting-pass/wrongPass:2',
  ]);
  assert.equal(await labels([['oobeSystem', 'Microsoft-Windows-PnpSysprep', '<DoNotCleanUpNonPresentDevices>true</DoNotCleanUpNonPresentDevices>']]), [
    'component-pass/wrongPass:2',
  ]);
  assert.equal(await labels([['specialize', 'Microsoft-Windows-Security-SPP', '<SkipRearm>1</SkipRearm>']]), ['component-pass/wrongPass:2']);
  assert.equal(await labels([['generalize', 'Microsoft-Windows-Security-SPP', '<SkipRearm>1</SkipRearm>']]), ['skip-rearm/final:1']);
});

test('pnp-sysprep: PersistAllDeviceInstalls true of another architecture does not count', async () => {
  const blocks: [string, string, string, string?][] = [
    ['generalize', 'Microsoft-Windows-PnpSysprep', '<DoNotCleanUpNonPresentDevices>true</DoNotCleanUpNonPresentDevices>'],
    ['generalize', 'Microsoft-Windows-PnpSysprep', '<PersistAllDeviceInstalls>true</PersistAllDeviceInstalls>', 'x86'],
  ];
  assert.equal(await labels(blocks), ['pnp-sysprep/noPersist:2']);
});

test('reseal: beside Generalize only the ignored Reseal is reported, not the loop it would make; Generalize elsewhere is setting-pass\'s', async () => {
  const loopBeside = '<Reseal><Mode>Audit</Mode><ForceShutdownNow>true</ForceShutdownNow></Reseal><Generalize><Mode>OOBE</Mode></Generalize>';
  assert.equal(await labels([['auditUser', 'Microsoft-Windows-Deployment', loopBeside]]), ['reseal/withGeneralize:2']);
  // Generalize in auditSystem is not applied, so the Reseal there is not ignored: its own loop is what is wrong.
  assert.equal(await labels([['auditSystem', 'Microsoft-Windows-Deployment', loopBeside]]), ['reseal/loop:2', 'setting-pass/wrongPass:2']);
});

test('reseal: the pass is skipped only for a target before Windows 10, and only when it holds another setting', async () => {
  const oobe: [string, string, string][] = [
    ['oobeSystem', 'Microsoft-Windows-Deployment', '<Reseal><Mode>Audit</Mode></Reseal>'],
    ['oobeSystem', 'Microsoft-Windows-Shell-Setup', '<OOBE><HideEULAPage>true</HideEULAPage></OOBE>'],
  ];
  assert.equal(await labels(oobe), []);
  assert.equal(await labels(oobe, { targetVersion: 'windows-11' }), []);
  assert.equal(await labels(oobe, { targetVersion: '10240' }), []);
  const skipped = await run(oobe, { targetVersion: '9600' });
  assert.equal(skipped.map((m) => m.messageId), ['skipsPass']);
  assert.match(skipped[0]!.message, /before Windows 10 skip every other setting of this pass, such as <OOBE> at line 1.*\(target Windows 8\.1 \(build 9600\), from settings\.targetVersion\)/);
  // The target may come from the image name: a Windows 7 image is skipped too, with where the target came from.
  const image: [string, string, string] = ['windowsPE', 'Microsoft-Windows-Setup',
    '<ImageInstall><OSImage><InstallFrom><MetaData wcm:action="add"><Key>/IMAGE/NAME</Key><Value>Windows 7 PROFESSIONAL</Value></MetaData></InstallFrom></OSImage></ImageInstall>'];
  const inferred = await run([image, ...oobe]);
  assert.equal(inferred.filter((m) => m.ruleId === 'reseal').map((m) => m.messageId), ['skipsPass']);
  assert.match(inferred.find((m) => m.ruleId === 'reseal')!.message, /target Windows 7, inferred from \/IMAGE\/NAME "Windows 7 PROFESSIONAL"/);
  assert.equal(await labels([oobe[0]!], { targetVersion: 'windows-7' }), []);
  // Reseal to the mode the pass leads to anyway skips nothing.
  assert.equal(await labels([['oobeSystem', 'Microsoft-Windows-Deployment', '<Reseal><Mode>OOBE</Mode></Reseal>'], oobe[1]!], { targetVersion: 'windows-7' }), []);
});

test('reseal: a skipped setting is told to move only to a pass that applies it', async () => {
  const reseal: [string, string, string] = ['oobeSystem', 'Microsoft-Windows-Deployment', '<Reseal><Mode>Audit</Mode></Reseal>'];
  // OOBE applies in oobeSystem only: moving it would be setting-pass's error.
  const oobeOnly = await run([['oobeSystem', 'Microsoft-Windows-Shell-Setup', '<OOBE><HideEULAPage>true</HideEULAPage></OOBE>'], reseal], { targetVersion: 'windows-7' });
  assert.equal(oobeOnly.map((m) => m.messageId), ['skipsPass']);
  assert.not.match(oobeOnly[0]!.message, /move those settings/);
  assert.match(oobeOnly[0]!.message, /reseal from pass "auditUser" instead/);
  // TimeZone applies in auditSystem too (not in auditUser).
  const timeZone = await run([['oobeSystem', 'Microsoft-Windows-Shell-Setup', '<TimeZone>UTC</TimeZone>'], reseal], { targetVersion: 'windows-7' });
  assert.match(timeZone[0]!.message, /move those settings to "auditSystem", or reseal from pass "auditUser" instead/);
});

test('copy-profile: an account being removed is not one the file creates', async () => {
  const rule = builtinRules.find((r) => r.meta.id === 'copy-profile')!;
  const text = (action: string) =>
    `<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="${WCM}">` +
    `<settings pass="windowsPE"><component name="Microsoft-Windows-Setup" processorArchitecture="amd64" ${IDENTITY}><UserData><AcceptEula>true</AcceptEula></UserData></component></settings>` +
    `<settings pass="specialize"><component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" ${IDENTITY}><CopyProfile>true</CopyProfile></component></settings>` +
    `<settings pass="oobeSystem"><component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" ${IDENTITY}><UserAccounts><LocalAccounts>` +
    `<LocalAccount wcm:action="${action}"><Name>old</Name></LocalAccount></LocalAccounts></UserAccounts></component></settings></unattend>`;
  const lint = (action: string) => lintSource(text(action), { filePath: 'Autounattend.xml', rules: [{ rule, severity: 1, options: {} }], kb }).messages;
  assert.match(lint('add')[0]!.message, /this file also creates local accounts/);
  const removed = lint('remove');
  assert.equal(removed.map((m) => m.messageId), ['installFile']);
  assert.not.match(removed[0]!.message, /creates local accounts/);
});

test('sysprep-in-command: a script hidden in -EncodedCommand (or an abbreviation of it) is read too', async () => {
  const b64 = Buffer.from('C:\\Windows\\System32\\Sysprep\\sysprep.exe /generalize /oobe', 'utf16le').toString('base64');
  for (const option of ['-EncodedCommand', '-enc', '-e', '-ec']) {
    const body = `<FirstLogonCommands><SynchronousCommand wcm:action="add"><Order>1</Order><CommandLine>powershell -NoProfile ${option} ${b64}</CommandLine></SynchronousCommand></FirstLogonCommands>`;
    const found = (await run([['oobeSystem', 'Microsoft-Windows-Shell-Setup', body]])).filter((m) => m.ruleId === 'sysprep-in-command');
    assert.is(found.length, 1, option);
  }
});

test('sysprep-in-command: the message names the switches once, in order, and never quotes the command', async () => {
  const body =
    '<FirstLogonCommands><SynchronousCommand wcm:action="add"><Order>1</Order>' +
    '<CommandLine>cmd /c net user admin S3cret! /add &amp; C:\\Windows\\System32\\Sysprep\\sysprep.exe /Generalize /oobe /generalize /shutdown</CommandLine>' +
    '</SynchronousCommand></FirstLogonCommands>';
  const found = await run([['oobeSystem', 'Microsoft-Windows-Shell-Setup', body]]);
  assert.equal(found.map((m) => m.messageId), ['command']);
  assert.match(found[0]!.message, /runs sysprep \/generalize \/oobe from FirstLogonCommands in pass "oobeSystem"/);
  assert.not.ok(found[0]!.message.includes('S3cret'), 'the command text is not quoted');
});

test.run();
