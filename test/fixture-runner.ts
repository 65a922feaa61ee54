// The fixture runner can fail: a wrong column, message id, marker, fixed output or sidecar each fails a fixture.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { defineRule } from '../src/engine/rule.js';
import { tempTree } from './helpers/cli.js';
import {
  FIXTURES, checkFixture, compareFindings, compareFixed, compareMarkers, expectedMarkers, findingLines, fixedPath,
  lintFixture, loadFixture, snapshotPath, strayFiles,
} from './helpers/fixtures.js';

const rule = (id: string) => builtinRules.find((r) => r.meta.id === id)!;
const fixture = (id: string, name: string) => join(FIXTURES, 'rules', id, name);
const VALUE_TYPE = fixture('value-case', 'bad-case-crlf.xml');
const SNAPSHOT = readFileSync(snapshotPath(VALUE_TYPE), 'utf8');
const found = () => findingLines(lintFixture(VALUE_TYPE, rule('value-case')).messages);

/** Fails unless the check throws (uvu's assert.throws rethrows assertion errors, which is what the checks throw). */
async function fails(check: () => unknown, message: RegExp, what = 'the check'): Promise<void> {
  try {
    await check();
  } catch (error) {
    assert.match((error as Error).message, message, what);
    return;
  }
  assert.unreachable(`${what} fails`);
}

test('compareFindings accepts the findings as pinned and nothing else', async () => {
  compareFindings(found(), SNAPSHOT, 'snap');
  compareFindings(found(), SNAPSHOT.replace(/\n/g, '\r\n'), 'snap');
  const wrong = {
    column: SNAPSHOT.replace('18:40 ', '18:41 '),
    messageId: SNAPSHOT.replace('18:40 value-case/wrongCase', '18:40 value-case/timeZone'),
    rule: SNAPSHOT.replace('18:40 value-case/', '18:40 time-zone/'),
    line: SNAPSHOT.replace('18:40 ', '19:40 '),
    missing: SNAPSHOT.split('\n').slice(1).join('\n'),
    extra: `${SNAPSHOT}40:1 value-case/timeZone\n`,
    order: SNAPSHOT.split('\n').filter(Boolean).reverse().map((l) => `${l}\n`).join(''),
    empty: '',
  };
  for (const [what, snapshot] of Object.entries(wrong)) {
    assert.not.equal(snapshot, SNAPSHOT, what);
    await fails(() => compareFindings(found(), snapshot, 'snap'), /findings differ from snap/, `a wrong ${what} fails`);
  }
});

test('compareMarkers: the markers must name the snapshot\'s rule@line pairs', async () => {
  const markers = expectedMarkers(readFileSync(VALUE_TYPE, 'utf8'));
  compareMarkers(markers, SNAPSHOT, 'snap');
  await fails(() => compareMarkers(markers, SNAPSHOT.replace('18:40 value-case/', '18:40 time-zone/'), 'snap'), /expect markers/);
  await fails(() => compareMarkers(markers.slice(1), SNAPSHOT, 'snap'), /expect markers/);
  await fails(() => compareMarkers(markers, `${SNAPSHOT}value-type at 40\n`, 'snap'), /is not "line:column rule-id\/messageId"/);
});

test('compareFixed: the --fix output must be the .fixed.xml, byte for byte', async () => {
  const fixed = readFileSync(fixedPath(VALUE_TYPE));
  compareFixed(fixed, fixed, 'fixed');
  await fails(() => compareFixed(Buffer.from(fixed.toString().replace('OnError', 'onerror')), fixed, 'fixed'), /--fix output differs/);
  await fails(() => compareFixed(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixed]), fixed, 'fixed'), /not its bytes/);
});

test('a bad fixture without its snapshot, or with fixes but no .fixed.xml, fails', async () => {
  const dir = tempTree({ 'bad-case-crlf.xml': readFileSync(VALUE_TYPE) });
  const file = join(dir, 'bad-case-crlf.xml');
  await fails(() => checkFixture(file, rule('value-case'), { update: false }), /missing snapshot .*bad-case-crlf\.xml\.snap/);
  writeFileSync(snapshotPath(file), SNAPSHOT);
  await fails(() => checkFixture(file, rule('value-case'), { update: false }), /missing .*bad-case-crlf\.fixed\.xml \(findings have fixes\)/);
  writeFileSync(fixedPath(file), readFileSync(VALUE_TYPE));
  await fails(() => checkFixture(file, rule('value-case'), { update: false }), /--fix output differs/);
  rmSync(dir, { recursive: true });
});

test('a .fixed.xml with fixable findings left fails, even when it is what --fix writes', async () => {
  // A fix that changes nothing never converges: after --fix's last pass the finding still has its fix.
  const restless = defineRule({
    meta: { id: 'restless-fix', summary: 's', category: 'style', severity: 'warn', fixable: true, messages: { again: () => 'again' } },
    create: (ctx) => ({ onDocument: () => ctx.report('again', { start: 0, end: 0 }, undefined, { fix: { range: [0, 0], text: '' } }) }),
  });
  const dir = tempTree({ 'bad-x.xml': '<unattend xmlns="urn:schemas-microsoft-com:unattend"/> <!-- expect: restless-fix -->\n' });
  const file = join(dir, 'bad-x.xml');
  await fails(() => checkFixture(file, restless, { update: true }), /bad-x\.fixed\.xml has no fixable findings left/);
  assert.is(readFileSync(snapshotPath(file), 'utf8'), '1:1 restless-fix/again\n');
  assert.ok(readFileSync(fixedPath(file)).equals(readFileSync(file)));
  rmSync(dir, { recursive: true });
});

