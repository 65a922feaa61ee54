// A secret value is masked wherever the file repeats it, whether the file holds a few secrets (searched one by one)
// or many (one matcher); short values are not, so that ordinary words stay readable.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { builtinRules } from '../rules/index.js';
import { lintSource } from '../src/engine/run.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { loadFormatters } from '../src/reporters/index.js';
import type { RuleMeta } from '../src/engine/rule.js';
import { showableFix } from '../src/reporters/secrets.js';

const formatters = await loadFormatters();

const kb = loadKnowledgeBase();
const RULES = builtinRules.map((rule) => ({ rule, severity: 1 as const, options: { ...(rule.meta.defaultOptions ?? {}) } }));
const META = new Map<string, RuleMeta>(builtinRules.map((r) => [r.meta.id, r.meta]));

/** A file with `n` local accounts, each password written again outside any password element, on a line with a finding. */
function file(n: number, password: (i: number) => string): string {
  const accounts = Array.from({ length: n }, (_, i) =>
    `<LocalAccount wcm:action="add"><Name>user${i}</Name><Group>Administrators</Group><Password><Value>${password(i)}</Value><PlainText>true</PlainText></Password></LocalAccount>`).join('\n');
  const copies = Array.from({ length: n }, (_, i) => `<Bogus${i}>${password(i)}</Bogus${i}>`).join('\n');
  return `<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State"><settings pass="oobeSystem"><component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
<UserAccounts><LocalAccounts>
${accounts}
</LocalAccounts></UserAccounts>
${copies}
</component></settings></unattend>`;
}

function printed(text: string): string {
  const result = lintSource(text, { filePath: 'unattend.xml', kb, rules: RULES });
  return formatters['text']!([result], { cwd: '.', rules: META, color: false, toolVersion: '0' });
}

for (const n of [3, 40]) {
  test(`${n} passwords, each repeated in an unknown element: no code frame shows any of them`, () => {
    const out = printed(file(n, (i) => `Rep-Secret-${i}x`));
    assert.match(out, /unknown-setting/, 'the copies are reported, so their lines are shown');
    for (let i = 0; i < n; i++) assert.not.ok(out.includes(`Rep-Secret-${i}x`), `password ${i}`);
  });
}

test('a password shorter than four characters is masked where it is a password, not wherever the file repeats it', () => {
  const out = printed(file(1, () => 'abc'));
  assert.match(out, /<Bogus0>abc<\/Bogus0>/);
});

test('a short password is masked in messages as a token of its own, not inside the words and numbers around it', () => {
  const autoLogon = (password: string, enabled: string) => `<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="oobeSystem"><component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
<AutoLogon><Password><Value>${password}</Value><PlainText>true</PlainText></Password><Enabled>${enabled}</Enabled><LogonCount>1</LogonCount><Username>Administrator</Username></AutoLogon>
</component></settings></unattend>`;
  const messages = (text: string) => lintSource(text, { filePath: 'unattend.xml', kb, rules: RULES }).messages.map((m) => m.message).join('\n');
  // "x" is a letter of value-type's "expected": the message reads as written.
  const x = messages(autoLogon('x', 'yes'));
  assert.match(x, /expected "true" or "false"/);
  assert.not.ok(x.includes('********pected'));
  // A value quoted whole is still masked, short or not: here the password is the invalid Enabled value.
  for (const password of ['ye5', 'yes-Long-Secret']) {
    const own = messages(autoLogon(password, password));
    assert.match(own, /value "\*{8}" is not valid for <Enabled>/, password);
    assert.not.ok(own.includes(password), password);
  }
});

