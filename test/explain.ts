// --explain: the scenario, then pass by pass in Setup's order what is applied and what is skipped and why; no secrets.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli, tempTree } from './helpers/cli.js';
import type { Explanation } from '../src/explain.js';

const FILE = join('fixtures', 'explain', 'Autounattend.xml');
const SECRETS = ['VK7JG-NPHTM-C97JM-9MPGT-3V66T', 'Audit-Secret-7', 'Cmd-Secret-3'];

test('text: the scenario and why, then the passes in the order Setup runs them', () => {
  const run = runCli(['--explain', FILE]);
  assert.is(run.code, 0, run.stderr);
  const out = run.stdout;
  assert.match(out, /^fixtures\/explain\/Autounattend\.xml\nscenario: media, Windows Setup from installation media/);
  assert.match(out, /inferred: the file has a windowsPE pass/);
  const heads = [...out.matchAll(/^(\d+)\. (\w+)/gm)].map((m) => m[2]);
  assert.equal(heads, ['windowsPE', 'offlineServicing', 'specialize', 'oobeSystem', 'auditSystem', 'auditUser', 'generalize'],
    'Reseal Mode=Audit in oobeSystem sends the install to audit mode, so the audit passes follow oobeSystem, and the Generalize there runs generalize');
  assert.match(out, /- ComputerName = "LATE" {2}\(line 53\) {2}\[wrong pass: valid in offlineServicing, specialize, not in oobeSystem\]/);
  assert.match(out, /\+ TimeZone = "UTC" {2}\(line 54\)\n/, 'since Windows 10 Reseal runs after the rest of its pass');
  assert.match(out, /\+ Reseal\/Mode = "Audit" {2}\(line 58\)\n/, 'Reseal itself applies');
  assert.match(out, /- Reseal\/Mode = "OOBE" {2}\(line 47\) {2}\[shadowed: Generalize is set too/);
  assert.match(out, /\? Bogus = "1" {2}\(line 17\) {2}\[unknown:/);
  assert.match(out, /\? Microsoft-Windows-Not-A-Component \(amd64\), line 19 {2}\[unknown: not a component/);
  assert.match(out, /\? Thing = "1"/, 'what an unknown component holds is unknown too');
  assert.match(out, /never: oobeUser, line 62: "oobeUser" is not a configuration pass/);
  assert.match(out, /RunSynchronousCommand\[1\]\/Order = "1"/, 'list items are named by their key');
  for (const s of SECRETS) assert.not.ok(out.includes(s), `no secret in the output: ${s}`);
});

test('before Windows 10 (settings.targetVersion or the image name), Reseal leaving its pass hides the rest of it', () => {
  const dir = tempTree({
    '.unattendlintrc.json': JSON.stringify({ settings: { targetVersion: 'windows-7' } }),
    'Autounattend.xml': readFileSync(FILE, 'utf8'),
  });
  const out = runCli(['--explain', 'Autounattend.xml'], { cwd: dir }).stdout;
  assert.match(out, /- TimeZone = "UTC" {2}\(line 54\) {2}\[shadowed: before Windows 10, Reseal Mode=Audit in oobeSystem is processed first .*Windows 7, from settings.targetVersion/);
  assert.match(out, /\+ Reseal\/Mode = "Audit"/);
});

test('json: the same timeline as data, with secrets masked', () => {
  const run = runCli(['--explain', FILE, '--format', 'json']);
  assert.is(run.code, 0, run.stderr);
  const e = JSON.parse(run.stdout) as Explanation;
  assert.equal(e.scenario, { name: 'media', description: e.scenario!.description, configured: false, reason: 'the file has a windowsPE pass' });
  assert.equal(e.passes.map((p) => [p.pass, p.order, p.status]), [
    ['windowsPE', 1, 'runs'], ['offlineServicing', 2, 'runs'], ['specialize', 3, 'runs'], ['oobeSystem', 4, 'runs'],
    ['auditSystem', 5, 'runs'], ['auditUser', 6, 'runs'], ['generalize', 7, 'runs'], ['oobeUser', undefined, 'unknown'],
  ]);
  const key = e.passes[0]!.components[0]!.settings.find((s) => s.path === 'UserData/ProductKey/Key')!;
  assert.is(key.value, '********');
  assert.is(e.passes[1]!.components.length, 0);
  for (const s of SECRETS) assert.not.ok(run.stdout.includes(s), `no secret in the output: ${s}`);
});

test('a configured scenario: the passes it never runs are listed with the reason, their settings skipped', () => {
  // The fixture's oobeSystem Reseal Mode=Audit would start audit mode (and its Generalize the passes after it): OOBE here.
  const text0 = readFileSync(FILE, 'utf8');
  const dir = tempTree({
    '.unattendlintrc.json': JSON.stringify({ settings: { scenario: 'sysprep-oobe' } }),
    'unattend.xml': text0.replace(/<Mode>Audit<\/Mode>/, '<Mode>OOBE</Mode>'),
    'audit.xml': text0,
  });
  const toAudit = JSON.parse(runCli(['--explain', 'audit.xml', '-f', 'json'], { cwd: dir }).stdout) as Explanation;
  assert.equal(toAudit.passes.filter((p) => p.status === 'runs').map((p) => p.pass), ['oobeSystem', 'auditSystem', 'auditUser', 'generalize', 'specialize']);
  const run = runCli(['--explain', 'unattend.xml', '-f', 'json'], { cwd: dir });
  const e = JSON.parse(run.stdout) as Explanation;
  assert.is(e.scenario!.configured, true);
  assert.equal(e.passes.filter((p) => p.status === 'runs').map((p) => p.pass), ['oobeSystem']);
  const specialize = e.passes.find((p) => p.pass === 'specialize')!;
  assert.is(specialize.status, 'pass-not-run');
  assert.match(specialize.why!, /sysprep \/oobe without \/generalize runs only the oobeSystem pass/);
  assert.is(specialize.components[0]!.settings[0]!.status, 'pass-not-run');
  const text = runCli(['--explain', 'unattend.xml'], { cwd: dir }).stdout;
  assert.match(text, /from settings\.scenario/);
  assert.match(text, /never: specialize, line 14: sysprep \/oobe/);
});

test('a component in a pass it is not applied in skips its settings; Generalize hides Reseal of its own architecture only', () => {
  const c = (name: string, arch: string, body: string) =>
    `<component name="${name}" processorArchitecture="${arch}" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">${body}</component>`;
  const dir = tempTree({
    'unattend.xml':
      '<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">\n' +
      `<settings pass="generalize">${c('Microsoft-Windows-PnpSysprep', 'amd64', '<PersistAllDeviceInstalls>false</PersistAllDeviceInstalls>')}\n` +
      `${c('Microsoft-Windows-TCPIP', 'amd64', '<Interfaces><Interface wcm:action="add"><Identifier>Ethernet</Identifier></Interface></Interfaces>')}</settings>\n` +
      `<settings pass="auditUser">${c('Microsoft-Windows-Deployment', 'x86', '<Reseal><Mode>Audit</Mode></Reseal>')}\n` +
      `${c('Microsoft-Windows-Deployment', 'amd64', '<Reseal><Mode>Audit</Mode></Reseal><Generalize><Mode>OOBE</Mode></Generalize>')}</settings>\n</unattend>\n`,
  });
  const e = JSON.parse(runCli(['--explain', 'unattend.xml', '-f', 'json'], { cwd: dir }).stdout) as Explanation;
  const components = e.passes.flatMap((p) => p.components);
  const tcpip = components.find((x) => x.name === 'Microsoft-Windows-TCPIP')!;
  assert.is(tcpip.status, 'wrong-pass');
  assert.equal(tcpip.settings.map((x) => x.status), ['wrong-pass']);
  const reseal = (arch: string) => components.find((x) => x.architecture === arch && x.name === 'Microsoft-Windows-Deployment')!.settings.find((x) => x.path === 'Reseal/Mode')!;
  assert.is(reseal('x86').status, 'applies');
  assert.is(reseal('amd64').status, 'shadowed');
});

test('a file that is not well-formed exits 1 with where; a missing file and wrong usage exit 2', () => {
  const dir = tempTree({ 'bad.xml': '<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="oobeSystem">' });
  const bad = runCli(['--explain', 'bad.xml'], { cwd: dir });
  assert.is(bad.code, 1);
  assert.match(bad.stdout, /cannot be explained: .*\(line 1, column \d+\)/);
  assert.is(runCli(['--explain', 'missing.xml'], { cwd: dir }).code, 2);
  const sarif = runCli(['--explain', 'bad.xml', '-f', 'sarif'], { cwd: dir });
  assert.is(sarif.code, 2);
  assert.match(sarif.stderr, /--explain prints text or json/);
  assert.is(runCli(['--explain', 'bad.xml', 'other.xml'], { cwd: dir }).code, 2);
});

test('--explain, --list-rules and --print-config write to -o; a FIFO or a device is never opened', () => {
  const dir = tempTree({ 'unattend.xml': readFileSync(FILE, 'utf8') });
  for (const [args, check] of [
    [['--explain', 'unattend.xml', '-f', 'json'], (t: string) => (JSON.parse(t) as Explanation).scenario!.name === 'media'],
    [['--list-rules', '-f', 'json'], (t: string) => Array.isArray(JSON.parse(t))],
    [['--print-config', 'unattend.xml'], (t: string) => 'rules' in (JSON.parse(t) as object)],
  ] as [string[], (t: string) => boolean][]) {
    const r = runCli([...args, '-o', 'out/report.json'], { cwd: dir });
    assert.is(r.code, 0, r.stderr);
    assert.is(r.stdout, '', args[0]);
    assert.ok(check(readFileSync(join(dir, 'out', 'report.json'), 'utf8')), args[0]);
  }
  const fifo = spawnSync('mkfifo', [join(dir, 'pipe.xml')]);
  assert.is(fifo.status, 0, String(fifo.stderr));
  for (const target of ['pipe.xml', '/dev/zero']) {
    const r = runCli(['--explain', target], { cwd: dir });
    assert.is(r.code, 2, target);
    assert.match(r.stderr, /it is not a regular file or a directory/, target);
  }
  assert.match(runCli(['--explain', 'missing.xml'], { cwd: dir }).stderr, /cannot read missing\.xml: there is no such file \(ENOENT\)/);
  const through = runCli(['--explain', 'unattend.xml/x.xml'], { cwd: dir });
  assert.is(through.code, 2);
  assert.match(through.stderr, /a part of its path is not a directory \(ENOTDIR\)/);
});

test.run();
