// Accounts, passwords and policy: no output ever shows a password (every reporter, --explain), the password helpers,
// and the policy rules' configuration errors.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree, hasStack } from './helpers/cli.js';
import { FIXTURES, ROOT } from './helpers/paths.js';
import { decodeHidden } from '../rules/_helpers/passwords.js';

const hidden = (password: string, suffix: string): string => Buffer.from(password + suffix, 'utf16le').toString('base64');

// Every password is distinctive, so that any piece of one in the output is found.
const PLAIN = ['Zq7-Plain-Admin-91', 'Zq7-Plain-User-52', 'Zq7-Domain-Join-33', 'Zq7-Auto-Plain-74'];
const HIDDEN = [
  { password: 'Zq7-Hidden-User-18', suffix: 'Password' },
  { password: 'Zq7-Hidden-Auto-27', suffix: 'Password' },
  { password: 'Zq7-Hidden-Admin-66', suffix: 'AdministratorPassword' },
];
const UTF8 = 'Zq7-Utf8-Wrong-45';
const utf8 = Buffer.from(`${UTF8}Password`, 'utf8').toString('base64');
const FORBIDDEN = [
  ...PLAIN,
  ...HIDDEN.flatMap((h) => [h.password, h.password + h.suffix, hidden(h.password, h.suffix)]),
  UTF8, utf8,
];

const shell = (arch: string, body: string): string =>
  `    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="${arch}" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">\n${body}    </component>\n`;
const password = (tag: string, value: string, plain?: boolean): string =>
  `<${tag}><Value>${value}</Value>${plain === undefined ? '' : `<PlainText>${plain}</PlainText>`}</${tag}>`;

/** An answer file with a finding of each account rule, full of passwords in clear text and hidden. */
const FILE = `<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
  <settings pass="specialize">
    <component name="Microsoft-Windows-UnattendedJoin" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <Identification>
        <Credentials><Domain>CORP</Domain><Password>${PLAIN[2]}</Password><Username>Administrator</Username></Credentials>
        <JoinDomain>corp.contoso.com</JoinDomain>
      </Identification>
    </component>
  </settings>
  <settings pass="oobeSystem">
${shell('amd64', `      <UserAccounts>
        ${password('AdministratorPassword', PLAIN[0]!, true)}
        <LocalAccounts>
          <LocalAccount wcm:action="add">${password('Password', PLAIN[1]!)}<Name>Zq7-Operator</Name><Group>Administrators</Group></LocalAccount>
          <LocalAccount wcm:action="add">${password('Password', '')}<Name>kiosk</Name></LocalAccount>
          <LocalAccount wcm:action="add">${password('Password', hidden(HIDDEN[0]!.password, HIDDEN[0]!.suffix), false)}<Name>builder</Name></LocalAccount>
          <LocalAccount wcm:action="add">${password('Password', utf8, false)}<Name>broken</Name></LocalAccount>
          <!-- A hidden password repeated decoded, and a plain one repeated, as account names (each a finding: over 20 characters). -->
          <LocalAccount wcm:action="add">${password('Password', PLAIN[1]!)}<Name>${HIDDEN[0]!.password}</Name></LocalAccount>
          <LocalAccount wcm:action="add">${password('Password', PLAIN[1]!)}<Name>${PLAIN[0]!}</Name></LocalAccount>
        </LocalAccounts>
      </UserAccounts>
      <AutoLogon>${password('Password', hidden(HIDDEN[1]!.password, HIDDEN[1]!.suffix), false)}<Enabled>true</Enabled><Username>builder</Username></AutoLogon> <!-- was ${HIDDEN[1]!.password} -->
`)}${shell('x86', `      <UserAccounts>${password('AdministratorPassword', hidden(HIDDEN[2]!.password, HIDDEN[2]!.suffix), false)}</UserAccounts>
      <AutoLogon>${password('Password', PLAIN[3]!)}<Enabled>true</Enabled><LogonCount>1</LogonCount><Username>Administrator</Username></AutoLogon>
