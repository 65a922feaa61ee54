// Severities and wording the fixture markers cannot express: the warnings that have their own rule ids (case slips,
// empty components, the documented contradiction, foreign elements, a wrong wcm URI, removals without a target)
// beside the errors they were split from, twins and suggestions named, values quoted and the other place pointed at.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { lintSource } from '../src/engine/run.js';
import { FIXTURES, lintFixture } from './helpers/fixtures.js';
import { kb } from './helpers/sidecar.js';

interface Found {
  ruleId: string | null;
  line: number;
  severity: number;
  message: string;
  related: string[];
}

const rule = (id: string) => builtinRules.find((r) => r.meta.id === id)!;
const shape = (messages: ReturnType<typeof lintFixture>['messages']): Found[] =>
  messages.map(({ ruleId, line, severity, message, related }) => ({ ruleId, line, severity, message, related: (related ?? []).map((r) => r.message) }));

/** A fixture of rule `id`'s directory, linted as the fixture runner does (its sidecar's options, settings and `with`). */
function run(id: string, file: string): Found[] {
  return shape(lintFixture(join(FIXTURES, 'rules', id, file), rule(id)).messages);
}

/** A fixture linted with rule `id` alone and its default options (no sidecar). */
function runDefaults(id: string, dir: string, file: string): Found[] {
  const r = rule(id);
  const path = join(FIXTURES, 'rules', dir, file);
  const severity = r.meta.severity === 'error' ? 2 : 1;
  return shape(lintSource(readFileSync(path), { filePath: path, kb, rules: [{ rule: r, severity, options: { ...(r.meta.defaultOptions ?? {}) } }] }).messages);
}

const severities = (found: Found[]) => found.map((f) => `${f.ruleId}:${f.severity}`);

test('name-case: a case slip is a warning naming the documented spelling, and its children are judged against it', () => {
  const found = run('name-case', 'bad-invented-tcpip-crlf.xml');
  assert.equal(severities(found), ['name-case:1', 'unknown-setting:2', 'unknown-setting:2', 'unknown-setting:2']);
  assert.is(found[0]!.message, '<IPv4Settings> differs only in case from the documented <Ipv4Settings>; write <Ipv4Settings>');
  // The children are unknown under the documented setting, not below an unknown element.
  assert.match(found[1]!.message, 'under <Ipv4Settings>; its documented place is Interfaces/Interface/UnicastIpAddresses/IpAddress');
  assert.match(found[3]!.message, 'it is a setting of component "Microsoft-Windows-DNS-Client"');
  assert.equal(severities(run('unknown-setting', 'bad-invented-tcpip-crlf.xml')), ['unknown-setting:2', 'unknown-setting:2', 'unknown-setting:2']);
});

test('name-case: component names only with the components option', () => {
  const withOption = run('name-case', 'bad-component-case.xml');
  assert.equal(severities(withOption), ['name-case:1', 'name-case:1', 'name-case:1']);
  assert.match(withOption[1]!.message, 'component "Microsoft-Windows-SQMApi" differs only in case from "Microsoft-Windows-SQMAPI"');
  const defaults = runDefaults('name-case', 'name-case', 'bad-component-case.xml');
  assert.equal(defaults.map((f) => f.line), [14]);
  assert.match(defaults[0]!.message, '<Computername> differs only in case from the documented <ComputerName>');
  assert.equal(runDefaults('unknown-component', 'name-case', 'bad-component-case.xml'), []);
});

test('unknown-setting: suggestions name the sibling, the other component and the text-only parent', () => {
  const typo = run('unknown-setting', 'bad-typo-and-text-value.xml').map((f) => f.message);
  assert.match(typo[0]!, 'did you mean <Disk>?');
  assert.match(typo[1]!, '<Hidden> inside <Value>, which takes a text value');
  const moved = run('unknown-setting', 'bad-wrong-component.xml').map((f) => f.message);
  assert.match(moved[0]!, 'it is a setting of component "Microsoft-Windows-PnpCustomizationsWinPE" (DriverPaths)');
  assert.match(moved[1]!, 'it is a setting of component "Microsoft-Windows-Setup" (UserData)');
  assert.match(moved[2]!, 'its documented place is RunSynchronous/RunSynchronousCommand/Order');
});

