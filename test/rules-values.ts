// Value rules beyond the fixtures' findings: which rule id reports what under the recommended config, fixes, secrets, targetVersion, the IANA map.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { lintSource } from '../src/engine/run.js';
import { createLinter } from '../src/lint.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import type { AnyRule } from '../src/engine/rule.js';
import type { Diagnostic } from '../src/types.js';
import { builtinRules } from '../rules/index.js';
import { parseTarget } from '../rules/_helpers/lifecycle.js';
import { writtenOffsets } from '../rules/_helpers/value-text.js';
import { MAPPED_WINDOWS_ZONES, windowsZoneForIana } from '../rules/_helpers/iana-zones.js';
import { ROOT } from './helpers/paths.js';
import { editDistance } from '../src/util/edit-distance.js';
import { closest } from '../rules/_helpers/suggest.js';
import { checkInputItem, checkTag, localeLists } from '../rules/_helpers/locales.js';

const kb = loadKnowledgeBase();
const rule = (id: string): AnyRule => builtinRules.find((r) => r.meta.id === id)!;
const WCM = 'http://schemas.microsoft.com/WMIConfig/2002/State';
const IDENTITY = 'processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"';

/** The rules whose split these tests pin; other rules' findings on the same text are not asserted here. */
const SPLIT = new Set([
  'value-type', 'value-case', 'value-whitespace', 'time-zone', 'product-key', 'image-selection',
  'computer-name', 'computer-name-dns', 'empty-value', 'empty-value-tolerated', 'locale', 'locale-unlisted',
  'list-item-action', 'list-action-missing', 'component-identity', 'xml-encoding', 'legacy-encoding', 'value-fallback',
]);

const wrap = (pass: string, component: string, body: string, identity = IDENTITY): string =>
  `<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="${WCM}"><settings pass="${pass}">` +
  `<component name="${component}" ${identity}>${body}</component></settings></unattend>`;

const applied = (text: string, d: Diagnostic): string => (d.fix ? text.slice(0, d.fix.range[0]) + d.fix.text + text.slice(d.fix.range[1]) : text);

// No config lookup: the recommended preset, so every severity below is the one a user gets by default.
const linter = createLinter({ cwd: ROOT, noConfigLookup: true, builtinRules, kb });

/** The split rules' findings on a file under the default config, with "rule-id:severity" labels in report order. */
async function run(input: string | Uint8Array) {
  const result = await linter.lintBytes(input, join(ROOT, 'unattend.xml'));
  const messages = result.messages.filter((m) => m.ruleId && SPLIT.has(m.ruleId));
  const text = typeof input === 'string' ? input : (result.source ?? '');
  return { messages, labels: messages.map((m) => `${m.ruleId}:${m.severity}`), fixed: (d: Diagnostic) => applied(text, d) };
}

/** Asserts that `input` gets exactly the finding `label` and that its fix leaves `expected` in the file. */
async function fixedBy(input: string, label: string, expected: string): Promise<Diagnostic> {
  const { messages, labels: found, fixed } = await run(input);
  assert.equal(found, [label]);
  assert.ok(fixed(messages[0]!).includes(expected), `the fix of ${label} writes ${expected}`);
  return messages[0]!;
}

const labels = async (pass: string, component: string, body: string, identity?: string) => (await run(wrap(pass, component, body, identity))).labels;

/** One rule alone, for its messages and fixes. */
function lint(id: string, pass: string, component: string, body: string, settings: Record<string, unknown> = {}) {
  const text = wrap(pass, component, body);
  const result = lintSource(text, { filePath: 'x.xml', rules: [enabled(id)], kb, settings });
  return { text, messages: result.messages, fixed: (d: Diagnostic) => applied(text, d) };
}

/** Several rules at their default severities (for settings such as targetVersion), as "rule-id:severity" labels. */
function labelsWith(ids: string[], pass: string, component: string, body: string, settings: Record<string, unknown>): string[] {
  const result = lintSource(wrap(pass, component, body), { filePath: 'x.xml', rules: ids.map(enabled), kb, settings });
  return result.messages.map((m) => `${m.ruleId}:${m.severity}`);
}

