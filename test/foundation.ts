// The engine foundation: the binder, the dispatch plan, the answer model, no cascades, and the generated key types.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintSource } from '../src/engine/run.js';
import { defineRule, type AnyRule } from '../src/engine/rule.js';
import { createPlan, UnknownFactError } from '../src/engine/plan.js';
import type { AnswerModel } from '../src/engine/model.js';
import type { BoundElement } from '../src/binder/bind.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { buildTree } from '../src/kb/tree.js';
import { parse, MAX_DEPTH } from '../src/parser/sax-adapter.js';
import { builtinRules } from '../rules/index.js';
import { createLinter } from '../src/lint.js';
import { Ajv } from 'ajv';
import { ConfigError } from '../src/config/index.js';
import { keysFile, settingKeysFor } from '../kb/keys.js';
import { ROOT } from './helpers/paths.js';

const kb = loadKnowledgeBase();
const SHELL = 'name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"';
const doc = (pass: string, body: string, component = SHELL): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">\n` +
  `  <settings pass="${pass}">\n    <component ${component}>\n${body}\n    </component>\n  </settings>\n</unattend>\n`;

const lint = (text: string, rules: readonly AnyRule[] = builtinRules, options: Record<string, unknown> = {}) =>
  lintSource(text, {
    filePath: 'unattend.xml',
    rules: rules.map((rule) => ({ rule, severity: rule.meta.severity === 'error' ? 2 : 1, options: { ...(rule.meta.defaultOptions ?? {}), ...options } })),
    kb,
  });
const found = (text: string): string[] => lint(text).messages.map((m) => `${m.ruleId}/${m.messageId}@${m.line}`);

test('a case slip is judged once: the spelling by name-case, the value against the record it resolves to', () => {
  const text = doc('oobeSystem', '      <oobe><ProtectYourPC>7</ProtectYourPC></oobe>\n      <timezone>Pacific Standard Tme</timezone>');
  assert.equal(found(text), ['name-case/setting@5', 'value-type/range@5', 'name-case/setting@6', 'time-zone/unknown@6']);
  assert.match(lint(text).messages[3]!.message, /did you mean "Pacific Standard Time"/);
});

test('the binder: exact, case, unknown and unjudged; list items with their keys; secrets from the knowledge base', () => {
  const seen: string[] = [];
  const probe = defineRule({
    meta: { id: 'probe', summary: 'Probe', category: 'style', severity: 'warn', messages: {} },
    create: () => ({
      onElement(el: BoundElement) {
        const b = el.binding;
        seen.push(`${el.local}:${b.status}${b.setting ? `=${b.setting.name}` : ''}${b.item ? `@${b.item.node.name}` : ''}${b.secret ? ':secret' : ''}`);
      },
      onElementEnd(el: BoundElement) {
        if (el.binding.item?.element === el) seen.push(`key ${el.local}=${el.binding.item.key}`);
      },
    }),
  });
  const text = doc(
    'oobeSystem',
    '      <UserAccounts><AdministratorPassword><Value>pw</Value></AdministratorPassword>\n' +
      '        <LocalAccounts><LocalAccount wcm:action="add"><Name>ops</Name><Nope><Name>x</Name></Nope></LocalAccount></LocalAccounts></UserAccounts>\n' +
      '      <x:Extra xmlns:x="urn:other"/>',
  );
  lint(text, [probe]);
  assert.equal(seen, [
    'unattend:unjudged', 'settings:unjudged', 'component:exact',
    'UserAccounts:exact=UserAccounts', 'AdministratorPassword:exact=AdministratorPassword:secret', 'Value:exact=Value:secret',
    'LocalAccounts:exact=LocalAccounts', 'LocalAccount:exact=LocalAccount@LocalAccount', 'Name:exact=Name@LocalAccount',
    'Nope:unknown', 'Name:unjudged', 'key LocalAccount=ops', 'Extra:unjudged',
  ]);
});

test('the dispatch plan: a rule naming settings hears only their elements, and a misspelt fact is an error with a did-you-mean', () => {
  const heard: string[] = [];
  const only = defineRule({
    meta: { id: 'only', summary: 'Only', category: 'style', severity: 'warn', messages: {}, settings: ['Microsoft-Windows-Shell-Setup/TimeZone'] },
    create: () => ({ onElement: (el) => void heard.push(el.local), onValue: (v) => void heard.push(`=${v.text}`) }),
  });
  lint(doc('oobeSystem', '      <TimeZone>UTC</TimeZone>\n      <RegisteredOwner>me</RegisteredOwner>\n      <TIMEZONE>UTC</TIMEZONE>'), [only]);
  assert.equal(heard, ['TimeZone', '=UTC', 'TIMEZONE', '=UTC']);
  const misspelt = defineRule({
    meta: { id: 'policy', summary: 'Policy', category: 'policy', severity: 'warn', messages: {}, facts: () => ['Microsoft-Windows-Shell-Setup/TimeZon'] },
    create: () => ({}),
  });
  assert.throws(() => createPlan([{ rule: misspelt, severity: 1, options: {} }], kb), (e: unknown) =>
    e instanceof UnknownFactError && /did you mean "Microsoft-Windows-Shell-Setup\/TimeZone"/.test(e.message));
});

