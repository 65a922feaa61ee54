// settings.targetVersion "auto": the release inferred from the image name (metadata, offline image), explicit values
// overriding it, Windows Server names, and a bad value stopping the run.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintSource } from '../src/engine/run.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { defineRule, type AnyRule } from '../src/engine/rule.js';
import { builtinRules } from '../rules/index.js';
import { parseTarget } from '../rules/_helpers/lifecycle.js';
import { offlineImageName, releaseOfImageName, RELEASE_FACTS } from '../rules/_helpers/release.js';
import type { AnswerModel } from '../src/engine/model.js';
import { runCli, tempTree } from './helpers/cli.js';

const kb = loadKnowledgeBase();
const WCM = 'http://schemas.microsoft.com/WMIConfig/2002/State';
const IDENTITY = 'processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"';
const enabled = (id: string) => {
  const rule: AnyRule = builtinRules.find((r) => r.meta.id === id)!;
  return { rule, severity: rule.meta.severity === 'error' ? (2 as const) : (1 as const), options: {} };
};

const metadata = (key: string, value: string) =>
  `<settings pass="windowsPE"><component name="Microsoft-Windows-Setup" ${IDENTITY}><ImageInstall><OSImage><InstallFrom>` +
  `<MetaData wcm:action="add"><Key>${key}</Key><Value>${value}</Value></MetaData></InstallFrom></OSImage></ImageInstall></component></settings>`;
const offline = (source: string) => `<cpi:offlineImage cpi:source="${source}" xmlns:cpi="urn:schemas-microsoft-com:cpi" />`;
const oobe = (body: string) => `<settings pass="oobeSystem"><component name="Microsoft-Windows-Shell-Setup" ${IDENTITY}>${body}</component></settings>`;
const file = (...parts: string[]) => `<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="${WCM}">\n${parts.join('\n')}\n</unattend>`;

/** The lifecycle rules' findings as "rule-id/messageId: message". */
function lint(text: string, settings: Record<string, unknown> = {}): string[] {
  const result = lintSource(text, { filePath: 'x.xml', rules: [enabled('deprecated-setting'), enabled('removed-setting')], kb, settings });
  return result.messages.map((m) => `${m.ruleId}/${m.messageId}: ${m.message}`);
}

const NETWORK = '<OOBE><NetworkLocation>Work</NetworkLocation></OOBE>';
const SCREENSAVER = '<Themes><ScreenSaver>x.scr</ScreenSaver></Themes>';

test('image names: client, Server, servicing channel and version; the family as a range; nothing for custom names and previews', () => {
  const of = (name: string) => releaseOfImageName(kb, name);
  assert.equal(of('Windows 7 PROFESSIONAL'), { build: 7600, minBuild: 7600, label: 'Windows 7' });
  assert.is(of('Windows 8.1 Enterprise Evaluation')!.label, 'Windows 8.1');
  assert.is(of('Windows Vista BUSINESS')!.build, 6000);
  assert.equal(of('Windows Server 2012 R2 SERVERSTANDARD'), { build: 9600, minBuild: 9600, label: 'Windows Server 2012 R2' });
  assert.is(of('Windows Server 2012 SERVERDATACENTER')!.build, 9200);
  assert.is(of('Hyper-V Server 2012 SERVERHYPERCORE')!.label, 'Windows Server 2012');
  assert.is(of('Windows Server 2008 R2 SERVERSTANDARD')!.build, 7600);
  assert.is(of('Windows Server 2016 SERVERSTANDARDCORE')!.build, 14393);
  assert.is(of('Windows Server 2019 SERVERDATACENTER')!.build, 17763);
  assert.is(of('Windows Server 2022 SERVERSTANDARD')!.build, 20348);
  assert.is(of('Windows Server 2025 Standard Evaluation (Desktop Experience)')!.build, 26100);
  assert.is(of('Windows 10 Enterprise LTSC 2019')!.label, 'Windows 10, version 1809');
  assert.is(of('Windows 10 Enterprise LTSB 2016')!.build, 14393);
  assert.is(of('Windows 11 Pro 23H2')!.build, 22631);
  assert.equal(of('Windows 10 Pro'), { build: 19045, minBuild: 10240, label: 'Windows 10' });
  assert.equal(of('windows 11 enterprise'), { build: 26100, minBuild: 22000, label: 'Windows 11' });
  for (const name of ['Model FNB1', '${image_name}', 'Windows Server 2016 R2 SERVERSTANDARD', 'Windows Server 2016 Technical Preview 5 SERVERSTANDARD', 'Windows 10 Enterprise Insider Preview', 'Win10Gold']) {
    assert.is(of(name), undefined, name);
  }
});