`)}  </settings>
</unattend>
`;

const RULES = {
  autologon: 'warn',
  'blank-password': 'warn',
  'domain-credential-exposure': 'warn',
  'local-account': 'warn',
  'password-encoding': 'error',
  'plaintext-password': 'warn',
  // Policy entries that quote the password values they judge.
  'require-setting': ['error', { settings: [
    { path: 'Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value', equals: 'something else' },
    { path: 'Microsoft-Windows-UnattendedJoin/Identification/Credentials/Password', pattern: '^x' },
  ] }],
  'forbid-setting': ['error', { settings: [
    { path: 'Microsoft-Windows-Shell-Setup/AutoLogon/Password/Value', pattern: 'Zq7|Z' },
    { path: 'Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount/Name', pattern: 'Zq7' },
  ] }],
};

function tree(): string {
  return tempTree({ 'autounattend.xml': FILE, '.unattendlintrc.json': JSON.stringify({ extends: ['unattend-lint:all'], rules: RULES }) });
}

const leaks = (out: string): string[] => FORBIDDEN.filter((s) => out.includes(s));

for (const format of ['text', 'compact', 'json', 'sarif', 'github']) {
  test(`${format}: the account rules report the file and print no password, hidden or not`, () => {
    const dir = tree();
    const r = runCli(['-f', format, 'autounattend.xml'], { cwd: dir });
    assert.is(r.code, 1, r.stderr);
    for (const id of ['autologon', 'blank-password', 'domain-credential-exposure', 'password-encoding', 'plaintext-password', 'require-setting', 'forbid-setting']) {
      assert.ok(r.stdout.includes(id), `${format} reports ${id}`);
    }
    assert.equal(leaks(r.stdout + r.stderr), []);
  });
}

test('--explain (text and json) prints no password', () => {
  const dir = tree();
  for (const format of ['text', 'json']) {
    const r = runCli(['--explain', 'autounattend.xml', '-f', format], { cwd: dir });
    assert.is(r.code, 0, r.stderr);
    assert.ok(r.stdout.includes('AutoLogon'));
    assert.equal(leaks(r.stdout + r.stderr), []);
  }
});

test('a password that is a common word: the messages\' and the markup\'s own words are not masked (that would show it)', () => {
  const file = `<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="oobeSystem">
${shell('amd64', `      <AutoLogon><Password><Value>clear</Value></Password><Enabled>true</Enabled><LogonCount>1</LogonCount><Username>admin</Username></AutoLogon>
      <UserAccounts><AdministratorPassword><Value>Administrator</Value><PlainText>true</PlainText></AdministratorPassword></UserAccounts>
`)}</settings></unattend>`;
  const dir = tempTree({ 'unattend.xml': file });
  for (const format of ['text', 'json', 'sarif']) {
    const r = runCli(['-f', format, '--no-config-lookup', 'unattend.xml'], { cwd: dir });
    assert.is(r.code, 0, r.stderr);
    // SARIF's rule docs have examples of their own: only its results are the file's.
    const out = format === 'sarif' ? JSON.stringify((JSON.parse(r.stdout) as { runs: { results: unknown }[] }).runs[0]!.results) : r.stdout;
    assert.ok(out.includes('stored in clear text'), `${format}: "clear" in the message's own words stays`);
    assert.not.ok(out.includes('********Password'), `${format}: the element name stays`);
    assert.not.ok(/>clear<|>Administrator</.test(out), `${format}: the values themselves are masked`);
  }
});