test('the dispatch plan asks a rule its own subscription test only of the settings elements are bound to, once per slot', () => {
  const asked: string[] = [];
  const heard: string[] = [];
  const rule = defineRule({
    meta: { id: 'own-test', summary: 'Own test', category: 'style', severity: 'warn', messages: {}, settings: (s) => (asked.push(s.key), s.name === 'TimeZone') },
    create: () => ({ onValue: (v) => void heard.push(v.text) }),
  });
  const rules = [{ rule, severity: 1 as const, options: {} }];
  const plan = createPlan(rules, kb);
  assert.equal(asked, [], 'nothing is asked when the plan is made');
  const text = doc('oobeSystem', '      <TimeZone>UTC</TimeZone>\n      <RegisteredOwner>me</RegisteredOwner>\n      <TimeZone>UTC</TimeZone>');
  lintSource(text, { filePath: 'a.xml', rules, plan, kb });
  lintSource(text, { filePath: 'b.xml', rules, plan, kb });
  assert.equal(heard, ['UTC', 'UTC', 'UTC', 'UTC']);
  assert.equal(asked.sort(), ['Microsoft-Windows-Shell-Setup/RegisteredOwner', 'Microsoft-Windows-Shell-Setup/TimeZone']);
});

test("the knowledge-base tree makes a component's settings when something below it is first asked for, with a whole tree's ids", () => {
  const made = new Set<string>();
  const tree = buildTree({
    componentNames: kb.componentNames(),
    component: (name) => kb.component(name)!,
    settingKeys: (component) => kb.allSettings().filter((r) => r.component === component).map((r) => r.path.join('/')),
    setting: (component, path) => (made.add(component), kb.setting(component, path)!),
    aliases: (component) => kb.component(component)?.aliases ?? [],
  });
  const id = tree.idOf('Microsoft-Windows-Shell-Setup/TimeZone');
  assert.ok(id !== undefined && tree.idOf('Microsoft-Windows-Shell-Setup/TimeZon') === undefined);
  assert.equal([...made], [], 'ids are known before any setting is made');
  assert.is(tree.settingById(id!)!.key, 'Microsoft-Windows-Shell-Setup/TimeZone');
  assert.is(tree.component('Microsoft-Windows-TCPIP')!.child('Interfaces')?.key, 'Microsoft-Windows-TCPIP/Interfaces');
  assert.is(tree.setting('Microsoft-Windows-DNS-Client/DNSDomain')?.name, 'DNSDomain');
  assert.equal([...made], ['Microsoft-Windows-Shell-Setup', 'Microsoft-Windows-TCPIP', 'Microsoft-Windows-DNS-Client']);
  // Made in any order, the ids are those of the tree made whole: component by component, parents before children.
  const whole = kb.tree().settings;
  assert.is(tree.settingCount, whole.length);
  assert.equal(tree.settings.map((s) => `${s.id} ${s.key}`), whole.map((s) => `${s.id} ${s.key}`));
  for (const s of whole) {
    assert.is(tree.idOf(s.key), s.id);
    if (s.parent) assert.ok(s.parent.id < s.id, s.key);
  }
});

test('a policy rule whose options name an unknown setting is a configuration error with a did-you-mean', async () => {
  const policy = defineRule({
    meta: {
      id: 'require-path', summary: 'Require path', category: 'policy', severity: 'error', messages: {},
      schema: { type: 'object', properties: { path: { type: 'string' } }, additionalProperties: false },
      defaultOptions: { path: 'Microsoft-Windows-Shell-Setup/TimeZone' },
      facts: (o: { path: string }) => [o.path],
    },
    create: () => ({}),
  });
  const linter = (rule: string) => createLinter({ cwd: ROOT, builtinRules: [policy], noConfigLookup: true, cliRules: [rule] });
  const text = doc('oobeSystem', '      <TimeZone>UTC</TimeZone>');
  assert.is((await linter('require-path: error').lintBytes(text, join(ROOT, 'a.xml'))).errorCount, 0);
  try {
    await linter('require-path: ["error", {"path": "Microsoft-Windows-Shell-Setup/TimeZon"}]').lintBytes(text, join(ROOT, 'a.xml'));
    assert.unreachable('a misspelt path fails');
  } catch (err) {
    assert.instance(err, ConfigError);
    assert.match((err as Error).message, /"Microsoft-Windows-Shell-Setup\/TimeZon" is not a setting .*did you mean "Microsoft-Windows-Shell-Setup\/TimeZone"/);
  }
});

