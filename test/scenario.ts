// The scenario model: inferred from the passes present, their content and the file name, or set by settings.scenario.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, tempTree } from './helpers/cli.js';
import { defineRule } from '../src/engine/rule.js';
import { SCENARIO_FACTS, scenarioOf, type Scenario } from '../src/engine/scenario.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { lintSource } from '../src/engine/run.js';
import { EMPTY_MODEL } from '../src/engine/model.js';

const kb = loadKnowledgeBase();
const COMPONENT = (name: string, body: string) =>
  `<component name="${name}" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">${body}</component>`;
const SHELL = COMPONENT('Microsoft-Windows-Shell-Setup', '<TimeZone>UTC</TimeZone>');
const block = (pass: string, body = SHELL) => `<settings pass="${pass}">${body}</settings>`;
const file = (...blocks: string[]) =>
  `<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">${blocks.join('')}</unattend>`;

function scenario(text: string, filePath = 'unattend.xml', setting?: string): Scenario | undefined {
  let found: Scenario | undefined;
  const probe = defineRule({
    meta: { id: 'probe', summary: 'Probe', category: 'style', severity: 'warn', messages: {}, facts: SCENARIO_FACTS },
    create: () => ({ onDocumentEnd: (model) => void (found = scenarioOf(model, filePath, setting)) }),
  });
  lintSource(text, { filePath, kb, rules: [{ rule: probe, severity: 1, options: {} }] });
  return found;
}

const PE = block('windowsPE', COMPONENT('Microsoft-Windows-Setup', '<UserData><AcceptEula>true</AcceptEula></UserData>'));
const RESEAL = (pass: string, mode: string) => block(pass, COMPONENT('Microsoft-Windows-Deployment', `<Reseal><Mode>${mode}</Mode></Reseal>`));

test('auto: each kind of evidence gives its scenario, and says why', () => {
  const cases: [string, string, string, RegExp][] = [
    [file(PE, block('specialize'), block('oobeSystem')), 'Autounattend.xml', 'media', /windowsPE pass/],
    [file(block('offlineServicing', COMPONENT('Microsoft-Windows-LUA-Settings', '<EnableLUA>true</EnableLUA>'))), 'x.xml', 'offline', /only offlineServicing/],
    [file(block('generalize', COMPONENT('Microsoft-Windows-PnpSysprep', '<PersistAllDeviceInstalls>false</PersistAllDeviceInstalls>')), block('specialize')), 'unattend.xml', 'sysprep-generalize', /generalize pass/],
    [file(block('specialize'), block('oobeSystem')), 'unattend.xml', 'sysprep-generalize', /specialize pass and no windowsPE/],
    [file(block('auditSystem'), block('oobeSystem')), 'audit.xml', 'audit', /audit-mode passes/],
    [file(block('oobeSystem')), 'unattend.xml', 'sysprep-oobe', /only an oobeSystem pass/],
    [file(PE, block('specialize')), 'sysprep.xml', 'sysprep-generalize', /specialize pass and its name says sysprep/],
    [file(PE, block('specialize')), 'win10-sysprep-Autounattend.xml', 'media', /windowsPE pass/],
  ];
  for (const [text, name, expected, why] of cases) {
    const s = scenario(text, name)!;
    assert.is(s.name, expected, name);
    assert.match(s.label, why, name);
    assert.match(s.label, new RegExp(`^${expected}, inferred: `));
  }
});

test('auto: a file with no components has no scenario; empty blocks are no evidence', () => {
  assert.is(scenario(file()), undefined);
  assert.is(scenario(file('<settings pass="windowsPE"></settings>', block('oobeSystem')))!.name, 'sysprep-oobe');
});

test('settings.scenario wins over the evidence; "auto" infers', () => {
  const text = file(PE, block('specialize'));
  const s = scenario(text, 'Autounattend.xml', 'offline')!;
  assert.is(s.name, 'offline');
  assert.is(s.basis, 'config');
  assert.is(s.label, 'offline, from settings.scenario');
  assert.is(scenario(text, 'Autounattend.xml', 'auto')!.name, 'media');
});