/** The offline image a file names, read from its answer model as the release inference reads it. */
function offlineOf(text: string): ReturnType<typeof offlineImageName> {
  let model: AnswerModel | undefined;
  const reader = defineRule({
    meta: { id: 'reader', summary: 'Reader', category: 'style', severity: 'warn', messages: {}, facts: RELEASE_FACTS },
    create: () => ({ onDocumentEnd: (m) => void (model = m) }),
  });
  lintSource(text, { filePath: 'x.xml', rules: [{ rule: reader, severity: 1, options: {} }], kb, settings: {} });
  return offlineImageName(model!);
}

test('the offline image: wim and catalog sources, its namespace, not inside a comment', () => {
  const text = file(offline('wim:c:/wim/install.wim#Windows 7 ULTIMATE'));
  const found = offlineOf(text)!;
  assert.is(found.name, 'Windows 7 ULTIMATE');
  assert.is(text.slice(found.range.start, found.range.end), 'wim:c:/wim/install.wim#Windows 7 ULTIMATE');
  assert.is(offlineOf(file(offline('catalog:d:/sources/install_Windows 10 Pro.clg')))!.name, 'install_Windows 10 Pro');
  assert.is(offlineOf(file(`<x:offlineImage x:source='wim:d:/install.wim#Windows 8.1 Pro' xmlns:x="urn:schemas-microsoft-com:cpi"/>`))!.name, 'Windows 8.1 Pro');
  assert.is(offlineOf(file(offline(''))), undefined);
  assert.is(offlineOf(file(`<!-- ${offline('wim:c:/install.wim#Windows 7 ULTIMATE')} -->`)), undefined);
  assert.is(offlineOf(file(`<cpi:offlineImage cpi:source="wim:c:/i.wim#Windows 7 ULTIMATE" xmlns:cpi="urn:other" />`)), undefined);
  // The source is read as the parser reads attributes (entities resolved), after an offline image naming none.
  assert.is(offlineOf(file(offline('wim:c:/a.wim'), offline('wim:c:/b.wim#Windows 7 &amp; more')))!.name, 'Windows 7 & more');
});

test('without a target every deprecation counts; a Windows 7 image name keeps settings deprecated later', () => {
  const body = oobe(NETWORK);
  assert.equal(lint(file(body)).length, 1);
  assert.equal(lint(file(metadata('/IMAGE/NAME', 'Windows 7 PROFESSIONAL'), body)), []);
  // The offline image after the setting decides as well: the rules judge at the end of the file.
  assert.equal(lint(file(body, offline('wim:c:/wim/install.wim#Windows 7 ULTIMATE'))), []);
  assert.equal(lint(file(metadata('/IMAGE/DESCRIPTION', 'Windows Server 2012 R2 SERVERSTANDARD'), body)), []);
});

test('a deprecation without a release counts from Windows 8 and Windows Server 2012 on, and without a target', () => {
  const body = oobe('<VisualEffects><SystemDefaultBackgroundColor>2</SystemDefaultBackgroundColor></VisualEffects>');
  const visual = oobe('<Display><ColorDepth>32</ColorDepth></Display><VisualEffects></VisualEffects>');
  assert.equal(lint(file(metadata('/IMAGE/NAME', 'Windows 7 ULTIMATE'), visual)), []);
  assert.equal(lint(file(metadata('/IMAGE/NAME', 'Windows Server 2008 R2 SERVERSTANDARD'), visual)), []);
  assert.equal(lint(file(metadata('/IMAGE/NAME', 'Windows Server 2012 SERVERSTANDARD'), visual)).length, 1);
  assert.equal(lint(file(visual)).length, 1);
  // A dated one inside it follows its own release (SystemDefaultBackgroundColor: Windows 10).
  assert.match(lint(file(metadata('/IMAGE/NAME', 'Windows 11 Pro'), body))[0]!, /setting "VisualEffects" is deprecated; remove it/);
});

