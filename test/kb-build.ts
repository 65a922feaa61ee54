// Whole-reference build on a small fixture reference: components, paths, kinds, passes, deprecations, overrides.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildTables, type ReferenceInput } from '../kb/build.js';
import type { ComponentJsonEntry } from '../kb/components.js';
import type { Override } from '../kb/overrides.js';
import { FIXTURES } from './helpers/paths.js';

const DIR = join(FIXTURES, 'kb');
const pages = new Map(readdirSync(join(DIR, 'mini')).map((f) => [f, readFileSync(join(DIR, 'mini', f), 'utf8')]));
const componentJson = JSON.parse(readFileSync(join(DIR, 'Component.json'), 'utf8')) as ComponentJsonEntry[];
const OVERVIEW = ['changed-answer-file-settings-for-windows-10-build-1803.md', 'components-b-unattend.md'];

function build(extra: Partial<ReferenceInput> = {}) {
  return buildTables({ pages, componentJson, overrides: { overrides: [] }, quirks: {}, overviewPages: OVERVIEW, ...extra });
}

const SOURCE = ['https://learn.microsoft.com/windows-hardware/customize/desktop/automate-oobe'];

test('component names come out Microsoft-cased, hyphen-terminated titles repaired', () => {
  const { components } = build();
  assert.ok('Microsoft-Windows-Setup' in components);
  assert.not.ok('microsoft-windows-setup-' in components);
  assert.ok('Microsoft-Windows-International-Core-WinPE' in components);
  assert.equal(components['Microsoft-Windows-Setup']!.pages, ['microsoft-windows-setup']);
});

test('a component without pages is filled from Component.json (DNS-Client)', () => {
  const { components, settings } = build();
  assert.equal(components['Microsoft-Windows-DNS-Client'], { passes: ['specialize'], pages: [] });
  assert.equal(settings['Microsoft-Windows-DNS-Client'], {});
});

test('component passes are the union of Component.json and setting passes', () => {
  const { components } = build();
  assert.equal(components['Microsoft-Windows-Shell-Setup']!.passes, ['offlineServicing', 'specialize', 'oobeSystem']);
  assert.equal(components['Microsoft-Windows-International-Core-WinPE']!.passes, ['windowsPE']);
  assert.equal(components['Microsoft-Windows-International-Core']!.passes, ['specialize', 'oobeSystem']);
});

test('setting passes stay setting-level', () => {
  const s = build().settings['Microsoft-Windows-Shell-Setup']!;
  assert.equal(s['ComputerName']!.passes, ['offlineServicing', 'specialize']);
  assert.equal(s['OOBE/HideEULAPage']!.passes, ['oobeSystem']);
});

test('kinds: containers, lists, list items keyed by Order, leaves', () => {
  const s = build().settings['Microsoft-Windows-Setup']!;
  assert.is(s['RunSynchronous']!.kind, 'list');
  assert.is(s['RunSynchronous/RunSynchronousCommand']!.kind, 'listItem');
  assert.is(s['RunSynchronous/RunSynchronousCommand']!.keyElement, 'Order');
  assert.is(s['RunSynchronous/RunSynchronousCommand/Path']!.kind, 'leaf');
  assert.is(build().settings['Microsoft-Windows-Shell-Setup']!['OOBE']!.kind, 'container');
});

test('escaped names keep their underscore in the path', () => {
  const s = build().settings['Microsoft-Windows-IE-InternetExplorer']!;
  assert.equal(Object.keys(s).filter((k) => k.startsWith('Home')), ['Home_Page']);
});