test('which passes run follows Reseal and Generalize', () => {
  const audit = [block('auditSystem'), block('auditUser', COMPONENT('Microsoft-Windows-Deployment', '<Generalize><Mode>OOBE</Mode></Generalize>'))];
  const plain = scenario(file(PE, block('specialize'), ...audit, block('oobeSystem')))!;
  assert.ok(plain.notRun('auditSystem'), 'a media install without Reseal to audit never runs auditSystem');
  assert.is(plain.notRun('generalize'), undefined, 'the cached file may be generalized later');
  const toAudit = scenario(file(PE, block('specialize'), ...audit, RESEAL('oobeSystem', 'Audit')))!;
  assert.is(toAudit.notRun('auditSystem'), undefined);
  assert.equal(toAudit.runs.map((r) => r.pass), ['windowsPE', 'offlineServicing', 'generalize', 'specialize', 'oobeSystem', 'auditSystem', 'auditUser', 'generalize', 'specialize', 'oobeSystem']);
  const sysprep = scenario(file(block('generalize', COMPONENT('Microsoft-Windows-PnpSysprep', '<PersistAllDeviceInstalls>false</PersistAllDeviceInstalls>')), block('specialize')))!;
  assert.ok(sysprep.notRun('windowsPE'));
  assert.ok(sysprep.notRun('offlineServicing'));
  assert.is(scenario(file(block('specialize'), block('offlineServicing', COMPONENT('Microsoft-Windows-LUA-Settings', '<EnableLUA>true</EnableLUA>'))))!.notRun('offlineServicing'), undefined,
    'a specialize pass alone is weak evidence of sysprep: offlineServicing may be applied with DISM');
  // An offlineServicing pass beside oobeSystem or the audit passes: the reason names it, and it is not said never to run.
  const offline = block('offlineServicing', COMPONENT('Microsoft-Windows-LUA-Settings', '<EnableLUA>true</EnableLUA>'));
  const oobe = scenario(file(offline, block('oobeSystem')))!;
  assert.is(oobe.name, 'sysprep-oobe');
  assert.match(oobe.reason, /an oobeSystem pass and an offlineServicing pass only/);
  assert.is(oobe.notRun('offlineServicing'), undefined);
  assert.ok(oobe.notRun('specialize'));
  const audit2 = scenario(file(offline, block('auditUser')))!;
  assert.is(audit2.name, 'audit');
  assert.match(audit2.reason, /audit-mode passes \(and an offlineServicing pass\)/);
  assert.is(audit2.notRun('offlineServicing'), undefined);
  assert.ok(audit2.notRun('windowsPE'));
  assert.ok(scenario(file(block('auditUser')))!.notRun('offlineServicing'), 'without such a pass nothing changes');
  // sysprep /oobe with Reseal Mode=Audit in oobeSystem: audit mode starts, as after a media install.
  const oobeToAudit = scenario(file(...audit, RESEAL('oobeSystem', 'Audit')), 'unattend.xml', 'sysprep-oobe')!;
  assert.is(oobeToAudit.notRun('auditSystem'), undefined);
  assert.is(oobeToAudit.notRun('auditUser'), undefined);
  assert.equal(oobeToAudit.runs.map((r) => r.pass), ['oobeSystem', 'auditSystem', 'auditUser', 'generalize', 'specialize', 'oobeSystem']);
  assert.match(oobeToAudit.notRun('windowsPE')!, /audit passes its Reseal Mode=Audit starts/);
  const oobeOnly = scenario(file(...audit, block('oobeSystem')), 'unattend.xml', 'sysprep-oobe')!;
  assert.ok(oobeOnly.notRun('auditSystem'));
  assert.equal(oobeOnly.runs.map((r) => r.pass), ['oobeSystem']);
  // A windowsPE pass that a sysprep name outweighs is named in the reason.
  assert.match(scenario(file(PE, block('oobeSystem')), 'sysprep.xml')!.reason, /an oobeSystem pass and a windowsPE pass only and its name says sysprep/);
});

