// Page-level parsing of the reference: sections, hierarchy, passes, names, values, notes, examples.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { componentKey, isProperComponentName } from '../kb/components.js';
import { normaliseHeading, plainText, splitPage, tableRows, unescapeMarkdown } from '../kb/markdown.js';
import { parseHierarchy, parsePage, parsePasses } from '../kb/parse-page.js';
import { parseValues } from '../kb/parse-values.js';
import { releaseId } from '../kb/releases.js';
import { exampleElements } from '../kb/xml-example.js';
import { FIXTURES } from './helpers/paths.js';

const MINI = join(FIXTURES, 'kb', 'mini');
const BROKEN = join(FIXTURES, 'kb', 'broken');
const page = (file: string) => parsePage(file, readFileSync(join(MINI, file), 'utf8'));

test('hyphen-terminated and spaced component names normalise to one key', () => {
  assert.is(componentKey('microsoft-windows-setup-'), componentKey('Microsoft-Windows-Setup'));
  assert.is(componentKey('microsoft-windows-international-core-winpe--'), 'microsoft-windows-international-core-winpe');
  assert.is(componentKey('Microsoft-Windows-WDF-Kernel Library'), componentKey('Microsoft-Windows-WDF-KernelLibrary'));
  assert.is.not(componentKey('Microsoft-Windows-International-Core'), componentKey('Microsoft-Windows-International-Core-WinPE'));
});

test('only Microsoft-cased spellings count as proper component names', () => {
  assert.ok(isProperComponentName('Microsoft-Windows-Shell-Setup'));
  assert.ok(isProperComponentName('Microsoft-Windows-powercpl'));
  assert.not.ok(isProperComponentName('microsoft-windows-setup-'));
  assert.not.ok(isProperComponentName('microsoft-windows-netbt'));
  assert.not.ok(isProperComponentName('Microsoft-Windows-WDF-Kernel Library'));
});

test('escaped underscores are unescaped (Home\\_Page)', () => {
  assert.is(unescapeMarkdown('Home\\_Page'), 'Home_Page');
  assert.is(unescapeMarkdown('DomainProfile\\_EnableFirewall'), 'DomainProfile_EnableFirewall');
  const p = page('microsoft-windows-ie-internetexplorer-home-page.md');
  assert.is(p.title, 'Home_Page');
  assert.is(p.name, 'Home_Page');
});

test('section headings are matched whatever their case, wording or order', () => {
  assert.is(normaliseHeading('Valid Configuration Passes'), 'valid configuration passes');
  assert.is(normaliseHeading('valid passes'), 'valid configuration passes');
  assert.is(normaliseHeading('XML Examples'), 'xml example');
  assert.is(normaliseHeading('<a href="" id="xmlexample"></a>XML Example'), 'xml example');
  assert.is(normaliseHeading('Child element'), 'child elements');
  const p = page('microsoft-windows-ie-internetexplorer-home-page.md');
  assert.equal(p.passes, ['specialize']);
  assert.equal(p.values.value, { type: 'string', maxLength: 2048 });
  assert.equal(p.hierarchy.map((s) => s.text), ['Microsoft-Windows-IE-InternetExplorer', 'Home_Page']);
});

test('a component page has no hierarchy and keeps its title as name', () => {
  const p = page('microsoft-windows-setup.md');
  assert.is(p.type, 'component');
  assert.is(p.name, 'microsoft-windows-setup-');
  assert.is(p.passes, undefined);
});

test('hierarchy variants: missing space, doubled bar, backticks, missing bar between links', () => {
  const oobe = page('microsoft-windows-shell-setup-oobe-hideeulapage.md');
  assert.equal(oobe.hierarchy.map((s) => s.text), ['Microsoft-Windows-Shell-Setup', 'OOBE', 'HideEULAPage']);
  assert.is(oobe.hierarchy[1]!.target, 'microsoft-windows-shell-setup-oobe.md');
  const doubled = page('microsoft-windows-shell-setup-oobe-networklocation.md');
  assert.equal(doubled.hierarchy.map((s) => s.text), ['Microsoft-Windows-Shell-Setup', 'OOBE', 'NetworkLocation']);
  assert.is(page('microsoft-windows-setup-runsynchronous-runsynchronouscommand-path.md').name, 'Path');
  const joined = parseHierarchy('x.md', ['[A-B](a-b.md) | [StartTiles](s.md)[RegionalOverrides](r.md) | **X**']);
  assert.equal(joined.map((s) => s.text), ['A-B', 'StartTiles', 'RegionalOverrides', 'X']);
});

