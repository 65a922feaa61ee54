// Rule docs keep their fixed shape, the example configuration works where it is copied, and messages that
// suggest configuration show the config to write.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { lintText } from '../src/index.js';
import { hasStack, runCli, tempTree } from './helpers/cli.js';
import { ROOT, FIXTURES } from './helpers/paths.js';

const SECTIONS = ['## Severity', '## Bad', '## Good', '## Options', '## When not to use it', '## References'];
const MICROSOFT = /\]\(https:\/\/learn\.microsoft\.com\/[^)]+\)/;

for (const { meta } of builtinRules) {
  test(`rules/${meta.id}.md has the title, the summary, the fixed sections in order and (for Setup's rules) a Microsoft reference`, () => {
    const doc = readFileSync(join(ROOT, 'rules', `${meta.id}.md`), 'utf8');
    const lines = doc.split('\n');
    assert.is(lines[0], `# ${meta.id}`);
    assert.is(lines[2], meta.summary, 'the summary line is the rule summary');
    const at = SECTIONS.map((s) => lines.indexOf(s));
    assert.equal(SECTIONS.filter((_, i) => at[i]! < 0), [], 'missing sections');
    assert.equal([...at].sort((a, b) => a - b), at, 'sections in order');
    // Policy and style rules are about an organisation's rules and this tool's directives, not about Setup.
    if (meta.category === 'correctness' || meta.category === 'security') assert.match(doc.slice(0, doc.indexOf('\n## ')), MICROSOFT, 'the why paragraph links a Microsoft reference page');
  });
}

test('.unattendlintrc.example.json works copied into an empty directory beside an answer file', () => {
  const dir = tempTree({
    '.unattendlintrc.json': readFileSync(join(ROOT, '.unattendlintrc.example.json')),
    'unattend.xml': readFileSync(join(FIXTURES, 'examples', 'sysprep-unattend.xml')),
  });
  const r = runCli(['unattend.xml'], { cwd: dir });
  assert.is.not(r.code, 2, r.stderr);
  assert.is(r.stderr, '');
  assert.not.ok(hasStack(r.stdout + r.stderr));
  assert.match(r.stdout, /unattend\.xml/);
});

const FILE = (component: string, inner: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend">\n<settings pass="specialize">\n` +
  `<component name="${component}" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">\n` +
  `${inner}\n</component>\n</settings>\n</unattend>\n`;

/** The JSON config a message shows, applied: the finding it was about is gone. */
async function configInMessage(xml: string, rule: string): Promise<void> {
  const file = join(ROOT, 'doc-messages', 'unattend.xml');
  const before = (await lintText(xml, file, { noConfigLookup: true })).messages.filter((m) => m.ruleId === rule);
  assert.is(before.length, 1, JSON.stringify(before));
  const json = /(\{ "rules": .*\})$/.exec(before[0]!.message)?.[1];
  assert.ok(json, `the message shows the config to write: ${before[0]!.message}`);
  const entry = (JSON.parse(json) as { rules: Record<string, unknown> }).rules[rule];
  assert.ok(entry, `the config names the rule ${rule}`);
  const after = await lintText(xml, file, { noConfigLookup: true, rules: [`${rule}: ${JSON.stringify(entry)}`] });
  assert.equal(after.messages.filter((m) => m.ruleId === rule), []);
}

test('the unknown-component message names the rule and shows the "additional" entry that accepts the component', async () => {
  await configInMessage(FILE('Contoso-Windows-Branding', '<Wallpaper>x.jpg</Wallpaper>'), 'unknown-component');
});

test('the unknown-setting message names the rule and shows the "additional" entry that accepts the setting', async () => {
  await configInMessage(FILE('Microsoft-Windows-Shell-Setup', '<OEMInformation><ContosoBadge>1</ContosoBadge></OEMInformation>'), 'unknown-setting');
});

test.run();
