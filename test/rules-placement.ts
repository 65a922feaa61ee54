// Severities and wording the fixture markers cannot express: case slips and the documented contradiction
// are warnings, twins and suggestions are named.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { FIXTURES, lintFixture } from './helpers/fixtures.js';

function run(id: string, file: string): { line: number; severity: number; message: string }[] {
  const rule = builtinRules.find((r) => r.meta.id === id)!;
  return lintFixture(join(FIXTURES, 'rules', id, file), rule).messages.map(({ line, severity, message }) => ({ line, severity, message }));
}

test('unknown-setting: a case-only difference is a warning and its children are still checked', () => {
  const found = run('unknown-setting', 'bad-invented-tcpip-crlf.xml');
  assert.equal(found.map((f) => f.severity), [1, 2, 2, 2]);
  assert.match(found[0]!.message, '<IPv4Settings> differs only in case from the documented <Ipv4Settings>');
  assert.match(found[1]!.message, 'its documented place is Interfaces/Interface/UnicastIpAddresses/IpAddress');
  assert.match(found[3]!.message, 'it is a setting of component "Microsoft-Windows-DNS-Client"');
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

test('unknown-component: suggestions, and the optional case warning', () => {
  const typos = run('unknown-component', 'bad-typos-crlf.xml').map((f) => f.message);
  assert.equal(typos, [
    'unknown component "Microsoft-Windows-International-Core-WinP"; did you mean "Microsoft-Windows-International-Core-WinPE"?',
    'unknown component "Shell-Setup"; did you mean "Microsoft-Windows-Shell-Setup"?',
  ]);
  const found = run('unknown-component', 'bad-case-reported.xml');
  assert.equal(found.map((f) => f.severity), [1]);
  assert.match(found[0]!.message, 'differs only in case from "Microsoft-Windows-SQMAPI"');
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

test('component-pass: a misplaced component that holds no settings is a warning', () => {
  const found = run('component-pass', 'bad-empty-component.xml');
  assert.equal(found.map((f) => f.severity), [1, 1]);
  assert.is(found[0]!.message, 'component "Microsoft-Windows-Setup" holds no settings and is not applied in pass "offlineServicing"; remove it (valid: windowsPE)');
});

test('setting-pass: the example message, the product-key twin and the UserAccounts contradiction', () => {
  const [name] = run('setting-pass', 'bad-computername-oobesystem.xml').map((f) => f.message);
  assert.is(name, '<ComputerName> is not applied in pass "oobeSystem"; move it to pass "specialize" (valid: offlineServicing, specialize)');
  const [key] = run('setting-pass', 'bad-windowspe-crlf.xml').map((f) => f.message);
  assert.match(key!, 'in windowsPE the product key goes in "Microsoft-Windows-Setup" UserData/ProductKey/Key');
  const accounts = run('setting-pass', 'bad-useraccounts-specialize.xml');
  assert.equal(accounts.map((f) => f.severity), [1, 2]);
  assert.match(accounts[0]!.message, "Microsoft's best-practices page shows LocalAccounts in specialize");
});

test('namespace-declaration: a wcm bound to another URI is a warning, an undeclared prefix an error', () => {
  assert.equal(run('namespace-declaration', 'bad-wrong-uri.xml').map((f) => f.severity), [1, 1, 1]);
  const undeclared = run('namespace-declaration', 'bad-undeclared.xml');
  assert.ok(undeclared.length > 0 && undeclared.every((f) => f.severity === 2));
});

test.run();
