// Fixture runner: lints a rule's fixture and holds its findings and --fix output to the fixture's expectations
// (inline markers, the .xml.snap snapshot, the .fixed.xml output). Layout and update workflow: fixtures/rules/README.md.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as assert from 'uvu/assert';
import { decode } from '../../src/source/decode.js';
import { createLineIndex } from '../../src/source/line-index.js';
import { DIRECTIVE_RULE_ID, lintSource } from '../../src/engine/run.js';
import { createLinter } from '../../src/lint.js';
import type { AnyRule } from '../../src/engine/rule.js';
import { builtinRules } from '../../rules/index.js';
import type { FileResult } from '../../src/types.js';
import { displayPath } from '../../src/config/errors.js';
import { kb, loadFixture, type Fixture } from './sidecar.js';
import { ROOT } from './paths.js';
import { tempDir } from './temp.js';

export { ROOT, FIXTURES, SHARED } from './paths.js';
export { loadFixture, type Fixture } from './sidecar.js';

/** Set to rewrite the .xml.snap and .fixed.xml files from what the rules do now (then review the diff). */
export const UPDATE = process.env['UPDATE_SNAPSHOTS'] === '1';
const HOW = 'if the change is intended, run `UPDATE_SNAPSHOTS=1 npm test` and review the diff (fixtures/rules/README.md)';

const MARKER = /<!--\s*expect:\s*([^>]*?)\s*-->/g;
const SNAPSHOT_LINE = /^(\d+):(\d+) ([^\s/]+)(?:\/(\S+))?$/;
const knownRuleIds = new Set(builtinRules.map((r) => r.meta.id));

export const snapshotPath = (file: string): string => `${file}.snap`;
export const fixedPath = (file: string): string => file.replace(/\.xml$/i, '.fixed.xml');
const shown = (file: string): string => displayPath(file, ROOT);

/** (rule id, line) pairs the markers of a fixture expect, as sorted "rule@line" strings. */
export function expectedMarkers(text: string): string[] {
  const lines = createLineIndex(text);
  const out: string[] = [];
  for (const m of text.matchAll(MARKER)) {
    const line = lines.position(m.index).line;
    for (const item of m[1]!.split(',')) {
      const [, id, shift] = /^\s*([\w/-]+)\s*(?:@([+-]\d+))?\s*$/.exec(item) ?? [];
      if (!id) throw new Error(`bad expect marker "${m[0]}" at line ${line}`);
      out.push(`${id}@${line + Number(shift ?? 0)}`);
    }
  }
  return out.sort();
}

/** One snapshot line per finding, in the linter's order: `line:column rule-id/messageId` (`fatal` for no rule). */
export function findingLines(messages: FileResult['messages']): string[] {
  return messages.map((d) => `${d.line}:${d.column} ${d.ruleId ?? 'fatal'}${d.messageId ? `/${d.messageId}` : ''}`);
}

export const snapshotText = (lines: string[]): string => lines.map((l) => `${l}\n`).join('');

/** Fails unless the findings are exactly the snapshot's lines, in its order. */
export function compareFindings(found: string[], snapshot: string, label: string): void {
  assert.fixture(snapshotText(found), snapshot.replace(/\r\n/g, '\n'), `findings differ from ${label}; ${HOW}`);
}

/** Fails unless the markers' rule@line pairs are the snapshot's (the text documents what the snapshot pins). */
export function compareMarkers(markers: string[], snapshot: string, label: string): void {
  const pinned = snapshot.split(/\r?\n/).filter((l) => l !== '').map((l) => {
    const [, line, , rule] = SNAPSHOT_LINE.exec(l) ?? [];
    assert.ok(rule, `${label}: "${l}" is not "line:column rule-id/messageId"`);
    return `${rule}@${line}`;
  });
  assert.equal(markers, pinned.sort(), `expect markers (rule@line) differ from ${label}; edit the markers to say what the snapshot pins`);
}

/** Fails unless the --fix output is the .fixed.xml file, byte for byte. */
export function compareFixed(output: Uint8Array, fixed: Uint8Array, label: string): void {
  assert.fixture(decode(output).text, decode(fixed).text, `--fix output differs from ${label}; ${HOW}`);
  assert.ok(Buffer.from(output).equals(fixed), `--fix output has the text of ${label} but not its bytes (encoding or BOM)`);
}

function run(fx: Fixture, file: string): FileResult {
  return lintSource(readFileSync(file), {
    filePath: file,
    rules: fx.rules,
    kb,
    settings: fx.settings,
    knownRuleIds,
    // Directive findings come from the engine, under the inline-directive rule's severity, as the linter does.
    directiveSeverity: fx.rules.find((r) => r.rule.meta.id === DIRECTIVE_RULE_ID)?.severity ?? 0,
  });
}

/** Lints a fixture (or its .fixed.xml) with `rule`, the sidecar's other rules, options and settings. */
export function lintFixture(file: string, rule: AnyRule): FileResult {
  return run(loadFixture(file, rule), file);
}