function enabled(id: string) {
  const r = rule(id);
  return { rule: r, severity: r.meta.severity === 'error' ? (2 as const) : (1 as const), options: {} };
}

test('editDistance with a limit: exact up to it, limit + 1 beyond it; closest picks the nearest within a third of its length', () => {
  const pairs: [string, string][] = [['kitten', 'sitting'], ['', 'abc'], ['abc', ''], ['pacific standard tme', 'pacific standard time'], ['utc', 'UTC'], ['a', 'a']];
  for (const [a, b] of pairs) {
    const exact = editDistance(a, b);
    for (const limit of [0, 1, 2, 3, 10]) assert.is(editDistance(a, b, limit), exact <= limit ? exact : limit + 1, `${a}/${b}/${limit}`);
  }
  assert.is(editDistance('kitten', 'sitting'), 3);
  assert.is(closest('Pacific Standard Tme', ['Pacific Standard Time', 'Pacific SA Standard Time', 'UTC']), 'Pacific Standard Time');
  assert.is(closest('Pacific SA Standrd Time', ['Pacific Standard Time', 'Pacific SA Standard Time']), 'Pacific SA Standard Time');
  assert.is(closest('Mars Time', ['Pacific Standard Time', 'UTC']), undefined);
});

test('value-case, not value-type, reports a case slip; its fix writes the documented value and drops the whitespace', async () => {
  const slip = await fixedBy(wrap('oobeSystem', 'Microsoft-Windows-Shell-Setup', '<OOBE><HideEULAPage> True\n</HideEULAPage></OOBE>'), 'value-case:1', '<HideEULAPage>true</HideEULAPage>');
  assert.is(slip.messageId, 'wrongCase');
  assert.equal(await labels('windowsPE', 'Microsoft-Windows-Setup', '<UserData><ProductKey><WillShowUI>onerror</WillShowUI></ProductKey></UserData>'), ['value-case:1']);
});

test('value-whitespace reports whitespace around a valid value; its fix removes it, unless the text is not literal', async () => {
  const padded = await fixedBy(wrap('oobeSystem', 'Microsoft-Windows-Shell-Setup', '<OOBE><HideEULAPage>\n  true\n</HideEULAPage></OOBE>'), 'value-whitespace:1', '<HideEULAPage>true</HideEULAPage>');
  assert.match(padded.message, /leading line break and a trailing line break; write "true" without it/);
  const reference = await run(wrap('oobeSystem', 'Microsoft-Windows-Shell-Setup', '<OOBE><HideEULAPage>&#32;true</HideEULAPage></OOBE>'));
  assert.equal(reference.labels, ['value-whitespace:1']);
  assert.is(reference.messages[0]!.fix, undefined);
});

test('value-fallback, not value-type, reports a setting whose page says Windows uses a default for an invalid value; value-type keeps the others', async () => {
  const join = (minutes: string) => labels('specialize', 'Microsoft-Windows-UnattendedJoin', `<Identification><JoinDomain>corp.contoso.com</JoinDomain><TimeoutPeriodInMinutes>${minutes}</TimeoutPeriodInMinutes></Identification>`);
  assert.equal(await join('90'), ['value-fallback:1']);
  assert.equal(await join('4'), ['value-fallback:1']);
  assert.equal(await join('soon'), ['value-fallback:1']);
  assert.equal(await join('60'), []);
  assert.equal(await join(' 60 '), ['value-whitespace:1']);
  assert.equal(await labels('oobeSystem', 'Microsoft-Windows-Shell-Setup', '<OOBE><ProtectYourPC>9</ProtectYourPC></OOBE>'), ['value-type:2']);
});