test('update writes the snapshot and .fixed.xml that then pass, and removes what does not belong', async () => {
  const dir = tempTree({
    'bad-x.xml': readFileSync(VALUE_TYPE),
    'ok-x.xml': readFileSync(fixture('value-case', 'ok-documented.xml')),
    'ok-x.xml.snap': '',
    'bad-gone.xml.snap': '',
  });
  await checkFixture(join(dir, 'bad-x.xml'), rule('value-case'), { update: true });
  assert.is(readFileSync(join(dir, 'bad-x.xml.snap'), 'utf8'), SNAPSHOT);
  assert.ok(readFileSync(join(dir, 'bad-x.fixed.xml')).equals(readFileSync(fixedPath(VALUE_TYPE))));
  await checkFixture(join(dir, 'bad-x.xml'), rule('value-case'), { update: false });
  await fails(() => checkFixture(join(dir, 'ok-x.xml'), rule('value-case'), { update: false }), /ok-x\.xml\.snap should not exist/);
  assert.equal(strayFiles(dir, { update: false }), ['bad-gone.xml.snap']);
  await checkFixture(join(dir, 'ok-x.xml'), rule('value-case'), { update: true });
  assert.equal(strayFiles(dir, { update: true }), []);
  assert.not.ok(existsSync(join(dir, 'ok-x.xml.snap')) || existsSync(join(dir, 'bad-gone.xml.snap')));
  rmSync(dir, { recursive: true });
});

test('an ok fixture with a finding fails; a fixture named neither ok- nor bad- fails', async () => {
  const dir = tempTree({ 'ok-x.xml': readFileSync(VALUE_TYPE), 'x.xml': readFileSync(fixture('value-case', 'ok-documented.xml')) });
  await fails(() => checkFixture(join(dir, 'ok-x.xml'), rule('value-case'), { update: false }), /an ok- fixture has no findings/);
  await fails(() => checkFixture(join(dir, 'x.xml'), rule('value-case'), { update: false }), /named ok-… or bad-…/);
  rmSync(dir, { recursive: true });
});

test('a markerless bad fixture fails; a fix from a rule whose meta.fixable is not set fails', async () => {
  const text = readFileSync(VALUE_TYPE, 'utf8').replace(/<!-- expect:[^>]*-->/g, '');
  const dir = tempTree({ 'bad-x.xml': text });
  await fails(() => checkFixture(join(dir, 'bad-x.xml'), rule('value-case'), { update: true }), /has expect markers/);
  const unfixable = { ...rule('value-case'), meta: { ...rule('value-case').meta, fixable: false } };
  await fails(() => checkFixture(join(dir, 'bad-x.xml'), unfixable, { update: false }), /value-case proposes a fix but its meta\.fixable is not set/);
  rmSync(dir, { recursive: true });
});

test('sidecars: misspelt options, unknown keys and settings, options for a rule without any, unknown rules fail', async () => {
  const xml = readFileSync(fixture('template-placeholder', 'bad-extra-pattern.xml'));
  const cases: [string, unknown, RegExp][] = [
    ['template-placeholder', { options: { paterns: ['CHANGEME'] } }, /invalid options: unknown key "paterns" in options; did you mean "patterns"\?/],
    ['template-placeholder', { options: { patterns: 'CHANGEME' } }, /invalid options: options\.patterns must be a list/],
    ['template-placeholder', { optoins: { patterns: ['CHANGEME'] } }, /unknown key "optoins" in sidecar; did you mean "options"\?/],
    ['template-placeholder', { settings: { targetVersoin: 'windows-11' } }, /unknown setting "targetVersoin"; did you mean "targetVersion"\?/],
    ['template-placeholder', { settings: { targetVersion: 'windows-12' } }, /sidecar\.settings\.targetVersion is "windows-12"; expected a release id/],
    ['template-placeholder', { settings: { targetVersion: 'windows-11-99h9' } }, /targetVersion "windows-11-99h9" is not a Windows release/],
    ['template-placeholder', { with: ['value-typ'] }, /"with" names unknown rule "value-typ"/],
    ['value-type', { options: { strict: true } }, /rule "value-type" takes no options/],
  ];
  for (const [id, sidecar, message] of cases) {
    const dir = tempTree({ 'bad-x.xml': xml, 'bad-x.json': JSON.stringify(sidecar) });
    await fails(() => loadFixture(join(dir, 'bad-x.xml'), rule(id)), message, JSON.stringify(sidecar));
    await fails(() => lintFixture(join(dir, 'bad-x.fixed.xml'), rule(id)), message, 'the .fixed.xml shares the sidecar');
    rmSync(dir, { recursive: true });
  }
});

test('sidecar options reach the rule, completed with its defaults', () => {
  const fx = loadFixture(fixture('name-case', 'bad-component-case.xml'), rule('name-case'));
  assert.equal(fx.rules[0]!.options, { components: true });
  assert.equal(fx.config.rules, { 'name-case': ['warn', { components: true }] });
});

test.run();