/** The fixture after the CLI's --fix loop (the linter's fixFile, on a copy, with the sidecar as its config). */
async function fixOutput(fx: Fixture): Promise<Buffer> {
  const dir = tempDir('unattend-lint-fix-');
  try {
    const name = basename(fx.file);
    copyFileSync(fx.file, join(dir, name));
    writeFileSync(join(dir, 'unattendlint.config.json'), JSON.stringify(fx.config));
    // The fixture's own rule objects stand in for the built-ins of the same ids.
    const rules = fx.rules.map((r) => r.rule);
    const registry = [...builtinRules.filter((b) => !rules.some((r) => r.meta.id === b.meta.id)), ...rules];
    await createLinter({ cwd: dir, configFile: 'unattendlint.config.json', builtinRules: registry, kb }).fixFile(name);
    return readFileSync(join(dir, name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function absent(file: string, why: string): void {
  assert.not.ok(existsSync(file), `${shown(file)} should not exist (${why}); ${HOW}`);
}

export interface CheckOptions {
  /** Rewrite the snapshot and .fixed.xml first (or delete them where none belongs). */
  update?: boolean;
  /** A known gap: the findings have fixes that --fix does not apply; asserted, so closing the gap fails the test. */
  fixUnapplied?: boolean;
}

/**
 * Checks one fixture: an ok- one has no findings; a bad- one has markers, its snapshot, markers and findings agree,
 * and findings with fixes have a .fixed.xml that --fix reproduces and that has nothing fixable left.
 */
export async function checkFixture(file: string, rule: AnyRule, { update = UPDATE, fixUnapplied = false }: CheckOptions = {}): Promise<void> {
  const name = basename(file);
  assert.match(name, /^(ok|bad)-/, 'a fixture is named ok-… or bad-…');
  const fx = loadFixture(file, rule);
  const result = run(fx, file);
  const bad = name.startsWith('bad-');
  const found = findingLines(result.messages);
  const fixed = bad && result.messages.some((m) => m.fix) ? await fixOutput(fx) : undefined;
  if (update) writeExpectations(file, bad ? found : undefined, fixUnapplied ? undefined : fixed);
  for (const d of result.messages) {
    const fixable = fx.rules.find((r) => r.rule.meta.id === d.ruleId)?.rule.meta.fixable;
    if (d.fix) assert.ok(fixable, `${d.ruleId} proposes a fix but its meta.fixable is not set`);
  }
  if (!bad) {
    assert.equal(found, [], 'an ok- fixture has no findings');
    absent(snapshotPath(file), 'an ok- fixture has no snapshot');
    return absent(fixedPath(file), 'an ok- fixture has no fixed output');
  }
  const markers = expectedMarkers(decode(readFileSync(file)).text);
  assert.ok(markers.length > 0, 'a bad- fixture has expect markers');
  const snap = snapshotPath(file);
  assert.ok(existsSync(snap), `missing snapshot ${shown(snap)}; run \`UPDATE_SNAPSHOTS=1 npm test\` and review it`);
  const snapshot = readFileSync(snap, 'utf8');
  compareFindings(found, snapshot, shown(snap));
  compareMarkers(markers, snapshot, shown(snap));
  checkFixed(fx, fixed, fixUnapplied);
}

function checkFixed(fx: Fixture, output: Buffer | undefined, unapplied: boolean): void {
  const file = fixedPath(fx.file);
  if (unapplied) {
    const still = output?.equals(readFileSync(fx.file));
    assert.ok(still, `--fix now changes ${shown(fx.file)} (or it has no fixes): drop it from the unapplied fixes and run \`UPDATE_SNAPSHOTS=1 npm test\``);
    return absent(file, '--fix leaves the file as it is');
  }
  if (!output) return absent(file, 'no finding has a fix');
  assert.ok(existsSync(file), `missing ${shown(file)} (findings have fixes); run \`UPDATE_SNAPSHOTS=1 npm test\` and review it`);
  compareFixed(output, readFileSync(file), shown(file));
  const left = run(fx, file).messages.filter((m) => m.fix);
  assert.equal(findingLines(left), [], `${shown(file)} has no fixable findings left`);
}

function writeExpectations(file: string, found: string[] | undefined, fixed: Buffer | undefined): void {
  if (found) writeFileSync(snapshotPath(file), snapshotText(found));
  else rmSync(snapshotPath(file), { force: true });
  if (fixed) writeFileSync(fixedPath(file), fixed);
  else rmSync(fixedPath(file), { force: true });
}

/** The fixtures of a rule's directory: its .xml files that are not .fixed.xml outputs. */
export function fixtureFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.xml$/i.test(f) && !/\.fixed\.xml$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Files in a fixture directory that belong to no fixture (a snapshot, output or sidecar left from a renamed one,
 * or something else). With `update`, left-over snapshots and outputs are deleted; sidecars are hand-written.
 */
export function strayFiles(dir: string, { update = UPDATE } = {}): string[] {
  const fixtures = new Set(fixtureFiles(dir).map((f) => basename(f, '.xml')));
  const stray: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const [, stem, kind] = /^(.*?)(\.xml|\.xml\.snap|\.fixed\.xml|\.json)$/i.exec(f) ?? [];
    if (stem !== undefined && fixtures.has(stem)) continue;
    if (update && (kind === '.xml.snap' || kind === '.fixed.xml')) rmSync(join(dir, f));
    else stray.push(f);
  }
  return stray;
}