test('a fix whose text holds a short password\'s letters inside a word is still shown; one that writes the password is not', () => {
  const file = (password: string) => `<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="oobeSystem"><component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
<AutoLogon><Password><Value>${password}</Value><PlainText>true</PlainText></Password><Enabled>True</Enabled><LogonCount>1</LogonCount><Username>Administrator</Username></AutoLogon>
</component></settings></unattend>`;
  const fixOf = (password: string) => {
    const result = lintSource(file(password), { filePath: 'unattend.xml', kb, rules: RULES });
    const finding = result.messages.find((m) => m.ruleId === 'value-case');
    assert.ok(finding?.fix, 'value-case fixes "True"');
    return showableFix(finding!.fix, result);
  };
  assert.is(fixOf('ru')?.text, 'true');
  assert.is(fixOf('true'), undefined);
});

test('a password element commented out is masked in every report, and so is its value where the file repeats it', () => {
  const text = `<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="oobeSystem"><component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
<TimeZone>Pacific Standard Tme</TimeZone> <!-- old: <UserAccounts><AdministratorPassword><Value>Commented-Secret-1</Value></AdministratorPassword></UserAccounts> -->
<!-- <AutoLogon><Password>Commented-Secret-2</Password></AutoLogon> -->
<RegisteredOwner>Commented-Secret-2</RegisteredOwner>
</component></settings></unattend>`;
  const result = lintSource(text, { filePath: 'unattend.xml', kb, rules: RULES });
  assert.ok(result.messages.some((m) => m.ruleId === 'time-zone' && m.line === 2), 'a finding on the comment\'s line');
  for (const [name, report] of Object.entries(formatters)) {
    const out = report([result], { cwd: '.', rules: META, color: false, toolVersion: '0' });
    for (const secret of ['Commented-Secret-1', 'Commented-Secret-2']) assert.not.ok(out.includes(secret), `${name} printed ${secret}`);
  }
  assert.ok(formatters['sarif']!([result], { cwd: '.', rules: META, color: false, toolVersion: '0' }).includes('<!-- old: <UserAccounts>'), 'the rest of the comment is shown');
});

test('in a file that is not well-formed, a repeat in a name is the markup\'s word only before the last tag the parser read', () => {
  // The password is also an element name the file uses; the file breaks at the unclosed "<Broken" and writes the
  // password again in a garbage tag name after it.
  const text = `<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="oobeSystem"><component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
<UserAccounts><AdministratorPassword><Value>RegisteredOwner</Value><PlainText>true</PlainText></AdministratorPassword></UserAccounts>
<RegisteredOwner>x</RegisteredOwner>
<Broken <</RegisteredOwnerZ>
</component></settings></unattend>`;
  const result = lintSource(text, { filePath: 'unattend.xml', kb, rules: RULES });
  assert.ok(result.messages.some((m) => m.fatal), 'not well-formed');
  const masked = (from: number): boolean => result.secretRanges!.some((r) => r.start <= from && from < r.end);
  const read = text.indexOf('<RegisteredOwner>') + 1;
  const garbage = text.indexOf('</RegisteredOwnerZ>') + 2;
  assert.not.ok(masked(read), 'a name the parser read is not masked');
  assert.ok(masked(garbage), 'a name past the last tag read is');
});

/** Every report the CLI's formats would print for `text`, one after another. */
function everyFormat(text: string): string {
  const result = lintSource(text, { filePath: 'unattend.xml', kb, rules: RULES });
  return Object.keys(formatters).map((f) => formatters[f]!([result], { cwd: '.', rules: META, color: false, toolVersion: '0' })).join('\n');
}

const shellSetup = (pass: string, body: string) => `<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State"><settings pass="${pass}"><component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
${body}
</component></settings></unattend>`;

test('a password written with entity references is masked where a message quotes its parsed text', () => {
  const text = shellSetup('specialize', '<ComputerName>Sm1th&amp;Co</ComputerName>\n<AutoLogon><Password><Value>Sm1th&amp;Co</Value><PlainText>true</PlainText></Password><Enabled>true</Enabled><LogonCount>1</LogonCount><Username>Administrator</Username></AutoLogon>');
  const out = everyFormat(text);
  assert.match(out, /computer-name/, 'the computer name is reported (it holds "&")');
  assert.not.ok(out.includes('Sm1th&Co'), 'parsed text');
  assert.not.ok(out.includes('Sm1th&amp;Co'), 'as written');
  assert.not.ok(out.includes('Sm1th&amp;amp;Co'), 'as an XML report escapes it');
});