test('the AutoLogon mismatch is found between hidden values with different suffixes, and not when they agree', () => {
  const dir = tree();
  const r = runCli(['-f', 'json', 'autounattend.xml'], { cwd: dir });
  const messages = (JSON.parse(r.stdout) as { messages: { ruleId: string; messageId: string }[] }[])[0]!.messages;
  const ids = messages.filter((m) => m.ruleId === 'autologon').map((m) => m.messageId).sort();
  // amd64: builder's hidden password differs from the AutoLogon one, no LogonCount; x86: the plain AutoLogon password is not the hidden administrator's.
  assert.equal(ids, ['mismatch', 'mismatch', 'noLogonCount']);
  const same = FILE.replace(hidden(HIDDEN[1]!.password, 'Password'), hidden(HIDDEN[0]!.password, 'Password'))
    .replace(`<Value>${PLAIN[3]}</Value>`, `<Value>${hidden(HIDDEN[2]!.password, 'Password')}</Value><PlainText>false</PlainText>`);
  const again = runCli(['-f', 'json', '--no-config-lookup', '--rule', 'autologon: warn', '--stdin'], { input: same });
  const after = (JSON.parse(again.stdout) as { messages: { messageId: string }[] }[])[0]!.messages.map((m) => m.messageId);
  assert.equal(after.filter((m) => m === 'mismatch'), []);
});

test('decodeHidden: padding optional, UTF-16LE required, whitespace ignored', () => {
  assert.equal(decodeHidden(' cAB3AFAAYQBzAHMAdwBvAHIAZAA '), { ok: true, text: 'pwPassword' });
  assert.equal(decodeHidden('cAB3AFAAYQBzAHMAdwBvAHIAZAA='), { ok: true, text: 'pwPassword' });
  assert.equal(decodeHidden('not base64!'), { ok: false, problem: 'base64' });
  assert.equal(decodeHidden('YWJj'), { ok: false, problem: 'utf16' });
  assert.equal(decodeHidden('A'), { ok: false, problem: 'base64' });
});

const POLICY_FILE = FILE;

test('a policy entry with a misspelt path is a configuration error (exit 2) with a did-you-mean', () => {
  for (const id of ['require-setting', 'forbid-setting']) {
    const rule = JSON.stringify({ [id]: ['error', { settings: [{ path: 'Microsoft-Windows-Shell-Setup/TimeZon', equals: 'UTC' }] }] });
    const dir = tempTree({ 'a.xml': POLICY_FILE, '.unattendlintrc.json': JSON.stringify({ rules: JSON.parse(rule) }) });
    const r = runCli(['a.xml'], { cwd: dir });
    assert.is(r.code, 2, id);
    assert.match(r.stderr, /did you mean "Microsoft-Windows-Shell-Setup\/TimeZone"/);
    assert.not.ok(hasStack(r.stderr));
  }
});

test('policy entries that can never behave as written are configuration errors: conditions on a container, a pass the setting is not applied in, min above max', () => {
  const cases: [string, object, RegExp][] = [
    ['forbid-setting', { path: 'Microsoft-Windows-Shell-Setup/AutoLogon', equals: true }, /"Microsoft-Windows-Shell-Setup\/AutoLogon" holds other settings and has no value of its own/],
    ['require-setting', { path: 'Microsoft-Windows-Shell-Setup/TimeZone', pass: 'windowsPE' }, /the pass "windowsPE" .* is not one Setup applies it in \(specialize, auditSystem, oobeSystem\)/],
    ['require-setting', { path: 'Microsoft-Windows-Shell-Setup/OOBE/ProtectYourPC', min: 5, max: 1 }, /min 5 .* is above its max 1/],
  ];
  for (const [id, entry, words] of cases) {
    const r = runCli(['--no-config-lookup', '--rule', `${id}: ["error", {"settings": [${JSON.stringify(entry)}]}]`, '--stdin'], { input: POLICY_FILE });
    assert.is(r.code, 2, JSON.stringify(entry));
    assert.match(r.stderr, words);
    assert.not.ok(hasStack(r.stderr));
  }
  // Forbidding a container outright, and a pass the page lists, are fine.
  const ok = runCli(['--no-config-lookup', '--rule', 'forbid-setting: ["error", {"settings": [{"path": "Microsoft-Windows-Shell-Setup/AutoLogon"}, {"path": "Microsoft-Windows-Shell-Setup/TimeZone", "pass": "specialize", "equals": "UTC"}]}]', '--stdin'], { input: POLICY_FILE });
  assert.not.equal(ok.code, 2, ok.stderr);
});

