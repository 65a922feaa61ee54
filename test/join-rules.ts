// Domain-join rules beyond their fixtures: the DN parser and glob matcher, one finding per fault across the join rules and setting-pass, no secret in messages.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { createLinter } from '../src/lint.js';
import { lintSource } from '../src/engine/run.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { builtinRules } from '../rules/index.js';
import { parseDn } from '../rules/_helpers/join-dn.js';
import { domainName, globMatcher, relatedDomains } from '../rules/_helpers/join.js';
import { ROOT } from './helpers/paths.js';

const kb = loadKnowledgeBase();
const IDENTITY = 'processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"';
const file = (passes: Record<string, string>): string =>
  `<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">` +
  Object.entries(passes).map(([pass, body]) => `<settings pass="${pass}"><component name="Microsoft-Windows-UnattendedJoin" ${IDENTITY}>${body}</component></settings>`).join('') +
  `</unattend>`;
const linter = createLinter({ cwd: ROOT, noConfigLookup: true, builtinRules, kb });
const labels = async (text: string) =>
  (await linter.lintBytes(text, join(ROOT, 'unattend.xml'))).messages.map((m) => `${m.ruleId}/${m.messageId}:${m.severity}`);

test('parseDn: RFC 4514 escapes, RFC 1779 separators and quotes, multi-valued RDNs', () => {
  const dn = parseDn('OU=Kiosks\\, Lobby+CN=x ; OU="Build, Test", dc=corp,DC=\\63om');
  assert.ok(dn.ok);
  if (!dn.ok) return;
  assert.equal(dn.avas.map((a) => `${a.type}=${a.value}`), ['OU=Kiosks, Lobby', 'CN=x', 'OU=Build, Test', 'DC=corp', 'DC=com']);
  assert.is(dn.avas[3]!.offset, 'OU=Kiosks\\, Lobby+CN=x ; OU="Build, Test", '.length);
});

test('parseDn: what is no distinguished name says why', () => {
  const reason = (text: string) => {
    const r = parseDn(text);
    return r.ok ? 'ok' : r.reason;
  };
  assert.match(reason('corp.contoso.com/Computers'), /not an attribute=value pair/);
  assert.match(reason('OU=a,,DC=b'), /empty part/);
  assert.match(reason('OU=a,DC=b,'), /empty part/);
  assert.match(reason('O U=a'), /not an attribute type/);
  assert.match(reason('OU=,DC=b'), /has no value/);
  assert.match(reason('OU=a\\'), /lone/);
  assert.match(reason('OU=a\\q'), /no escape/);
  assert.match(reason('OU="a,DC=b'), /not closed/);
  assert.is(reason('1.2.840.113556.1.4.1=x,OID.0.9.2342.19200300.100.1.25=com'), 'ok');
});

test('globMatcher: whole value, case-insensitive, * and ? only, backslash and dots literal', () => {
  const m = globMatcher('CORP\\svc-join?');
  assert.ok(m('corp\\SVC-JOIN1'));
  assert.not.ok(m('corp\\svc-join12'));
  assert.not.ok(m('xcorp\\svc-join1'));
  assert.ok(globMatcher('*OU=Workstations,DC=corp,DC=com')('OU=a,OU=b,OU=Workstations,DC=corp,DC=com'));
  assert.not.ok(globMatcher('corp.contoso.com')('corpxcontoso.com'));
  assert.ok(globMatcher('(a)+[b]')('(A)+[B]'));
});

test('domain names: compared by labels, without root dot, case or a \\dc suffix', () => {
  assert.is(domainName(' Corp.Contoso.COM.\\DC01 '), 'corp.contoso.com');
  assert.ok(relatedDomains('contoso.com', 'corp.contoso.com'));
  assert.ok(relatedDomains('corp.contoso.com', 'corp.contoso.com'));
  assert.not.ok(relatedDomains('toso.com', 'corp.contoso.com'));
  assert.not.ok(relatedDomains('lab.local', 'school.local'));
});

test('OfflineIdentification in specialize is setting-pass\'s error, reported once and by no join rule', async () => {
  const text = file({ specialize: '<OfflineIdentification><Provisioning><AccountData>QUJD</AccountData></Provisioning></OfflineIdentification>' });
  assert.equal((await labels(text)).filter((l) => /^(setting-pass|join-)/.test(l)), ['setting-pass/wrongPass:2']);
});

test('the recommended config: each join fault once, at its documented severity; join-policy off', async () => {
  const text = file({
    specialize:
      '<Identification><Credentials><Domain>CORP</Domain><Password>Pw-Secret-1</Password><Username>CORP\\admin</Username></Credentials>' +
      '<JoinDomain>corp.contoso.com</JoinDomain><MachineObjectOU>OU=PCs,DC=lab,DC=local</MachineObjectOU>' +
      '<MachinePassword>Machine-Secret-2</MachinePassword><UnsecureJoin>true</UnsecureJoin></Identification>',
  });
  const found = (await labels(text)).filter((l) => l.startsWith('join-'));
  // Credentials beside UnsecureJoin true are unused (a warning): how their Username is qualified is not judged.
  assert.equal(found.sort(), ['join-credentials-ignored/unsecure:1', 'join-ou/mismatch:2']);
});

test('no password, machine password or provisioning blob appears in any join message', () => {
  const secrets = ['Pw-Secret-1', 'Machine-Secret-2', 'QkxPQi1TZWNyZXQ'];
  const text = file({
    specialize:
      '<Identification><Credentials><Domain>fabrikam.local</Domain><Password>Pw-Secret-1</Password><Username>svc</Username></Credentials>' +
      '<JoinDomain>corp.contoso.com</JoinDomain><MachinePassword>Machine-Secret-2</MachinePassword>' +
      '<Provisioning><AccountData>QkxPQi1TZWNyZXQ</AccountData></Provisioning></Identification>',
  });
  const rules = builtinRules
    .filter((r) => r.meta.id.startsWith('join-'))
    .map((rule) => ({ rule, severity: 1 as const, options: rule.meta.id === 'join-policy' ? { allowedDomains: ['x'], allowedOUs: ['y'], allowedJoinAccounts: ['z'] } : {} }));
  const messages = lintSource(text, { filePath: 'x.xml', rules, kb }).messages;
  assert.ok(messages.length >= 4, `the join rules report here (${messages.map((m) => m.ruleId).join(', ')})`);
  for (const m of messages) for (const s of secrets) assert.not.ok(m.message.includes(s), `${m.ruleId} quotes no secret`);
});

test('join-policy: an empty list is no policy, and each list is checked on its own', () => {
  const policy = builtinRules.find((r) => r.meta.id === 'join-policy')!;
  const text = file({ specialize: '<Identification><Credentials><Domain>LAB</Domain><Password>x</Password><Username>admin</Username></Credentials><JoinDomain>lab.local</JoinDomain></Identification>' });
  const ids = (options: Record<string, unknown>) => lintSource(text, { filePath: 'x.xml', rules: [{ rule: policy, severity: 1, options }], kb }).messages.map((m) => m.messageId);
  assert.equal(ids({ allowedDomains: [], allowedOUs: [], allowedJoinAccounts: [] }), []);
  assert.equal(ids({ allowedDomains: ['LAB.LOCAL'] }), []);
  assert.equal(ids({ allowedJoinAccounts: ['admin@lab'] }), []);
  assert.equal(ids({ allowedJoinAccounts: ['lab\\adm?n', 'other'] }), []);
  assert.equal(ids({ allowedJoinAccounts: ['CORP\\*'] }), ['account']);
  assert.equal(ids({ allowedOUs: ['*'] }), ['noOu']);
});

test.run();