test('value-type: an undocumented value is an error without a fix, and whitespace around it adds no finding', async () => {
  const { messages, labels: found } = await run(wrap('oobeSystem', 'Microsoft-Windows-Shell-Setup', '<OOBE><ProtectYourPC>0</ProtectYourPC></OOBE>'));
  assert.equal(found, ['value-type:2']);
  assert.is(messages[0]!.fix, undefined);
  assert.match(messages[0]!.message, /out of range .* from 1 to 3/);
  assert.equal(await labels('oobeSystem', 'Microsoft-Windows-Shell-Setup', '<OOBE><HideEULAPage> yes </HideEULAPage></OOBE>'), ['value-type:2']);
});

test('time-zone: a case slip is value-case\'s and whitespace value-whitespace\'s, both fixed to the id; other names stay errors', async () => {
  const zone = (value: string) => wrap('specialize', 'Microsoft-Windows-Shell-Setup', `<TimeZone>${value}</TimeZone>`);
  const tz = (value: string) => run(zone(value));
  await fixedBy(zone('pacific standard time'), 'value-case:1', '<TimeZone>Pacific Standard Time</TimeZone>');
  await fixedBy(zone(' UTC\n'), 'value-whitespace:1', '<TimeZone>UTC</TimeZone>');
  assert.equal((await tz('Europe/Berlin')).labels, ['time-zone:2']);
  assert.equal((await tz('EST')).labels, ['time-zone:2']);
});

test('time-zone: IANA and display names are fixed to the Windows id', () => {
  for (const [value, id] of [['Asia/Kolkata', 'India Standard Time'], ['US/Eastern', 'Eastern Standard Time'], ['Brisbane', 'E. Australia Standard Time']]) {
    const { messages, fixed } = lint('time-zone', 'specialize', 'Microsoft-Windows-Shell-Setup', `<TimeZone>${value}</TimeZone>`);
    assert.is(messages.length, 1, value);
    assert.ok(fixed(messages[0]!).includes(`<TimeZone>${id}</TimeZone>`), value);
  }
});

test('time-zone: "<id>_dstoff" (the TimeZone page\'s zone without daylight saving time) is an id; what the rules propose keeps the suffix', async () => {
  const zone = (value: string) => wrap('specialize', 'Microsoft-Windows-Shell-Setup', `<TimeZone>${value}</TimeZone>`);
  assert.equal((await run(zone('Pacific Standard Time_dstoff'))).labels, []);
  assert.equal((await run(zone(' W. Europe Standard Time_dstoff '))).labels, ['value-whitespace:1']);
  await fixedBy(zone('pacific standard time_DSTOFF'), 'value-case:1', '<TimeZone>Pacific Standard Time_dstoff</TimeZone>');
  await fixedBy(zone('Europe/Berlin_dstoff'), 'time-zone:2', '<TimeZone>W. Europe Standard Time_dstoff</TimeZone>');
  const unknown = lint('time-zone', 'specialize', 'Microsoft-Windows-Shell-Setup', '<TimeZone>Pacifc Standard Time_dstoff</TimeZone>');
  assert.match(unknown.messages[0]!.message, /did you mean "Pacific Standard Time_dstoff"\?/);
  // The suffix alone, or on a name that is no zone, is no id.
  assert.equal((await run(zone('_dstoff'))).labels, ['time-zone:2']);
  assert.equal((await run(zone('Nowhere Time_dstoff'))).labels, ['time-zone:2']);
});

test('product-key: messages describe the problem without repeating the key', () => {
  const key = 'VK7JG-NPHTM-C97JM-9MPGT-3V6';
  const { messages } = lint('product-key', 'specialize', 'Microsoft-Windows-Shell-Setup', `<ProductKey>${key}</ProductKey>`);
  assert.is(messages.length, 1);
  assert.match(messages[0]!.message, /3 characters in group 5/);
  for (const group of key.split('-')) assert.not.ok(messages[0]!.message.includes(group), `message quotes ${group}`);
});