test('settings.scenario is checked when the config loads: an unknown value exits 2 with a clear message', () => {
  const dir = tempTree({ '.unattendlintrc.json': JSON.stringify({ settings: { scenario: 'sysprep' } }), 'unattend.xml': file(block('oobeSystem')) });
  const run = runCli(['unattend.xml'], { cwd: dir });
  assert.is(run.code, 2);
  assert.match(run.stderr, /scenario/);
  assert.match(run.stderr, /media/, 'the message lists the allowed values');
  const ok = tempTree({ '.unattendlintrc.json': JSON.stringify({ extends: 'unattend-lint:recommended', settings: { scenario: 'offline' } }), 'unattend.xml': file(block('oobeSystem')) });
  const configured = runCli(['-f', 'json', 'unattend.xml'], { cwd: ok });
  const messages = JSON.parse(configured.stdout)[0].messages as { ruleId: string; message: string }[];
  assert.ok(messages.some((m) => m.ruleId === 'pass-not-run' && /offline, from settings.scenario/.test(m.message)), 'the configured scenario reaches the rules');
});

test('the answer model outlines the passes, and gives the text of list items that hold text', () => {
  let model: import('../src/engine/model.js').AnswerModel | undefined;
  const probe = defineRule({
    meta: { id: 'probe', summary: 'Probe', category: 'style', severity: 'warn', messages: {}, facts: ['Microsoft-Windows-TCPIP/Interfaces/Interface/UnicastIpAddresses/IpAddress'] },
    create: () => ({ onDocumentEnd: (m) => void (model = m) }),
  });
  const tcpip = COMPONENT('Microsoft-Windows-TCPIP', '<Interfaces><Interface wcm:action="add"><Identifier>Ethernet</Identifier><UnicastIpAddresses><IpAddress wcm:action="add" wcm:keyValue="1">10.0.0.5/24</IpAddress></UnicastIpAddresses></Interface></Interfaces>');
  const text = file('<settings pass="windowsPE"></settings>', block('specialize', SHELL + tcpip), '<servicing></servicing>');
  lintSource(text, { filePath: 'unattend.xml', kb, rules: [{ rule: probe, severity: 1, options: {} }] });
  assert.equal(model!.passes.map((p) => [p.pass, p.components]), [['windowsPE', 0], ['specialize', 2]]);
  assert.is(text.slice(model!.passes[1]!.range.start, model!.passes[1]!.range.end), 'specialize');
  assert.ok(text.slice(model!.passes[1]!.elementRange.start, model!.passes[1]!.elementRange.end).endsWith('</settings>'));
  assert.is(text.slice(model!.servicing!.start, model!.servicing!.end), 'servicing');
  assert.equal(model!.all('Microsoft-Windows-TCPIP/Interfaces/Interface/UnicastIpAddresses/IpAddress').map((f) => [f.text, f.item?.itemKey]), [['10.0.0.5/24', '1']]);
});

test('model.memo works a value out once per file, and the shared empty model keeps nothing', () => {
  const models: import('../src/engine/model.js').AnswerModel[] = [];
  let made = 0;
  const probe = defineRule({
    meta: { id: 'probe', summary: 'Probe', category: 'style', severity: 'warn', messages: {}, facts: SCENARIO_FACTS },
    create: () => ({ onDocumentEnd: (m) => void (models.push(m), m.memo('x', () => ++made), m.memo('x', () => ++made)) }),
  });
  const rules = [{ rule: probe, severity: 1 as const, options: {} }, { rule: probe, severity: 1 as const, options: {} }];
  lintSource(file(block('oobeSystem')), { filePath: 'a.xml', kb, rules });
  assert.is(made, 1, 'two rules, two asks each: made once');
  lintSource(file(block('oobeSystem')), { filePath: 'b.xml', kb, rules });
  assert.is(made, 2, 'another file: made again');
  assert.is(models[0]!.memo('x', () => 0), 1);
  let empty = 0;
  EMPTY_MODEL.memo('x', () => ++empty);
  EMPTY_MODEL.memo('x', () => ++empty);
  assert.is(empty, 2);
});

test.run();