test('deprecations and removals from the changed-settings and components pages', () => {
  const { components, settings } = build();
  const shell = settings['Microsoft-Windows-Shell-Setup']!;
  assert.equal(shell['OOBE/HideEULAPage']!.deprecated, { since: 'windows-10-1803', source: 'changed-answer-file-settings-for-windows-10-build-1803' });
  assert.is(shell['OOBE/NetworkLocation']!.deprecated!.since, 'windows-10');
  assert.is(shell['ComputerName']!.deprecated, undefined, '"New" rows are not deprecations');
  const ie = settings['Microsoft-Windows-IE-InternetExplorer']!;
  assert.is(ie['SearchScopes/Scope/ShowTopResult']!.removed!.since, 'windows-10-1803');
  assert.is(components['Microsoft-Windows-ehome-reg-inf']!.removed!.since, 'windows-10');
  assert.is(components['Microsoft-Windows-Security-Licensing-SLC']!.removed!.since, 'windows-10');
});

test('the generated tables are the same on every run', () => {
  assert.equal(JSON.stringify(build()), JSON.stringify(build()));
});

test('overrides: add a setting with its source as URL, expect fields, patch a value', () => {
  const overrides: Override[] = [
    {
      op: 'add',
      component: 'Microsoft-Windows-Shell-Setup',
      path: ['OOBE', 'SkipMachineOOBE'],
      set: { passes: ['oobeSystem'], value: { type: 'boolean' }, deprecated: { since: 'windows-8' } },
      reason: 'deprecated setting without a page',
      source: SOURCE,
    },
    { op: 'expect', component: 'Microsoft-Windows-Shell-Setup', path: ['ComputerName'], set: { kind: 'leaf' }, reason: 'guards the page', source: SOURCE },
    { op: 'patch', component: 'Microsoft-Windows-Shell-Setup', path: ['ComputerName'], set: { default: '*' }, reason: 'documented in prose', source: SOURCE },
  ];
  const s = build({ overrides: { overrides } }).settings['Microsoft-Windows-Shell-Setup']!;
  assert.equal(s['OOBE/SkipMachineOOBE'], {
    passes: ['oobeSystem'],
    kind: 'leaf',
    value: { type: 'boolean' },
    deprecated: { since: 'windows-8' },
    url: SOURCE[0],
  });
  assert.is(s['ComputerName']!.default, '*');
});

test('overrides that no longer apply or lack provenance fail the build', () => {
  const base = { component: 'Microsoft-Windows-Shell-Setup', reason: 'a reason long enough', source: SOURCE };
  const cases: [Override, RegExp][] = [
    [{ ...base, op: 'add', path: ['ComputerName'] }, /#0 \(add Microsoft-Windows-Shell-Setup\/ComputerName\): the reference now documents this setting/],
    [{ ...base, op: 'expect', path: ['ComputerName'], set: { passes: ['oobeSystem'] } }, /expected passes = \["oobeSystem"\]/],
    [{ ...base, op: 'patch', path: ['NoSuchThing'] }, /no such setting/],
    [{ ...base, op: 'add', path: ['Nowhere', 'Thing'] }, /parent Nowhere is unknown/],
    [{ ...base, op: 'add', path: ['X'], source: [] }, /needs a source/],
    [{ ...base, op: 'add', path: ['X'], source: ['my memory'] }, /needs a source/],
    [{ ...base, op: 'add', path: ['X'], reason: '' }, /needs a reason/],
  ];
  for (const [override, message] of cases) assert.throws(() => build({ overrides: { overrides: [override] } }), message);
});

test('a quirk for a page that is not in the reference fails the build', () => {
  assert.throws(() => build({ quirks: { 'gone.md': { reason: 'stale' } } }), /known-odd\.ts names gone\.md/);
});

test('a hierarchy naming a component nobody knows fails with the page name', () => {
  const odd = new Map(pages);
  odd.set('x-y.md', '---\ntitle: Y\n---\n# Y\n## Valid Configuration Passes\nspecialize\n## Parent Hierarchy\n[Microsoft-Windows-Nope](x.md) | **Y**\n');
  assert.throws(() => build({ pages: odd }), /x-y\.md: hierarchy names unknown component "Microsoft-Windows-Nope"/);
});

test('two pages for one path fail the build', () => {
  const twice = new Map(pages);
  twice.set('copy.md', pages.get('microsoft-windows-shell-setup-computername.md')!);
  assert.throws(() => build({ pages: twice }), /is also defined by/);
});

test.run();