test('the message names the target and where it came from, and the finding points at the image name', () => {
  const text = file(oobe(NETWORK), metadata('/IMAGE/NAME', 'Windows 11 Pro'));
  const result = lintSource(text, { filePath: 'x.xml', rules: [enabled('deprecated-setting')], kb, settings: {} });
  assert.is(result.messages.length, 1);
  const m = result.messages[0]!;
  assert.match(m.message, /is deprecated since Windows 10 \(version 1507\); remove it \(for Windows 11, inferred from \/IMAGE\/NAME "Windows 11 Pro" at line 3\)$/);
  assert.is(m.related?.[0]?.line, 3);
  assert.match(m.related![0]!.message, /inferred from this image name/);
  const offlineText = file(oobe(NETWORK), offline('wim:c:/wim/install.wim#Windows Server 2019 SERVERDATACENTER'));
  assert.match(lint(offlineText)[0]!, /\(for Windows Server 2019, inferred from cpi:offlineImage "Windows Server 2019 SERVERDATACENTER" at line 3\)$/);
  assert.match(lint(file(oobe(NETWORK)), { targetVersion: 'windows-11' })[0]!, /\(for Windows 11, version 24H2, from settings\.targetVersion\)$/);
});

test('the metadata wins over the offline image, /IMAGE/NAME over /IMAGE/DESCRIPTION; names that disagree infer nothing', () => {
  const body = oobe(NETWORK);
  assert.equal(lint(file(metadata('/IMAGE/NAME', 'Windows 7 ENTERPRISE'), body, offline('wim:c:/install.wim#Windows 11 Pro'))), []);
  assert.equal(lint(file(metadata('/IMAGE/NAME', 'Corp image'), body, offline('wim:c:/install.wim#Windows 7 ULTIMATE'))), []);
  assert.match(lint(file(metadata('/IMAGE/NAME', 'Windows 11 Pro'), metadata('/IMAGE/DESCRIPTION', 'Windows 7 ENTERPRISE'), body))[0]!, /for Windows 11, inferred from \/IMAGE\/NAME/);
  const twoNames =
    `<settings pass="windowsPE"><component name="Microsoft-Windows-Setup" ${IDENTITY}><ImageInstall><OSImage><InstallFrom>` +
    `<MetaData wcm:action="add"><Key>/IMAGE/NAME</Key><Value>Windows 7 ENTERPRISE</Value></MetaData>` +
    `<MetaData wcm:action="add"><Key>/IMAGE/NAME</Key><Value>Windows 11 Pro</Value></MetaData></InstallFrom></OSImage></ImageInstall></component></settings>`;
  assert.match(lint(file(twoNames, body))[0]!, /remove it$/);
  // An index names no release; a template token neither.
  assert.match(lint(file(metadata('/IMAGE/INDEX', '1'), body))[0]!, /remove it$/);
  assert.match(lint(file(metadata('/IMAGE/NAME', '{{image}}'), body))[0]!, /remove it$/);
});

test('removals: an error when the image names a release without the setting; a family name leaves later removals a warning', () => {
  const body = oobe(SCREENSAVER);
  const kinds = (text: string, settings: Record<string, unknown> = {}) => lint(text, settings).map((l) => l.slice(0, l.indexOf(':')));
  assert.equal(kinds(file(metadata('/IMAGE/NAME', 'Windows Server 2019 SERVERSTANDARD'), body)), ['removed-setting/removed']);
  assert.equal(kinds(file(metadata('/IMAGE/NAME', 'Windows 10 Enterprise LTSC 2019'), body)), ['removed-setting/removed']);
  assert.equal(kinds(file(metadata('/IMAGE/NAME', 'Windows Server 2016 SERVERSTANDARD'), body)), []);
  assert.equal(kinds(file(metadata('/IMAGE/NAME', 'Windows 10 Pro'), body)), ['deprecated-setting/removedMaybe']);
  assert.equal(kinds(file(metadata('/IMAGE/NAME', 'Windows 11 Pro'), body)), ['removed-setting/removed']);
  assert.equal(kinds(file(body)), ['deprecated-setting/removedNoTarget']);
  assert.match(lint(file(metadata('/IMAGE/NAME', 'Windows 10 Pro'), body))[0]!, /the target Windows 10 \(inferred from \/IMAGE\/NAME "Windows 10 Pro" at line 2\) does not say whether the file is for that release or later/);
  // The offline image is what the file was authored against (copies keep it): a removal it implies stays a warning.
  assert.equal(kinds(file(body, offline('wim:c:/install.wim#Windows Server 2022 SERVERSTANDARD'))), ['deprecated-setting/removedMaybe']);
  assert.equal(kinds(file(body, offline('wim:c:/install.wim#Windows Server 2016 SERVERSTANDARD'))), []);
});