test('pass sections: bullets, odd case and trailing notes are read; stray words throw', () => {
  assert.equal(parsePasses('x.md', ['* auditSystem', '* oobeSystem', '* specialize']), ['specialize', 'auditSystem', 'oobeSystem']);
  assert.equal(parsePasses('x.md', ['offlineServicing', '', 'Specialize', 'oobeSystem']), ['offlineServicing', 'specialize', 'oobeSystem']);
  assert.equal(parsePasses('x.md', ['generalize', '**Note**', 'It controls the next specialize pass.']), ['generalize']);
  assert.is(parsePasses('x.md', undefined), undefined);
  assert.throws(() => parsePasses('x.md', ['specialise']), /x\.md: .*"specialise" is not a pass name/);
  assert.throws(() => parsePasses('x.md', []), /lists no pass/);
});

test('values: booleans with default, enumerations, integer ranges, string lengths, empty elements', () => {
  assert.equal(page('microsoft-windows-shell-setup-oobe-hideeulapage.md').values, { value: { type: 'boolean' }, default: 'false' });
  assert.equal(page('microsoft-windows-shell-setup-oobe-networklocation.md').values, {
    value: { type: 'enum', values: ['Home', 'Work', 'Other'] },
    default: 'Other',
  });
  assert.equal(page('microsoft-windows-setup-runsynchronous-runsynchronouscommand-order.md').values.value, { type: 'integer', min: 1, max: 500 });
  assert.equal(page('microsoft-windows-setup-runsynchronous-runsynchronouscommand-path.md').values, {
    emptyAllowed: false,
    value: { type: 'string', maxLength: 259 },
  });
  assert.equal(page('microsoft-windows-shell-setup-computername.md').values.value, { type: 'string', maxLength: 15 });
  const flags = parseValues('x.md', ['You can combine these values.', '| Value | Description |', '|:--|:--|', '| 1 | A |', '| 2 | B |', '| 4 | C |'], undefined);
  assert.equal(flags.value, { type: 'integer', min: 0 });
  const between = parseValues('x.md', ['*ms* is an integer between 100 (0.1 seconds) and 36000000 (1 hour). The default value is 2000.'], undefined);
  assert.equal(between, { value: { type: 'integer', min: 100, max: 36000000 }, default: '2000' });
  assert.equal(parseValues('x.md', ['Blocks a key.'], ['String']).value, { type: 'string' });
  // Route/Prefix: a string page whose bullets say the prefix may be given "As an integer" (a bit count).
  const prefix = parseValues('x.md', ['*Prefix* is a string with a maximum length of 49 characters.', '- **As an integer.**'], undefined);
  assert.equal(prefix.value, { type: 'string', maxLength: 49 });
  assert.equal(parseValues('x.md', ['This string type supports empty elements.'], undefined).emptyAllowed, true);
});

test('a values section that lists child pages is not read as an enumeration', () => {
  const info = parseValues('x.md', ['| Setting | Description |', '|:--|:--|', '| [ItemKey](a.md) | key |', '| [ItemName](b.md) | name |'], undefined);
  assert.equal(info, {});
});

test('deprecation notes carry the release', () => {
  const p = page('microsoft-windows-shell-setup-oobe-networklocation.md');
  assert.equal(p.deprecated, { source: 'microsoft-windows-shell-setup-oobe-networklocation', since: 'windows-10' });
  assert.is(releaseId('x.md', 'Windows 10, version 1803'), 'windows-10-1803');
  assert.is(releaseId('x.md', 'Windows 8.1'), 'windows-8.1');
  assert.throws(() => releaseId('x.md', 'Windows 95'), /x\.md: unknown Windows release "Windows 95"/);
});