test('unknown-component: suggestions', () => {
  const typos = run('unknown-component', 'bad-typos-crlf.xml').map((f) => f.message);
  assert.equal(typos, [
    'unknown component "Microsoft-Windows-International-Core-WinP"; did you mean "Microsoft-Windows-International-Core-WinPE"?',
    'unknown component "Shell-Setup"; did you mean "Microsoft-Windows-Shell-Setup"?',
  ]);
  // A -WinPE suffix on a component without a Windows PE twin: the name without it.
  const invented = run('unknown-component', 'bad-invented-components.xml').map((f) => f.message);
  assert.is(invented[3], 'unknown component "Microsoft-Windows-TCPIP-WinPE"; did you mean "Microsoft-Windows-TCPIP"?');
  // A name like no known one: the one component holding all its settings, if there is one.
  assert.is(invented[0], 'unknown component "Microsoft-Windows-Firewall"; its settings (<DomainProfile_EnableFirewall>) are those of "Networking-MPSSVC-Svc": did you mean that component?');
  assert.match(invented[2]!, /^unknown component "Microsoft-Windows-Intl"; it is not in the Unattended Windows Setup Reference/);
});

test('component-pass: names the suggested pass and the Windows PE twins', () => {
  const [storage] = run('component-pass', 'bad-dockur-oobesystem.xml').map((f) => f.message);
  assert.is(storage, 'component "Microsoft-Windows-EnhancedStorage-Adm" has no setting that is applied in pass "oobeSystem"; move it to pass "specialize" (valid: specialize)');
  const twins = run('component-pass', 'bad-winpe-twins-crlf.xml').map((f) => f.message);
  assert.match(twins[0]!, 'in windowsPE use "Microsoft-Windows-International-Core-WinPE"');
  assert.match(twins[1]!, 'in windowsPE use "Microsoft-Windows-PnpCustomizationsWinPE"');
  assert.match(twins[2]!, 'commands in windowsPE go in "Microsoft-Windows-Setup" RunSynchronous');
  assert.match(twins[3]!, 'the product key after windowsPE goes in "Microsoft-Windows-Shell-Setup" ProductKey (specialize)');
});

test('empty-component: a misplaced component that holds no settings is a warning saying to remove it', () => {
  const found = run('empty-component', 'bad-empty-component.xml');
  assert.equal(severities(found), ['empty-component:1', 'empty-component:1']);
  assert.is(found[0]!.message, 'component "Microsoft-Windows-Setup" holds no settings and is not applied in pass "offlineServicing"; remove it (valid: windowsPE)');
  assert.equal(run('component-pass', 'ok-empty-or-unknown-only.xml'), []);
});

test('setting-pass and local-accounts-specialize: the example message, the product-key twin and the UserAccounts contradiction', () => {
  const [name] = run('setting-pass', 'bad-computername-oobesystem.xml').map((f) => f.message);
  assert.is(name, '<ComputerName> is not applied in pass "oobeSystem"; move it to pass "specialize" (valid: offlineServicing, specialize)');
  const [key] = run('setting-pass', 'bad-windowspe-crlf.xml').map((f) => f.message);
  assert.match(key!, 'in windowsPE the product key goes in "Microsoft-Windows-Setup" UserData/ProductKey/Key');
  // The same file: setting-pass's error for AdministratorPassword in auditUser, the warning for LocalAccounts in specialize.
  const misplaced = run('setting-pass', 'bad-useraccounts-specialize.xml');
  assert.equal(misplaced.map((f) => `${f.ruleId}:${f.severity}@${f.line}`), ['setting-pass:2@19']);
  const contradicted = run('local-accounts-specialize', 'bad-useraccounts-specialize.xml');
  assert.equal(contradicted.map((f) => `${f.ruleId}:${f.severity}@${f.line}`), ['local-accounts-specialize:1@6']);
  assert.match(contradicted[0]!.message, "its reference page lists only auditSystem, oobeSystem, while Microsoft's best-practices page shows LocalAccounts in specialize");
  assert.match(contradicted[0]!.message, 'prefer pass "oobeSystem"');
});