test('the answer model: only the facts asked for, typed values, list items and their children, as plain data', () => {
  let model: AnswerModel | undefined;
  const reader = defineRule({
    meta: {
      id: 'reader', summary: 'Reader', category: 'style', severity: 'warn', messages: {},
      facts: ['Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand', 'Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand/Order', 'Microsoft-Windows-Shell-Setup/OOBE/HideEULAPage'],
    },
    create: () => ({ onDocumentEnd: (m) => void (model = m) }),
  });
  const cmd = (order: string) => `<SynchronousCommand wcm:action="add"><Order>${order}</Order><CommandLine>cmd</CommandLine></SynchronousCommand>`;
  lint(doc('oobeSystem', `      <OOBE><HideEULAPage>True</HideEULAPage></OOBE>\n      <FirstLogonCommands>${cmd('2')}${cmd('x')}</FirstLogonCommands>`), [reader]);
  const m = model!;
  assert.equal(m.all('Microsoft-Windows-Shell-Setup/OOBE/HideEULAPage').map((f) => f.value), [true]);
  assert.equal(m.all('Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand/CommandLine'), [], 'not asked for, not collected');
  const items = m.all('Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand');
  assert.equal(items.map((i) => i.item?.itemKey), ['2', 'x']);
  assert.equal(items.map((i) => m.child(i, 'Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand/Order')?.value), [2, undefined]);
  assert.is(m.first('Microsoft-Windows-Shell-Setup/OOBE/HideEULAPage', 'specialize'), undefined);
  const plain = (v: unknown): boolean =>
    v === null || typeof v !== 'object' ? typeof v !== 'function' : Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(plain);
  assert.ok(items.every(plain), 'facts are plain data');
  assert.equal(structuredClone(items[0]), items[0]);
});

test('with every built-in rule on, the model keeps no command of a command list: the command rules judge each as it is read', () => {
  let model: AnswerModel | undefined;
  const probe = defineRule({
    meta: { id: 'probe', summary: 'Probe', category: 'style', severity: 'warn', messages: {} },
    create: () => ({ onDocumentEnd: (m) => void (model = m) }),
  });
  const cmd = (i: number) => `<SynchronousCommand wcm:action="add"><Order>${i}</Order><CommandLine>C:\\Windows\\System32\\Sysprep\\sysprep.exe /generalize /oobe</CommandLine></SynchronousCommand>`;
  const r = lint(doc('oobeSystem', `      <FirstLogonCommands>${cmd(1)}${cmd(2)}${cmd(3)}</FirstLogonCommands>`), [...builtinRules, probe]);
  assert.is(model!.all('Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand/CommandLine').length, 0);
  assert.is(r.messages.filter((m) => m.ruleId === 'sysprep-in-command').length, 3, 'each command is still judged');
});

test('no cascades: nothing is reported inside an unknown setting or component but the unknown finding', () => {
  const text = doc(
    'oobeSystem',
    '      <FirstLogonCommandz><SynchronousCommand><Order>1</Order></SynchronousCommand><SynchronousCommand><Order>1</Order></SynchronousCommand></FirstLogonCommandz>\n' +
      '      <Themez><ThemeName>a</ThemeName><ThemeName>b</ThemeName></Themez>',
  );
  assert.equal(found(text), ['unknown-setting/didYouMean@5', 'unknown-setting/didYouMean@6']);
  const component = doc('specialize', '      <Bogus>1</Bogus>', SHELL.replace('Shell-Setup', 'Shell-Setupp'));
  assert.equal(found(component), ['unknown-component/didYouMean@4']);
});

test('no cascades: a component holding only unknown settings gets no component-pass finding', () => {
  const JOIN = SHELL.replace('Shell-Setup', 'UnattendedJoin');
  const oobe = (body: string) => doc('oobeSystem', body, JOIN);
  assert.equal(found(oobe('      <Bogus>1</Bogus>')).filter((f) => f.startsWith('component-pass')), []);
  const known = oobe('      <Identification><JoinWorkgroup>WG</JoinWorkgroup></Identification>');
  assert.equal(found(known).filter((f) => f.startsWith('component-pass')), ['component-pass/wrongPass@4']);
});

