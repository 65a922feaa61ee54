// The CI formats from the command line: named in --format and --help, exit codes as for every format, reports
// written with --output-file, and no credential of the file (password, product key, net user password) in them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { hasStack, runCli, tempTree } from './helpers/cli.js';
import { ROOT } from './helpers/paths.js';

const SHELL = 'processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"';
const LEAKY = `<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup" ${SHELL}>
      <TimeZone>pacific standard time</TimeZone>
      <ProductKey>W269N-WFGWX-YVC9B-4J6C9-T83GX</ProductKey>
    </component>
    <component name="Microsoft-Windows-Deployment" ${SHELL}>
      <RunSynchronous>
        <RunSynchronousCommand wcm:action="add" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
          <Order>1</Order>
          <Path>cmd /c net user deploy Hunter2-Secret /add &amp;&amp; slmgr /ipk VK7JG-NPHTM-C97JM-9MPGT-3V66T</Path>
        </RunSynchronousCommand>
      </RunSynchronous>
    </component>
  </settings>
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" ${SHELL}>
      <UserAccounts><AdministratorPassword><Value>P@ssw0rd!</Value><PlainText>yes</PlainText></AdministratorPassword></UserAccounts>
    </component>
  </settings>
</unattend>
`;
const SECRETS = ['W269N-WFGWX', 'VK7JG-NPHTM', 'Hunter2-Secret', 'P@ssw0rd!'];

test('--help names the CI formats; an unknown format lists them', () => {
  assert.match(runCli(['--help']).stdout, /gitlab \(code quality\), checkstyle, junit/);
  const bad = runCli(['-f', 'teamcity', 'x.xml']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /unknown format "teamcity"; use text, compact, json, sarif, github, gitlab, checkstyle or junit/);
  assert.not.ok(hasStack(bad.stderr));
});

for (const format of ['gitlab', 'checkstyle', 'junit', 'sarif']) {
  test(`${format}: exit 1 on errors, the report in --output-file, no credential in it`, () => {
    const dir = tempTree({ 'unattend.xml': LEAKY });
    const r = runCli(['-f', format, '-o', 'reports/out', 'unattend.xml'], { cwd: dir });
    assert.is(r.code, 1, r.stderr);
    assert.is(r.stdout, '');
    const out = readFileSync(join(dir, 'reports', 'out'), 'utf8');
    assert.match(out, /value-type/);
    for (const secret of SECRETS) assert.not.ok(out.includes(secret), `${format} shows ${secret}`);
  });
}

test('a clean file: exit 0, an empty gitlab report, a passing junit case, an empty checkstyle file', () => {
  const clean = LEAKY.replace(/<settings pass="oobeSystem">[\s\S]*?<\/settings>\n/, '').replace('pacific standard time', 'Pacific Standard Time').replace(/ *<ProductKey>.*\n/, '').replace(/<Path>.*<\/Path>/, '<Path>cmd /c echo ready</Path>');
  const dir = tempTree({ 'unattend.xml': clean });
  const gitlab = runCli(['-f', 'gitlab', 'unattend.xml'], { cwd: dir });
  assert.is(gitlab.code, 0, gitlab.stdout);
  assert.is(gitlab.stdout, '[]\n');
  assert.match(runCli(['-f', 'junit', 'unattend.xml'], { cwd: dir }).stdout, /<testcase name="unattend-lint" classname="unattend.xml" time="0"\/>/);
  assert.match(runCli(['-f', 'checkstyle', 'unattend.xml'], { cwd: dir }).stdout, /<file name="unattend.xml"\/>/);
});

test('the bundle (what the package ships) carries the rule docs into SARIF help.markdown', () => {
  const dir = tempTree({ 'unattend.xml': LEAKY });
  const r = spawnSync(process.execPath, [join(ROOT, 'bundle', 'unattend-lint.mjs'), '-f', 'sarif', 'unattend.xml'], { cwd: dir, encoding: 'utf8' });
  assert.is(r.status, 1, r.stderr);
  const rules = (JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string; help: { markdown: string } }[] } } }[] }).runs[0]!.tool.driver.rules;
  const doc = readFileSync(join(ROOT, 'rules', 'value-type.md'), 'utf8');
  const body = doc.split('\n').slice(2).join('\n').trim().split('\n')[0]!;
  assert.ok(rules.find((x) => x.id === 'value-type')!.help.markdown.startsWith(body), 'value-type help is its doc');
  for (const secret of SECRETS) assert.not.ok(r.stdout.includes(secret), secret);
});

test.run();