test('XML examples: ancestry, wcm:action / wcm:keyValue, repeated siblings, broken closing tags', () => {
  const els = exampleElements(
    '<settings pass="specialize"><component name="Microsoft-Windows-DNS-Client"><Interfaces><Interface wcm:action="add">' +
      '<DNSServerSearchOrder><IpAddress wcm:action="add" wcm:keyValue="1">1.1.1.1</IpAddress></DNSServerSearchOrder>' +
      '</Interface></Interfaces><A/><A/></component></settings>',
  );
  const ip = els.find((e) => e.name === 'IpAddress')!;
  assert.equal(ip.ancestors, ['Interfaces', 'Interface', 'DNSServerSearchOrder']);
  assert.ok(ip.action && ip.keyValue);
  assert.is(ip.component, 'Microsoft-Windows-DNS-Client');
  assert.equal(els.filter((e) => e.name === 'A').map((e) => e.repeated), [false, true]);
  const broken = exampleElements('<DomainAccounts><DomainAccountList wcm:action="add"><DomainAccount wcm:action="add"><Name>x</Name></DomainAccount wcm:action="add"></DomainAccountList><Next/></DomainAccounts>');
  assert.equal(broken.find((e) => e.name === 'Next')!.ancestors, ['DomainAccounts']);
});

test('tables: HTML rows without header cells and pipe tables without their header', () => {
  const rows = tableRows(['<table><tr><th>V</th></tr><tr><td><p><strong>true</strong></p></td><td>x</td></tr></table>', '| A | B |', '|---|---|', '| 1 | 2 |']);
  assert.equal(rows.map((r) => r.map(plainText)), [['true', 'x'], ['1', '2']]);
  assert.is(plainText('<p><em>Domain_name</em> is a <a href="x.md">string</a> &amp; more</p>'), 'Domain_name is a string & more');
});

test('split page: front-matter title, H1, intro and sections; headings in code blocks are ignored', () => {
  const text = splitPage('x.md', '---\ntitle: A\\_B\n---\n# A\\_B\nIntro\n## Values\n```\n## not a heading\n```\n## XML Example\n```\n<A_B/>\n```\n');
  assert.is(text.title, 'A_B');
  assert.is(text.h1, 'A_B');
  assert.equal(text.intro, ['Intro']);
  assert.ok(text.sections.get('values')!.includes('## not a heading'));
});

for (const [file, message] of [
  ['broken-hierarchy-link.md', /broken-hierarchy-link\.md: cannot read parent hierarchy segment/],
  ['bad-pass-name.md', /bad-pass-name\.md: .*"specialise" is not a pass name/],
  ['ambiguous-name.md', /ambiguous-name\.md: element name is ambiguous/],
  ['unreadable-values.md', /unreadable-values\.md: values table has literals this generator does not read: "0 or 1", "2"/],
  ['duplicate-section.md', /duplicate-section\.md: section "valid configuration passes" appears twice/],
  ['unknown-release.md', /unknown-release\.md: unknown Windows release/],
  ['two-line-hierarchy.md', /two-line-hierarchy\.md: parent hierarchy has 2 lines/],
] as const) {
  test(`a page the parser does not understand throws with its name: ${file}`, () => {
    assert.throws(() => parsePage(file, readFileSync(join(BROKEN, file), 'utf8')), message);
  });
}

test('every broken fixture is covered by a test above', () => {
  assert.equal(readdirSync(BROKEN).sort(), [
    'ambiguous-name.md',
    'bad-pass-name.md',
    'broken-hierarchy-link.md',
    'duplicate-section.md',
    'two-line-hierarchy.md',
    'unknown-release.md',
    'unreadable-values.md',
  ]);
});

test('a quirk repairs a broken hierarchy explicitly', () => {
  const p = parsePage('broken-hierarchy-link.md', readFileSync(join(BROKEN, 'broken-hierarchy-link.md'), 'utf8'), {
    reason: 'test',
    hierarchy: ['Microsoft-Windows-TerminalServices-LocalSessionManager', 'fDenyTSConnections'],
  });
  assert.is(p.name, 'fDenyTSConnections');
  assert.equal(p.passes, ['specialize']);
});

test.run();
