// The loader over the committed kb/data, and stub knowledge bases built in memory.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createKnowledgeBase, DEFAULT_DATA_DIR, loadKnowledgeBase } from '../src/kb/load.js';
import { ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

const kb = loadKnowledgeBase();
const SHELL = 'Microsoft-Windows-Shell-Setup';

test('the data directory is the repository kb/data', () => {
  assert.is(DEFAULT_DATA_DIR.replace(/[\\/]$/, ''), join(ROOT, 'kb', 'data'));
  assert.is(loadKnowledgeBase(), kb, 'one shared lazy instance per directory');
});

test('Shell-Setup/ComputerName: offlineServicing and specialize, not oobeSystem', () => {
  const r = kb.setting(SHELL, ['ComputerName'])!;
  assert.equal(r.passes, ['offlineServicing', 'specialize']);
  assert.not.ok(r.passes.includes('oobeSystem'));
  assert.ok(kb.component(SHELL)!.passes.includes('oobeSystem'), 'the component itself is valid in oobeSystem');
  assert.equal(r.value, { type: 'string', maxLength: 15 });
  assert.is(r.url, 'https://learn.microsoft.com/windows-hardware/customize/desktop/unattend/microsoft-windows-shell-setup-computername');
});

test('DNS-Client is known, with passes from Component.json', () => {
  const c = kb.component('Microsoft-Windows-DNS-Client')!;
  assert.equal(c.passes, ['specialize']);
  assert.equal(kb.setting('Microsoft-Windows-DNS-Client', ['DNSDomain'])!.passes, ['specialize']);
  assert.is(kb.setting('Microsoft-Windows-DNS-Client', ['DNSDomain'])!.emptyAllowed, false);
});

test('International-Core vs International-Core-WinPE passes', () => {
  assert.equal(kb.component('Microsoft-Windows-International-Core-WinPE')!.passes, ['windowsPE']);
  const core = kb.component('Microsoft-Windows-International-Core')!.passes;
  assert.not.ok(core.includes('windowsPE'));
  assert.ok(core.includes('specialize') && core.includes('oobeSystem'));
});

test('RunSynchronousCommand is a list item keyed by Order in both components; RunSynchronous is a list', () => {
  for (const component of ['Microsoft-Windows-Deployment', 'Microsoft-Windows-Setup']) {
    const item = kb.setting(component, ['RunSynchronous', 'RunSynchronousCommand'])!;
    assert.is(item.kind, 'listItem', component);
    assert.is(item.keyElement, 'Order', component);
    assert.is(kb.setting(component, ['RunSynchronous'])!.kind, 'list', component);
  }
  assert.equal(kb.setting('Microsoft-Windows-Deployment', ['RunSynchronous', 'RunSynchronousCommand', 'Order'])!.value, { type: 'integer', min: 1, max: 500 });
  assert.is(kb.setting('Microsoft-Windows-Deployment', ['RunSynchronous', 'RunSynchronousCommand', 'WillReboot'])!.value!.type, 'enum');
});

test('keyValue-keyed list items and container kinds', () => {
  const ip = kb.setting('Microsoft-Windows-DNS-Client', ['Interfaces', 'Interface', 'DNSServerSearchOrder', 'IpAddress'])!;
  assert.is(ip.kind, 'listItem');
  assert.is(ip.keyedByKeyValue, true);
  assert.is(kb.setting(SHELL, ['OOBE'])!.kind, 'container');
  assert.is(kb.setting(SHELL, ['UserAccounts', 'LocalAccounts', 'LocalAccount'])!.kind, 'listItem');
});

test('proper casing of components and elements; exact-case lookups', () => {
  assert.ok(kb.componentNames().includes('Microsoft-Windows-International-Core-WinPE'));
  assert.ok(kb.componentNames().includes('Microsoft-Windows-Setup'));
  assert.not.ok(kb.componentNames().some((n) => n.endsWith('-') || n !== n.trim() || n.includes(' ')));
  assert.is(kb.component('microsoft-windows-shell-setup'), undefined);
  assert.is(kb.setting(SHELL, ['computername']), undefined);
  assert.is(kb.findComponentCaseInsensitive('microsoft-windows-shell-setup'), SHELL);
  assert.is(kb.findComponentCaseInsensitive('Microsoft-Windows-WLANSVC'), 'Microsoft-Windows-Wlansvc', 'aliases resolve');
  assert.is(kb.findComponentCaseInsensitive('Microsoft-Windows-Shell-Setp'), undefined);
  assert.is(kb.findChildCaseInsensitive(SHELL, ['oobe'], 'hideeulapage'), 'HideEULAPage');
  assert.is(kb.findChildCaseInsensitive(SHELL, [], 'nosuch'), undefined);
  assert.ok(kb.setting('Microsoft-Windows-IE-InternetExplorer', ['Home_Page']));
  assert.ok(kb.setting('Networking-MPSSVC-Svc', ['DomainProfile_EnableFirewall']));
});

test('children lists the known child elements', () => {
  const top = kb.children(SHELL, []);
  assert.ok(top.includes('ComputerName') && top.includes('OOBE') && top.includes('UserAccounts'));
  assert.ok(kb.children(SHELL, ['OOBE']).includes('HideEULAPage'));
  assert.equal(kb.children(SHELL, ['ComputerName']), []);
  assert.equal(kb.children('No-Such-Component', []), []);
});

test('deprecated and removed settings carry the release and a source URL', () => {
  const skip = kb.setting(SHELL, ['OOBE', 'SkipMachineOOBE'])!;
  assert.is(skip.deprecated!.since, 'windows-8');
  assert.ok(skip.deprecated!.replacement!.includes('OOBE/HideEULAPage'));
  assert.ok(kb.setting(SHELL, ['OOBE', 'SkipUserOOBE'])!.deprecated);
  assert.is(kb.setting(SHELL, ['OOBE', 'NetworkLocation'])!.deprecated!.since, 'windows-10');
  assert.is(kb.setting(SHELL, ['OEMInformation', 'Logo'])!.deprecated!.since, 'windows-10-1709');
  const font = kb.setting(SHELL, ['VisualEffects', 'FontSmoothing'])!;
  assert.equal(font.removed, {
    since: 'windows-10-1709',
    source: 'https://learn.microsoft.com/windows-hardware/customize/desktop/unattend/changed-answer-file-settings-for-previous-windows10-builds',
  });
  assert.is(kb.setting('Microsoft-Windows-Wlansvc', ['WLANPlatformLevelDeviceResetSupported'])!.deprecated!.since, 'windows-10-1803');
  assert.is(kb.component('Microsoft-Windows-ehome-reg-inf')!.removed!.since, 'windows-10');
  const ids = kb.releases().map((r) => r.id);
  assert.ok(ids.indexOf('windows-10-1709') > ids.indexOf('windows-10-1607'));
  assert.is(kb.releases().find((r) => r.id === 'windows-10-1709')!.build, 16299);
});

test('settings with broken pages are known (fDenyTSConnections, SupportProvider)', () => {
  assert.equal(kb.setting('Microsoft-Windows-TerminalServices-LocalSessionManager', ['fDenyTSConnections'])!.passes, ['offlineServicing', 'generalize', 'specialize']);
  assert.ok(kb.setting(SHELL, ['OEMInformation', 'SupportProvider']));
  assert.is(kb.setting(SHELL, ['OEMInformation', 'SupportPhone'])!.page, 'microsoft-windows-shell-setup-oeminformation-supportphone');
});

test('reference lists: time zones, locales, keyboards, editions', () => {
  assert.ok(kb.timeZones().has('W. Europe Standard Time'));
  assert.not.ok(kb.timeZones().has('Europe/Berlin'));
  assert.ok(kb.locales().has('en-US') && kb.locales().has('de-DE'));
  assert.ok(kb.keyboards().has('00000409'));
  assert.ok(kb.localeEntries().find((l) => l.id === 'en-US')!.imageLanguage);
  assert.ok(kb.editions().some((e) => e.id === 'pro' && /^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$/.test(e.productKey)));
  assert.ok(kb.timeZoneEntries().some((t) => t.id === 'UTC' || t.displayName.includes('Coordinated Universal Time')));
});

test('records are frozen so a rule cannot change them for the next one', () => {
  const r = kb.setting(SHELL, ['ComputerName'])!;
  assert.ok(Object.isFrozen(r) && Object.isFrozen(r.passes));
  assert.is(kb.setting(SHELL, ['ComputerName']), r);
});

test('allSettings lists every record once, sorted, with its component and path', () => {
  const all = kb.allSettings();
  assert.ok(all.length > 1000);
  const keys = all.map((s) => `${s.component}/${s.path.join('/')}`);
  assert.is(new Set(keys).size, keys.length);
  assert.ok(keys.includes(`${SHELL}/ComputerName`));
  assert.ok(all.every((s) => kb.setting(s.component, s.path) === s));
});

test('createKnowledgeBase builds a stub from in-memory data; missing parts are empty', () => {
  const stub = createKnowledgeBase({
    components: { 'Test-Component': { passes: ['specialize'], pages: [] } },
    settings: { 'Test-Component': { A: { passes: ['specialize'], kind: 'container' }, 'A/B': { passes: ['specialize'], kind: 'leaf', value: { type: 'boolean' } } } },
  });
  assert.equal(stub.componentNames(), ['Test-Component']);
  assert.equal(stub.setting('Test-Component', ['A', 'B'])!.value, { type: 'boolean' });
  assert.equal(stub.children('Test-Component', ['A']), ['B']);
  assert.is(stub.setting('Test-Component', []), undefined);
  assert.is(stub.timeZones().size, 0);
  assert.equal(stub.allSettings().map((s) => s.path.join('/')), ['A', 'A/B']);
  assert.is(stub.setting('Test-Component', ['toString']), undefined, 'no prototype keys');
  assert.is(stub.component('constructor'), undefined);
});

test('a missing data file is a clear error on first use, not at load time', () => {
  const dir = tempDir('kb-load-');
  try {
    writeFileSync(join(dir, 'components.json'), JSON.stringify({ components: { X: { passes: [], pages: [] } } }));
    const partial = loadKnowledgeBase({ dataDir: dir });
    assert.equal(partial.componentNames(), ['X']);
    assert.throws(() => partial.setting('X', ['Y']), /cannot read the knowledge base file .*settings\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the product reads only kb/data: no source file under src/ mentions ../shared', () => {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  for (const file of walk(join(ROOT, 'src', 'kb'))) assert.not.match(readFileSync(file, 'utf8'), /shared['"/]/, file);
});

test.run();