test('component-pass suggests a pass where what the component holds applies', () => {
  const deployment = SHELL.replace('Shell-Setup', 'Deployment');
  const r = lint(doc('windowsPE', '      <Reseal><Mode>OOBE</Mode></Reseal>', deployment));
  const finding = r.messages.find((m) => m.ruleId === 'component-pass');
  assert.match(finding!.message, /move it to pass "oobeSystem"/);
});

test('computer-name: one finding per value, naming every problem', () => {
  const r = lint(doc('specialize', '      <ComputerName>12345678901234567890</ComputerName>'));
  const names = r.messages.filter((m) => m.ruleId?.startsWith('computer-name'));
  assert.is(names.length, 1);
  assert.match(names[0]!.message, /has only digits.* and is 20 bytes/);
});

test('parsing stops at the first fatal error: no event after it', () => {
  const deep = `<unattend xmlns="urn:schemas-microsoft-com:unattend">${'<a>'.repeat(MAX_DEPTH + 50)}`;
  let elements = 0;
  const r = parse(deep, { onElement: () => void elements++ });
  assert.match(r.fatal!.message, /nested more than/);
  assert.is(elements, MAX_DEPTH);
});

test('ctx.quote masks a value whose range is secret, in every message', () => {
  const quoting = defineRule({
    meta: { id: 'quoting', summary: 'Quoting', category: 'style', severity: 'warn', messages: { v: (d: { value: string }) => `value ${d.value}` } },
    create: (ctx) => ({ onValue: (v) => (v.text ? ctx.report('v', v.range, { value: ctx.quote(v.text, v.range) }) : undefined) }),
  });
  const r = lint(doc('oobeSystem', '      <UserAccounts><AdministratorPassword><Value>S3cret!x</Value><PlainText>true</PlainText></AdministratorPassword></UserAccounts>'), [quoting]);
  assert.equal(r.messages.map((m) => m.message), ['value "********"', 'value "true"']);
});

test('the config owns every severity: each rule gives its findings the severity it is configured with', () => {
  const files = readdirSync(join(ROOT, 'fixtures', 'rules'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xml') && !f.endsWith('.fixed.xml'));
  assert.ok(files.length > 100);
  for (const severity of [1, 2] as const) {
    const rules = builtinRules.map((rule) => ({ rule, severity, options: { ...(rule.meta.defaultOptions ?? {}) } }));
    for (const f of files) {
      const r = lintSource(readFileSync(join(ROOT, 'fixtures', 'rules', f)), { filePath: f, rules, kb, directiveSeverity: severity });
      for (const m of r.messages) if (!m.fatal) assert.is(m.severity, severity, `${f}: ${m.ruleId} ${m.message}`);
    }
  }
});

test('the default options of every built-in rule satisfy its own options schema (the config loader trusts them)', () => {
  const ajv = new Ajv({ strict: false });
  for (const rule of builtinRules) {
    const defaults = rule.meta.defaultOptions ?? {};
    if (!rule.meta.schema) {
      assert.equal(defaults, {}, `${rule.meta.id} has defaults but no schema`);
      continue;
    }
    const validate = ajv.compile(rule.meta.schema);
    assert.ok(validate(structuredClone(defaults)), `${rule.meta.id}: ${JSON.stringify(validate.errors)}`);
  }
});

test('a rule that quotes values without ctx.quote still prints no secret, with many findings and many secrets', () => {
  const raw = defineRule({
    meta: { id: 'raw', summary: 'Raw', category: 'style', severity: 'warn', messages: { v: (d: { text: string }) => `value is ${d.text}` } },
    create: (ctx) => ({ onValue: (v) => (v.text ? ctx.report('v', v.range, { text: v.text }) : undefined) }),
  });
  // 80 passwords and 160 findings: past the point where the engine builds one matcher for the file.
  const accounts = Array.from({ length: 80 }, (_, i) =>
    `<LocalAccount wcm:action="add"><Password><Value>Secret-${i}-pw</Value></Password><Name>user${i}</Name></LocalAccount>`).join('');
  const r = lint(doc('oobeSystem', `      <UserAccounts><LocalAccounts>${accounts}</LocalAccounts></UserAccounts>`), [raw]);
  assert.is(r.messages.length, 160);
  for (const m of r.messages) assert.not.match(m.message, /Secret-\d+-pw/);
  assert.is(r.messages.filter((m) => m.message === 'value is ********').length, 80);
});

test('src/kb/setting-keys.ts is generated from kb/data (npm run kb:generate)', () => {
  assert.is(readFileSync(keysFile(ROOT), 'utf8'), settingKeysFor(join(ROOT, 'kb', 'data')));
});

test.run();
