// Seeded hostile inputs grown from the fixtures, and the check every one of them must pass: a result, never an
// exception, every reporter able to print it, no secret of the source in what they print.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { presetRules } from '../../src/engine/presets.js';
import { createPlan, type EnabledRule } from '../../src/engine/plan.js';
import { lintSource } from '../../src/engine/run.js';
import { explainSource } from '../../src/explain.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { loadFormatters } from '../../src/reporters/index.js';
import type { RuleMeta } from '../../src/engine/rule.js';
import { FIXTURES } from './paths.js';
import { prng as random } from '../../bench/generate.js';

const formatters = await loadFormatters();

/** Every fixture answer file, in a fixed order. */
export function fixtureSeeds(): Buffer[] {
  const out: Buffer[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.xml')) out.push(readFileSync(path));
    }
  };
  walk(FIXTURES);
  return out;
}

/** A password element the fuzzer plants: wherever it lands intact, no output may show its value. */
const SECRET_FRAGMENT = '<Password><Value>Fuzz-Secret-1</Value></Password>';

const FRAGMENTS = [
  '<', '>', '&', '&amp', '&#0;', '&#xD800;', '&unknown;', ']]>', '<![CDATA[', '<!--', '-->', '<?xml version="1.0"?>',
  '</component>', '</settings>', '<settings pass="specialize">', '<component name="Microsoft-Windows-Shell-Setup">',
  'wcm:action="add"', 'xmlns:x="urn:x"', '<x:y/>', '\u0000', '\uFEFF', '\uFFFE', '\r', '\r\n', '"', "'", '=',
  '<!DOCTYPE unattend [<!ENTITY a "aaaa">]>', '&a;', SECRET_FRAGMENT,
];

type Mutation = (input: Buffer, rnd: () => number) => Buffer;
const pick = <T>(list: readonly T[], rnd: () => number): T => list[Math.floor(rnd() * list.length)]!;
const at = (input: Buffer, rnd: () => number): number => Math.floor(rnd() * (input.length + 1));

/** Each mutation a hostile or broken file can show; the small ones repeat so that most inputs stay near-valid. */
const MUTATIONS: readonly [string, Mutation][] = [
  ['truncate', (b, r) => b.subarray(0, at(b, r))],
  ['flip bytes', (b, r) => {
    const out = Buffer.from(b);
    for (let i = 0, n = 1 + Math.floor(r() * 8); i < n && out.length > 0; i++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
    return out;
  }],
  ['insert fragment', (b, r) => {
    const i = at(b, r);
    return Buffer.concat([b.subarray(0, i), Buffer.from(pick(FRAGMENTS, r)), b.subarray(i)]);
  }],
  ['insert random bytes', (b, r) => {
    const i = at(b, r);
    const junk = Buffer.from(Array.from({ length: 1 + Math.floor(r() * 16) }, () => Math.floor(r() * 256)));
    return Buffer.concat([b.subarray(0, i), junk, b.subarray(i)]);
  }],
  ['duplicate a range', (b, r) => {
    const i = at(b, r);
    const j = Math.min(b.length, i + Math.floor(r() * 400));
    return Buffer.concat([b.subarray(0, j), b.subarray(i, j), b.subarray(j)]);
  }],
  ['delete a range', (b, r) => {
    const i = at(b, r);
    return Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + Math.floor(r() * 200)))]);
  }],
  ['wrong closing tag', (b) => Buffer.from(b.toString('latin1').replace(/<\/(\w+)>/, '</$1x>'), 'latin1')],
  ['NUL bytes', (b, r) => {
    const i = at(b, r);
    return Buffer.concat([b.subarray(0, i), Buffer.alloc(1 + Math.floor(r() * 4)), b.subarray(i)]);
  }],
  ['invalid UTF-8', (b, r) => {
    const i = at(b, r);
    return Buffer.concat([b.subarray(0, i), Buffer.from(pick([[0xc3], [0xe2, 0x82], [0xff, 0xfe], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80]], r)), b.subarray(i)]);
  }],
  ['as UTF-16', (b, r) => {
    const text = b.toString('utf8');
    const le = r() < 0.5;
    const body = Buffer.from(text, 'utf16le');
    if (!le) body.swap16();
    const bom = pick([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf])], r);
    return Buffer.concat([bom, body.subarray(0, body.length - (r() < 0.2 ? 1 : 0))]);
  }],
  ['mixed BOMs', (b, r) => Buffer.concat([Buffer.from(pick([[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]], r)), Buffer.from(pick([[0xef, 0xbb, 0xbf], [0xff, 0xfe]], r)), b])],
  ['nested entities', (b) => {
    const decl = '<!DOCTYPE unattend [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>';
    const text = b.toString('utf8').replace(/(<\?xml[^>]*\?>)?/, (m) => `${m}${decl}`).replace(/<TimeZone>/, '<TimeZone>&d;');
    return Buffer.from(text);
  }],
];