test('foreign-element and envelope: what WSIM rejects is a warning, what Setup never applies an error', () => {
  const foreign = run('foreign-element', 'bad-empty-xmlns.xml');
  assert.equal(severities(foreign), ['foreign-element:1', 'foreign-element:1', 'foreign-element:1']);
  assert.match(foreign[0]!.message, '<component> is in no namespace because of xmlns=""');
  assert.match(foreign[2]!.message, '<TimeZone> in component "Microsoft-Windows-Shell-Setup" is in namespace "urn:example:other"');
  assert.equal(severities(run('envelope', 'bad-misplaced.xml')), ['envelope:2', 'envelope:2', 'envelope:2']);
});

test('wcm-namespace and namespace-declaration: a wcm bound to another URI is a warning, an undeclared prefix an error', () => {
  const wrong = run('wcm-namespace', 'bad-wrong-uri.xml');
  assert.equal(severities(wrong), ['wcm-namespace:1', 'wcm-namespace:1', 'wcm-namespace:1']);
  assert.match(wrong[1]!.message, 'xmlns:wcm is bound to "http://schemas.microsoft.com/WMIConfig/2002/State Jump "');
  const undeclared = run('namespace-declaration', 'bad-undeclared.xml');
  assert.ok(undeclared.length > 0 && undeclared.every((f) => f.severity === 2));
});

test('removed-setting and deprecated-setting: removed settings are errors only at or after the target', () => {
  const target = run('removed-setting', 'bad-target-crlf.xml');
  assert.ok(target.length === 3 && target.every((f) => f.severity === 2));
  assert.match(target[0]!.message, 'at or before the target Windows 11, version 23H2 (build 22631)');
  const noTarget = run('deprecated-setting', 'bad-removed-no-target.xml');
  assert.equal(severities(noTarget), ['deprecated-setting:1', 'deprecated-setting:1']);
  assert.match(noTarget[0]!.message, 'set settings.targetVersion to decide');
  assert.match(noTarget[1]!.message, 'Setup skips the component on that release and later');
  // A removed component stays a warning with a target; a removed setting of a current component is the error.
  const withTarget = run('deprecated-setting', 'bad-removed-component-target.xml');
  assert.equal(severities(withTarget), ['deprecated-setting:1', 'removed-setting:2']);
});

test('join-domain-workgroup: quotes both values and points at the JoinDomain that wins', () => {
  const [first] = run('join-domain-workgroup', 'bad-domain-and-workgroup.xml');
  assert.is(
    first!.message,
    '<JoinWorkgroup> "WORKGROUP" is ignored: this Identification also sets <JoinDomain> "corp.contoso.com", and Setup joins the domain; remove one of them, JoinDomain at line 19',
  );
  assert.equal(first!.related, ['JoinDomain, which wins']);
});

test('interface-identifier: lists what TCPIP configures, and points at the first of a repeated Identifier', () => {
  const unmatched = run('interface-identifier', 'bad-unmatched-crlf.xml').map((f) => f.message);
  assert.is(
    unmatched[0],
    'interface "Ethernet0" of "Microsoft-Windows-DNS-Client" matches no Microsoft-Windows-TCPIP interface in this pass (it configures "Ethernet", "00-15-5D-01-02-03"); check the Identifier',
  );
  assert.match(unmatched[1]!, 'interface "Local Area Connection" of "Microsoft-Windows-NetBT"');
  const repeated = run('interface-identifier', 'bad-repeated.xml');
  assert.match(repeated[0]!.message, 'configured again in another "Microsoft-Windows-TCPIP" block of this pass; Setup applies one of them, first defined at line 12');
  assert.equal(repeated[0]!.related, ['first Identifier']);
});

test.run();