test('an explicit targetVersion overrides the image name; "auto" is the default', () => {
  const text = file(metadata('/IMAGE/NAME', 'Windows 7 PROFESSIONAL'), oobe(NETWORK + SCREENSAVER));
  assert.equal(lint(text), []);
  assert.equal(lint(text, { targetVersion: 'auto' }), []);
  const explicit = lint(text, { targetVersion: 'windows-server-2022' });
  assert.equal(explicit.map((l) => l.slice(0, l.indexOf(':'))), ['deprecated-setting/deprecated', 'removed-setting/removed']);
  assert.match(explicit[1]!, /at or before the target Windows Server 2022, from settings\.targetVersion;/);
  assert.equal(lint(file(metadata('/IMAGE/NAME', 'Windows 11 Pro'), oobe(NETWORK)), { targetVersion: 'windows-7' }), []);
});

test('targetVersion: Windows Server ids map to their builds; auto is no explicit target; unknown values throw', () => {
  const build = (v: string) => parseTarget(kb, v)!.build;
  assert.is(build('windows-server-2008'), 6001);
  assert.is(build('windows-server-2008-r2'), 7600);
  assert.is(build('windows-server-2012'), 9200);
  assert.is(build('windows-server-2012-r2'), 9600);
  assert.is(build('windows-server-2016'), 14393);
  assert.is(build('windows-server-2019'), 17763);
  assert.is(build('windows-server-2022'), 20348);
  assert.is(build('Windows-Server-2025'), 26100);
  assert.is(parseTarget(kb, 'windows-server-2022')!.label, 'Windows Server 2022');
  // A build shared by a client and a Server release is named after the client release.
  assert.is(parseTarget(kb, 17763)!.label, 'Windows 10, version 1809 (build 17763)');
  assert.is(parseTarget(kb, 'auto'), undefined);
  assert.throws(() => parseTarget(kb, 'windows-server-2020'), /not a Windows release; .*"auto"/);
  // A release written as a number is no build: as one it would precede every deprecation and silence the rules.
  for (const v of [10, '11', 0, '10.0.5']) assert.throws(() => parseTarget(kb, v), /is not a Windows build \(the oldest with answer files is 6000\); .*"windows-10"/);
  assert.is(parseTarget(kb, 6000)!.build, 6000);
});

test('the CLI: a bad targetVersion is exit 2 with the valid values; a Server id and auto lint', () => {
  const xml = file(metadata('/IMAGE/NAME', 'Windows Server 2012 R2 SERVERSTANDARD'), oobe(NETWORK));
  const dir = tempTree({ 'unattend.xml': xml });
  const withTarget = (value: string) => {
    writeFileSync(join(dir, '.unattendlintrc.json'), JSON.stringify({ extends: 'unattend-lint:recommended', settings: { targetVersion: value } }));
    return runCli(['-f', 'json', 'unattend.xml'], { cwd: dir });
  };
  const bad = withTarget('windows-server-2020');
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /settings\.targetVersion "windows-server-2020" is not a Windows release; use "windows-10"/);
  assert.match(bad.stderr, /windows-server-2012-r2/);
  assert.not.match(bad.stderr, /\n\s+at /);
  const misspelt = withTarget('windows-server-2012r2');
  assert.is(misspelt.code, 2);
  assert.match(misspelt.stderr, /targetVersion/);
  const deprecations = (value: string) =>
    (JSON.parse(withTarget(value).stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.filter((m) => m.ruleId === 'deprecated-setting').length;
  assert.is(deprecations('auto'), 0);
  assert.is(deprecations('windows-server-2016'), 1);
});

test.run();