test('product-key: a lowercase key is value-case\'s, whitespace around one value-whitespace\'s; neither quotes nor fixes the key', async () => {
  const key = 'vk7jg-nphtm-c97jm-9mpgt-3v66t';
  const groups = key.toUpperCase().split('-');
  const keyIn = (value: string) => run(wrap('specialize', 'Microsoft-Windows-Shell-Setup', `<ProductKey>${value}</ProductKey>`));
  const lower = await keyIn(key);
  const padded = await keyIn(`\n  ${key.toUpperCase()}\n`);
  assert.equal(lower.labels, ['value-case:1']);
  assert.equal(padded.labels, ['value-whitespace:1']);
  for (const d of [...lower.messages, ...padded.messages]) {
    assert.is(d.fix, undefined, d.message);
    for (const group of groups) assert.not.ok(d.message.toUpperCase().includes(group), `message quotes ${group}`);
  }
  // Neither hides a key that is invalid as well.
  assert.equal((await keyIn(` ${key.slice(0, -1)} `)).labels, ['product-key:2']);
});

test('computer-name: names Windows rejects are errors; a hyphen at an end, "_" and UTF-8-only overflow are computer-name-dns warnings', async () => {
  const name = async (value: string) => labels('specialize', 'Microsoft-Windows-Shell-Setup', `<ComputerName>${value}</ComputerName>`);
  assert.equal(await name('-PC'), ['computer-name-dns:1']);
  assert.equal(await name('LAB-'), ['computer-name-dns:1']);
  assert.equal(await name('WEB_01'), ['computer-name-dns:1']);
  assert.equal(await name('開発用端末一号'), ['computer-name-dns:1']);
  assert.equal(await name('Server 2022'), ['computer-name:2']);
  assert.equal(await name('開発用端末一号機二号三'), ['computer-name:2']);
  // A name Windows rejects gets no DNS warning on top.
  assert.equal(await name('-PC\u{1F600}'), ['computer-name:2']);
  assert.equal(await name('LAB_HOST_TOO_LONG_NAME'), ['computer-name:2']);
  assert.equal(await name('WEB-01'), []);
});

test('computer-name and computer-name-dns: one finding per name, naming every problem', () => {
  const message = (id: string, value: string) => {
    const { messages } = lint(id, 'specialize', 'Microsoft-Windows-Shell-Setup', `<ComputerName>${value}</ComputerName>`);
    assert.is(messages.length, 1, value);
    return messages[0]!.message;
  };
  const several = message('computer-name', 'Lab Server.contoso-01');
  assert.match(several, /contains a space and "\."/);
  assert.match(several, /\(not allowed in computer names\) and is 21 bytes \(Windows accepts at most 15\)/);
  // The suggestion passes both rules: allowed characters only, "_" as "-", no hyphen at an end, within 15 bytes.
  assert.match(several, /\(e\.g\. "LabServercontos"\)/);
  assert.match(message('computer-name', 'WORKSTATION-CONTOSO-01'), /\(e\.g\. "WORKSTATION-CON"\)/);
  assert.match(message('computer-name', 'LAB_HOST_TOO_LONG_NAME'), /\(e\.g\. "LAB-HOST-TOO-LO"\)/);
  assert.match(message('computer-name', '12345678901234567890'), /has only digits \(DnsValidateName rejects that\) and is 20 bytes/);
  assert.not.match(message('computer-name', '12345678901234567890'), /e\.g\./);
  assert.match(message('computer-name-dns', '_BUILD-'), /starts or ends with a hyphen and contains "_"/);
});

test('empty-value: an empty partition Label is empty-value-tolerated\'s warning, an empty partition Type empty-value\'s error', async () => {
  const disk = (partition: string) => labels('windowsPE', 'Microsoft-Windows-Setup', `<DiskConfiguration><Disk wcm:action="add"><DiskID>0</DiskID>${partition}</Disk></DiskConfiguration>`);
  assert.equal(await disk('<ModifyPartitions><ModifyPartition wcm:action="add"><Order>1</Order><Label></Label></ModifyPartition></ModifyPartitions>'), ['empty-value-tolerated:1']);
  assert.equal(await disk('<CreatePartitions><CreatePartition wcm:action="add"><Order>1</Order><Type/></CreatePartition></CreatePartitions>'), ['empty-value:2']);
});