/** Inputs that no mutation of a small file reaches: depth, size. */
export function giants(): [string, Buffer][] {
  const ns = '<unattend xmlns="urn:schemas-microsoft-com:unattend">';
  return [
    ['100,000-deep nesting', Buffer.from(`${ns}<settings pass="specialize"><component name="Microsoft-Windows-Shell-Setup">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</component></settings></unattend>`)],
    ['multi-megabyte attribute', Buffer.from(`${ns}<settings pass="${'p'.repeat(3_000_000)}"></settings></unattend>`)],
    ['multi-megabyte value', Buffer.from(`${ns}<settings pass="specialize"><component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"><ComputerName>${'x&amp;'.repeat(500_000)}</ComputerName></component></settings></unattend>`)],
    ['only NUL bytes', Buffer.alloc(100_000)],
    ['empty', Buffer.alloc(0)],
    ['binary', Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919) % 256))],
  ];
}

/** `count` mutated inputs from `seeds`, deterministic for one seed; each is named by how it was made. */
export function* mutants(seeds: readonly Buffer[], count: number, seed: number): Generator<[string, Buffer]> {
  const rnd = random(seed);
  for (let i = 0; i < count; i++) {
    let input = pick(seeds, rnd);
    const names: string[] = [];
    for (let k = 0, n = 1 + Math.floor(rnd() * 3); k < n; k++) {
      const [name, mutate] = pick(MUTATIONS, rnd);
      input = mutate(input, rnd);
      names.push(name);
    }
    yield [`#${i} ${names.join(' + ')}`, input];
  }
}

const kb = loadKnowledgeBase();
// Every built-in rule, the ones off by default too, so that every rule meets every input.
const RULES: EnabledRule[] = presetRules('all', builtinRules);
const PLAN = createPlan(RULES, kb);
const META = new Map<string, RuleMeta>(builtinRules.map((r) => [r.meta.id, r.meta]));

export interface Verdict {
  /** What went wrong, or undefined when the input passed. */
  failure?: string;
  /** Time the lint took (explaining and printing not included). */
  ms: number;
}

/**
 * Lints one input with every rule, explains it, prints the result with every reporter, and says what went wrong:
 * an exception, a result without file and position, or the fuzzer's own secret in an output.
 */
export function check(input: Buffer, filePath = 'fuzz/unattend.xml'): Verdict {
  const start = performance.now();
  try {
    const result = lintSource(input, { filePath, rules: RULES, plan: PLAN, kb, settings: {} });
    const ms = performance.now() - start;
    for (const m of result.messages) {
      if (!Number.isInteger(m.line) || !Number.isInteger(m.column) || m.line < 1 || m.column < 1) return { failure: `a finding without a position: ${JSON.stringify(m)}`, ms: 0 };
    }
    const explained = explainSource(input, { filePath, kb, settings: {} });
    const outputs = [JSON.stringify(explained)];
    for (const [name, report] of Object.entries(formatters)) {
      outputs.push(report([result], { cwd: 'fuzz', rules: META, color: name === 'text', toolVersion: '0.0.0' }));
    }
    // Only a password element that survived the mutations intact is known to be one (a mangled tag name is not).
    if (input.includes(SECRET_FRAGMENT) && outputs.some((o) => o.includes('Fuzz-Secret-1'))) return { failure: 'a password reached the output', ms: 0 };
    return { ms };
  } catch (err) {
    return { failure: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err), ms: performance.now() - start };
  }
}