test('a password given to net1 (what net runs) is found and masked like one given to net', () => {
  for (const command of ['cmd /c net1 user kiosk Net1Pw#10 /add', 'C:\\Windows\\System32\\net1.exe user kiosk Net1Pw#10']) {
    const text = shellSetup('oobeSystem', `<FirstLogonCommands><SynchronousCommand wcm:action="add"><Order>1</Order><CommandLine>${command}</CommandLine></SynchronousCommand></FirstLogonCommands><Bogus>${command}</Bogus>`);
    const result = lintSource(text, { filePath: 'unattend.xml', kb, rules: RULES });
    assert.ok(result.messages.some((m) => m.ruleId === 'command-credential'), command);
    assert.not.ok(everyFormat(text).includes('Net1Pw'), command);
  }
});

test('a password given as a property (msiexec SERVICE_PASSWORD=, SAPWD=, --password=) is found and masked in every format', () => {
  for (const command of ['msiexec /i C:\\a.msi /qn SERVICE_PASSWORD=MsiPw#10', 'setup.exe /SAPWD=&quot;MsiPw#10&quot;', 'enroll.exe --password=MsiPw#10']) {
    const text = shellSetup('oobeSystem', `<FirstLogonCommands><SynchronousCommand wcm:action="add"><Order>1</Order><CommandLine>${command}</CommandLine></SynchronousCommand></FirstLogonCommands><Bogus>${command}</Bogus>`);
    const result = lintSource(text, { filePath: 'unattend.xml', kb, rules: RULES });
    assert.ok(result.messages.some((m) => m.ruleId === 'command-credential'), command);
    assert.not.ok(everyFormat(text).includes('MsiPw'), command);
  }
});

test('a password property ends at a command separator or a URL parameter\'s end: only the value is a secret', () => {
  const text = shellSetup('oobeSystem', '<!-- https://example.com/?AdministratorPassword=Url-Secret-9&PasswordExpirationMode=Unlimited&Next=1 -->\n<TimeZone>UTC</TimeZone>');
  const at = text.indexOf('Url-Secret-9');
  const result = lintSource(text, { filePath: 'unattend.xml', kb, rules: RULES });
  assert.equal(result.secretRanges, [{ start: at, end: at + 'Url-Secret-9'.length }]);
});

test('net user switches with quoted values, redirections and separators are not taken for passwords', () => {
  for (const command of [
    'net user deploy /add /fullname:"Deploy Account"',
    'net user deploy /comment:&quot;Build account for CI&quot; /expires:never',
    'cmd /c net user defaultuser0 /delete 2&gt;nul',
    'cmd /c net user Administrator /active:yes &gt; C:\\Windows\\Temp\\admin.log',
    'powershell -Command "net user Administrator /active:yes; Set-TimeZone -Id UTC"',
  ]) {
    const text = shellSetup('oobeSystem', `<FirstLogonCommands><SynchronousCommand wcm:action="add"><Order>1</Order><CommandLine>${command}</CommandLine></SynchronousCommand></FirstLogonCommands>`);
    const result = lintSource(text, { filePath: 'unattend.xml', kb, rules: RULES });
    assert.equal(result.messages.filter((m) => m.ruleId === 'command-credential').length, 0, command);
    assert.equal(result.secretRanges ?? [], [], command);
  }
  // A password after such switches is still one.
  const text = shellSetup('oobeSystem', '<FirstLogonCommands><SynchronousCommand wcm:action="add"><Order>1</Order><CommandLine>net user deploy /fullname:"Deploy Account" Real-Pw-9 /add</CommandLine></SynchronousCommand></FirstLogonCommands>');
  assert.ok(lintSource(text, { filePath: 'unattend.xml', kb, rules: RULES }).messages.some((m) => m.ruleId === 'command-credential'));
  assert.not.ok(everyFormat(text).includes('Real-Pw-9'));
});