test('empty-value-tolerated: an empty TaskbarLinks slot (as in Microsoft\'s own OEM samples) is a warning; a filled one is fine', async () => {
  const links = (body: string) => labels('oobeSystem', 'Microsoft-Windows-Shell-Setup', `<TaskbarLinks>${body}</TaskbarLinks>`);
  assert.equal(await links('<Link2></Link2>'), ['empty-value-tolerated:1']);
  assert.equal(await links('<Link0>C:\\x.lnk</Link0>'), []);
});

test('locale: malformed values are locale\'s errors, unlisted ones locale-unlisted\'s warnings, whitespace value-whitespace\'s', async () => {
  const core = (body: string) => wrap('oobeSystem', 'Microsoft-Windows-International-Core', body);
  const intl = (body: string) => run(core(body));
  const unlisted = await intl('<UserLocale>en-XY</UserLocale>');
  assert.equal(unlisted.labels, ['locale-unlisted:1']);
  assert.match(unlisted.messages[0]!.message, /did you mean "en-CY"\?/);
  // A bare language means its usual locale, not the nearest tag (en is not ee); UK is GB in ISO 3166.
  for (const [value, meant] of [['en', 'en-US'], ['fr', 'fr-FR'], ['ja', 'ja-JP'], ['en-UK', 'en-GB']]) {
    const m = (await intl(`<UserLocale>${value}</UserLocale>`)).messages;
    assert.match(m[0]!.message, new RegExp(`did you mean "${meant}"\\?`), value);
  }
  await fixedBy(core('<UserLocale>en_US</UserLocale>'), 'locale:2', '<UserLocale>en-US</UserLocale>');
  await fixedBy(core('<SystemLocale>en-US </SystemLocale>'), 'value-whitespace:1', '<SystemLocale>en-US</SystemLocale>');
  assert.equal((await intl('<InputLocale>0411:E0010411;1033:00000409;00000414</InputLocale>')).labels, ['locale-unlisted:1', 'locale:2', 'locale-unlisted:1']);
  assert.equal((await intl('<SystemLocale>de-de</SystemLocale>')).labels, []);
});

test('locale-unlisted: every tag, input profile and keyboard Microsoft\'s language pages list is accepted (test/data/language-pages.json)', async () => {
  const pages = JSON.parse(readFileSync(join(ROOT, 'test', 'data', 'language-pages.json'), 'utf8')) as Record<'tags' | 'noLongerUsed' | 'inputProfiles' | 'keyboards', string[]>;
  const lists = localeLists(kb);
  assert.ok(pages.tags.length > 200 && pages.inputProfiles.length > 200 && pages.keyboards.length > 200);
  const refused = (values: string[], check: (v: string) => boolean) => values.filter((v) => !check(v));
  assert.equal(refused(pages.tags, (t) => checkTag(lists, t).kind === 'ok'), [], 'tags');
  assert.equal(refused(pages.inputProfiles, (p) => checkInputItem(lists, p).kind === 'ok'), [], 'input profiles');
  assert.equal(refused(pages.keyboards, (k) => lists.keyboards.has(k.toLowerCase())), [], 'keyboards');
  // Tags the pages call no longer used keep their warning (sr-Latn-CS → sr-Latn-RS), their input profiles do not.
  assert.equal(pages.noLongerUsed, ['qut-GT', 'sr-Cyrl-CS', 'sr-Latn-CS', 'zh-HK']);
  assert.equal(pages.noLongerUsed.map((t) => checkTag(lists, t).kind), ['unlisted', 'unlisted', 'unlisted', 'unlisted']);
  // Through the linter: Microsoft's spellings are no longer findings, nor answered with another language.
  const core = (body: string) => run(wrap('oobeSystem', 'Microsoft-Windows-International-Core', body));
  assert.equal((await core('<UserLocale>pa-IN</UserLocale>')).labels, []);
  assert.equal((await core('<UILanguage>ha-Latn-NG</UILanguage>')).labels, []);
  assert.equal((await core('<InputLocale>0468:00000468;048c:00050429;2409:00000409;0c00:00000409;105f:0000105f</InputLocale>')).labels, []);
  assert.equal((await core('<InputLocale>0850:00020850;0c00:00050c00;045e:{E429B25A-E5D3-4D1F-9BE3-0C608477E3A1}{8F96574E-C86C-4bd6-9666-3F7327D4CBE8}</InputLocale>')).labels, []);
});