test('a policy entry with an invalid pattern, or an unknown key, is a configuration error (exit 2)', () => {
  const bad = runCli(['--no-config-lookup', '--rule', 'forbid-setting: ["error", {"settings": [{"path": "Microsoft-Windows-Shell-Setup/TimeZone", "pattern": "(["}]}]', '--stdin'], { input: POLICY_FILE });
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /pattern "\(\[" .* is not a valid regular expression/);
  assert.not.ok(hasStack(bad.stderr));
  const unknown = runCli(['--no-config-lookup', '--rule', 'require-setting: ["error", {"settings": [{"path": "Microsoft-Windows-Shell-Setup/TimeZone", "equal": "UTC"}]}]', '--stdin'], { input: POLICY_FILE });
  assert.is(unknown.code, 2);
});

test('the example configuration lints a file with its policy entries (paths known, patterns valid)', () => {
  const r = runCli(['-c', join(ROOT, '.unattendlintrc.example.json'), '-f', 'json', '--stdin'], { input: POLICY_FILE });
  assert.not.equal(r.code, 2, r.stderr);
  const ids = new Set((JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId));
  assert.ok(ids.has('forbid-setting') && ids.has('require-setting'));
  assert.equal(leaks(r.stdout + r.stderr), []);
});

const ACCOUNT_RULES = ['autologon', 'blank-password', 'domain-credential-exposure', 'local-account', 'password-encoding', 'plaintext-password'];

/** The passwords the account rules' fixtures hold: as written, and decoded with and without their suffix. */
function fixturePasswords(files: string[]): string[] {
  const out = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/<(?:Value|Password)>([^<]+)<\/(?:Value|Password)>/g)) {
      const value = m[1]!.trim();
      // Template tokens are not passwords (and template-placeholder may name them).
      if (value.length < 4 || /[{}$%]/.test(value)) continue;
      out.add(value);
      const decoded = Buffer.from(value, 'base64').toString('utf16le');
      for (const suffix of ['AdministratorPassword', 'Password']) {
        if (decoded.endsWith(suffix) && decoded.length > suffix.length + 3) {
          out.add(decoded);
          out.add(decoded.slice(0, -suffix.length));
          break;
        }
      }
    }
  }
  return [...out];
}

/** A SARIF log without its rules' help texts (the rule docs). */
function withoutRuleHelp(sarif: string): string {
  const log = JSON.parse(sarif) as { runs: { tool: { driver: { rules?: { help?: unknown; fullDescription?: unknown }[] } } }[] };
  for (const run of log.runs) for (const rule of run.tool.driver.rules ?? []) delete rule.help;
  return JSON.stringify(log);
}

test('the account rules\' own fixtures, linted with every reporter and explained, print none of their passwords', () => {
  const files = ACCOUNT_RULES.flatMap((id) => readdirSync(join(FIXTURES, 'rules', id)).filter((f) => f.endsWith('.xml')).map((f) => join(FIXTURES, 'rules', id, f)));
  const secrets = fixturePasswords(files);
  assert.ok(secrets.length > 20, `found ${secrets.length} passwords`);
  const rules = ACCOUNT_RULES.flatMap((id) => ['--rule', `${id}: warn`]);
  for (const format of ['text', 'compact', 'json', 'sarif', 'github']) {
    const r = runCli(['--no-config-lookup', '-f', format, ...rules, ...files]);
    assert.is(r.code, 1, r.stderr);
    // SARIF carries each rule's doc as its help, and the docs show example values (an encoded blank password):
    // what the files hold must not appear anywhere else.
    const shown = format === 'sarif' ? withoutRuleHelp(r.stdout) : r.stdout;
    assert.equal(secrets.filter((s) => (shown + r.stderr).includes(s)), [], format);
  }
  for (const file of files) {
    const r = runCli(['--no-config-lookup', '--explain', file]);
    assert.equal(secrets.filter((s) => (r.stdout + r.stderr).includes(s)), [], `--explain ${file}`);
  }
});

test.run();