test('a template token inside a password is never quoted, and characters a password may hold are no token', () => {
  const admin = (value: string) => shellSetup('oobeSystem', `<UserAccounts><AdministratorPassword><Value>${value}</Value><PlainText>true</PlainText></AdministratorPassword></UserAccounts>`);
  for (const value of ['@CORP@!2024', 'Tr#EE#x', 'a${b}c', 'Q9!@SVC@!']) {
    const result = lintSource(admin(value), { filePath: 'unattend.xml', kb, rules: RULES });
    assert.equal(result.messages.filter((m) => m.ruleId === 'template-placeholder').length, 0, value);
    assert.ok(result.messages.some((m) => m.ruleId === 'plaintext-password'), `${value}: still judged as a password`);
  }
  const out = everyFormat(admin('Tr0ub4dor{{ x }}3'));
  assert.match(out, /template-placeholder/);
  assert.not.ok(out.includes('{{ x }}'), 'the token');
  assert.not.ok(out.includes('Tr0ub4dor'), 'the rest of the password');
});

test('a password written as the text of its container, alone or beside its children, is masked in every report', () => {
  const text = shellSetup('oobeSystem', `<UserAccounts>
<AdministratorPassword>Adm1n-Secret-1</AdministratorPassword>
<LocalAccounts><LocalAccount wcm:action="add"><Name>u</Name><Group>Users</Group><Password>Local-Secret-2<PlainText>true</PlainText></Password></LocalAccount></LocalAccounts>
</UserAccounts>
<AutoLogon><Enabled>true</Enabled><LogonCount>1</LogonCount><Username>u</Username><Password><PlainText>true</PlainText>Auto-Secret-3</Password></AutoLogon>
<Bogus>Adm1n-Secret-1 Local-Secret-2 Auto-Secret-3</Bogus>`);
  const out = everyFormat(text);
  assert.match(out, /blank-password/, 'the misplaced password leaves the account without one, which is reported');
  for (const secret of ['Adm1n-Secret-1', 'Local-Secret-2', 'Auto-Secret-3']) assert.not.ok(out.includes(secret), secret);
});

test('the white space between a password container\'s children is no secret: code frames show the lines as written', () => {
  const text = shellSetup('oobeSystem', `<UserAccounts>
  <AdministratorPassword>
    <Value>Adm1n-Secret-1</Value>
    <PlainText>true</PlainText>
  </AdministratorPassword>
</UserAccounts>`);
  const result = lintSource(text, { filePath: 'unattend.xml', kb, rules: RULES });
  const value = text.indexOf('Adm1n-Secret-1');
  assert.equal(result.secretRanges, [{ start: value, end: value + 'Adm1n-Secret-1'.length }]);
});

test('comments between a password container\'s children are no secret either; text beside them is, without its white space', () => {
  const text = shellSetup('oobeSystem', `<UserAccounts>
  <AdministratorPassword>
    <!-- set by the build -->
    <Value>Adm1n-Secret-1</Value>
    <PlainText>true</PlainText>
  </AdministratorPassword>
  <LocalAccounts><LocalAccount wcm:action="add"><Name>u</Name><Group>Users</Group><Password> <!-- x --> Stray-Secret-2 <PlainText>true</PlainText></Password></LocalAccount></LocalAccounts>
</UserAccounts>`);
  const result = lintSource(text, { filePath: 'unattend.xml', kb, rules: RULES });
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  assert.equal(result.secretRanges, [at('Adm1n-Secret-1'), at('Stray-Secret-2')]);
});

test.run();