test('image-selection: an undocumented MetaData key is image-selection\'s warning, not a value-type error; case and whitespace are the value rules\'', async () => {
  const key = (value: string) =>
    labels('windowsPE', 'Microsoft-Windows-Setup', `<ImageInstall><OSImage><InstallFrom><MetaData wcm:action="add"><Key>${value}</Key><Value>1</Value></MetaData></InstallFrom></OSImage></ImageInstall>`);
  assert.equal(await key('/IMAGE/EditionID'), ['image-selection:1']);
  assert.equal(await key('/IMAGE/EditionID '), ['image-selection:1']);
  assert.equal(await key('/IMAGE/INDEX'), []);
  assert.equal(await key('/image/index'), ['value-case:1']);
  assert.equal(await key('/IMAGE/NAME '), ['value-whitespace:1']);
});

test('list items: a missing action is list-action-missing\'s, another case value-case\'s (both fixed), an unknown action list-item-action\'s', async () => {
  const account = (attrs: string) =>
    wrap('oobeSystem', 'Microsoft-Windows-Shell-Setup', `<UserAccounts><LocalAccounts><LocalAccount${attrs}><Name>op</Name><Group>Users</Group></LocalAccount></LocalAccounts></UserAccounts>`);
  await fixedBy(account(''), 'list-action-missing:1', '<LocalAccount wcm:action="add">');
  await fixedBy(account(' wcm:action="Add"'), 'value-case:1', '<LocalAccount wcm:action="add">');
  const unknown = await run(account(' wcm:action="insert"'));
  assert.equal(unknown.labels, ['list-item-action:2']);
  assert.is(unknown.messages[0]!.fix, undefined);
});

test('component identity: another case is value-case\'s warning with a fix, a wrong value component-identity\'s error', async () => {
  const shell = (identity: string) => run(wrap('specialize', 'Microsoft-Windows-Shell-Setup', '<ComputerName>*</ComputerName>', identity));
  const cased = await shell('processorArchitecture="AMD64" publicKeyToken="31BF3856AD364E35" language="neutral" versionScope="NonSxS"');
  assert.equal(cased.labels, ['value-case:1', 'value-case:1']);
  assert.ok(cased.fixed(cased.messages[0]!).includes('processorArchitecture="amd64"'));
  assert.ok(cased.fixed(cased.messages[1]!).includes('versionScope="nonSxS"'));
  assert.equal((await shell(IDENTITY.replace('amd64', 'x64'))).labels, ['component-identity:2']);
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

test('encodings: a single-byte declaration is legacy-encoding\'s warning (fixed only for ASCII text); on UTF-16 bytes xml-encoding\'s error', async () => {
  const file = (declared: string, owner: string) =>
    `<?xml version="1.0" encoding="${declared}"?>\n` + wrap('specialize', 'Microsoft-Windows-Shell-Setup', `<RegisteredOwner>${owner}</RegisteredOwner>`);
  const ascii = await run(Buffer.from(file('us-ascii', 'Fabrikam'), 'latin1'));
  assert.equal(ascii.labels, ['legacy-encoding:1']);
  assert.ok(ascii.fixed(ascii.messages[0]!).startsWith('<?xml version="1.0" encoding="utf-8"?>'));
  const latin = await run(Buffer.from(file('windows-1252', 'Zo\u00eb'), 'latin1'));
  assert.equal(latin.labels, ['legacy-encoding:1']);
  assert.is(latin.messages[0]!.fix, undefined);
  const utf16 = await run(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file('windows-1252', 'Fabrikam'), 'utf16le')]));
  assert.equal(utf16.labels, ['xml-encoding:2']);
  assert.equal((await run(Buffer.from(file('UTF-8', 'Zo\u00eb'), 'utf8'))).labels, []);
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

test('removed-setting: an error at or after the target; without one, or for a whole component, deprecated-setting\'s warning', () => {
  const lifecycle = ['removed-setting', 'deprecated-setting'];
  const body = '<Themes><ScreenSaver>x.scr</ScreenSaver></Themes>';
  const screenSaver = (settings: Record<string, unknown>) => labelsWith(lifecycle, 'oobeSystem', 'Microsoft-Windows-Shell-Setup', body, settings);
  assert.equal(screenSaver({ targetVersion: 'windows-11' }), ['removed-setting:2']);
  assert.equal(screenSaver({}), ['deprecated-setting:1']);
  assert.equal(screenSaver({ targetVersion: 'windows-10-1709' }), ['removed-setting:2']);
  assert.equal(screenSaver({ targetVersion: 'windows-10-1703' }), []);
  const ehome = labelsWith(lifecycle, 'specialize', 'Microsoft-Windows-ehome-reg-inf', '<RestartEnabled>true</RestartEnabled>', { targetVersion: 'windows-11' });
  assert.equal(ehome, ['deprecated-setting:1']);
});

test('deprecated-setting: silent for a target older than the deprecation', () => {
  const body = '<OEMInformation><HelpCustomized>true</HelpCustomized></OEMInformation>';
  const count = (settings: Record<string, unknown>) => lint('deprecated-setting', 'oobeSystem', 'Microsoft-Windows-Shell-Setup', body, settings).messages.length;
  assert.is(count({ targetVersion: 'windows-10-1703' }), 0);
  assert.is(count({ targetVersion: 'windows-10-1709' }), 1);
  assert.is(count({}), 1);
});

test('writtenOffsets maps a value\'s parsed text back to the file: references, CDATA, comments, CR LF, astral characters', () => {
  const raw = 'a&amp;b<!-- c --><![CDATA[d&e]]>f\r\ng&#x1F600;h';
  // Parsed: a & b d & e f \n g (two code units) h
  const parsed = 'a&bd&ef\ng\u{1F600}h';
  const at = writtenOffsets(raw);
  assert.equal(Array.from({ length: parsed.length }, (_, i) => at(i)), [0, 1, 6, 26, 27, 28, 32, 34, 35, 36, 36, 45]);
  assert.is(raw[at(parsed.indexOf('h'))], 'h');
  assert.is(at(parsed.length), raw.length);
});

test('value-length: the script hint is for commands only; a time zone is time-zone\'s, however long', () => {
  const long = 'x'.repeat(1025);
  const command = lint('value-length', 'oobeSystem', 'Microsoft-Windows-Shell-Setup',
    `<FirstLogonCommands><SynchronousCommand wcm:action="add"><Order>1</Order><CommandLine>${long}</CommandLine><Description>${'d'.repeat(257)}</Description></SynchronousCommand></FirstLogonCommands>`);
  assert.equal(command.messages.map((m) => m.message), [
    '<CommandLine> is 1025 characters long, over its documented maximum of 1024; shorten it (move the work into a script the command runs)',
    '<Description> is 257 characters long, over its documented maximum of 256; shorten it',
  ]);
  assert.equal(labelsWith(['value-length', 'time-zone'], 'oobeSystem', 'Microsoft-Windows-Shell-Setup', `<TimeZone>${'A'.repeat(257)}</TimeZone>`, {}), ['time-zone:2']);
});

test.run();
