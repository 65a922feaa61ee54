// Bulk suppressions (a baseline for adopting the linter on existing files): counts of findings per file and rule,
// kept in unattend-lint-suppressions.json; findings within a count are hidden, more than the count are all shown.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { summarise } from './engine/run.js';
import { makeDirectory } from './util/make-dir.js';
import { writeReason } from './util/fs-error.js';
import type { FileResult } from './types.js';

export const SUPPRESSIONS_FILE = 'unattend-lint-suppressions.json';

/** File path (relative to the suppressions file, "/" separators) → rule id → how many findings are suppressed. */
export type Suppressions = Record<string, Record<string, { count: number }>>;

/** The suppressions file cannot be read or is not the expected shape (exit 2). */
export class SuppressionsError extends Error {}

export interface SuppressionsFile {
  /** Absolute path of the file. */
  path: string;
  /** The key of a linted file in it: relative to the file's directory, with "/". */
  keyOf(filePath: string): string;
  read(): Suppressions;
  write(s: Suppressions): void;
}

export function suppressionsFile(path: string): SuppressionsFile {
  const base = dirname(path);
  return {
    path,
    keyOf: (filePath) => {
      const rel = relative(base, filePath);
      return (rel === '' || isAbsolute(rel) ? filePath : rel).split(sep).join('/');
    },
    read: () => (existsSync(path) ? parse(path) : {}),
    write: (s) => {
      try {
        makeDirectory(base);
        writeFileSync(path, `${JSON.stringify(sorted(s), null, 2)}\n`);
      } catch (err) {
        throw new SuppressionsError(`cannot write ${path}: ${writeReason(err)}`);
      }
    },
  };
}

function parse(path: string): Suppressions {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const why = err instanceof SyntaxError ? `invalid JSON: ${err.message}` : `cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
    throw new SuppressionsError(`${path}: ${why}`);
  }
  const bad = (where: string) => new SuppressionsError(`${path}: ${where}; expected { "file": { "rule-id": { "count": N } } }`);
  if (!isObject(raw)) throw bad('not an object');
  for (const [file, rules] of Object.entries(raw)) {
    if (!isObject(rules)) throw bad(`"${file}" is not an object`);
    for (const [rule, entry] of Object.entries(rules)) {
      const count = isObject(entry) ? entry['count'] : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw bad(`"${file}" → "${rule}" has no whole count of 1 or more`);
    }
  }
  return raw as Suppressions;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function sorted(s: Suppressions): Suppressions {
  const out: Suppressions = {};
  for (const file of Object.keys(s).sort()) {
    const rules = s[file]!;
    const ids = Object.keys(rules).sort();
    if (ids.length) out[file] = Object.fromEntries(ids.map((id) => [id, { count: rules[id]!.count }]));
  }
  return out;
}

/** Findings per rule in one result; findings without a rule (a file that is not well-formed XML) never count. */
function countsOf(result: FileResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of result.messages) if (m.ruleId && !m.fatal) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
  return counts;
}

/**
 * The suppressions after --suppress-all (rules undefined) or --suppress-rule: for each linted file, the chosen rules'
 * counts become what was found now; other files, and other rules of linted files, keep theirs.
 */
export function recordSuppressions(existing: Suppressions, results: FileResult[], keyOf: (p: string) => string, rules?: ReadonlySet<string>): Suppressions {
  const out: Suppressions = structuredClone(existing);
  for (const result of results) {
    // A file that is not well-formed XML has no rule findings to count: what was recorded for it stays.
    if (result.fatalErrorCount > 0) continue;
    const key = keyOf(result.filePath);
    const entry = { ...out[key] };
    for (const id of Object.keys(entry)) if (!rules || rules.has(id)) delete entry[id];
    for (const [id, count] of countsOf(result)) if (!rules || rules.has(id)) entry[id] = { count };
    if (Object.keys(entry).length) out[key] = entry;
    else delete out[key];
  }
  return out;
}

export interface Applied {
  /** The results with suppressed findings removed (and counts recomputed). */
  results: FileResult[];
  /** Number of findings hidden. */
  hidden: number;
  /** Suppressions of linted files that exceed what was found: file key → rule id → counts. */
  unmatched: { file: string; rule: string; suppressed: number; found: number }[];
}

/**
 * Hides, per linted file and rule, the findings when there are no more than the suppressed count; when there are
 * more, all of them are shown (the new one cannot be told from the old ones), as ESLint does.
 */
export function applySuppressions(results: FileResult[], suppressions: Suppressions, keyOf: (p: string) => string): Applied {
  let hidden = 0;
  const unmatched: Applied['unmatched'] = [];
  const out = results.map((result) => {
    const file = keyOf(result.filePath);
    const entry = suppressions[file];
    // Not well-formed: its rules did not run, so its suppressions are neither used nor stale.
    if (!entry || result.fatalErrorCount > 0) return result;
    const counts = countsOf(result);
    const hide = new Set<string>();
    for (const [rule, { count }] of Object.entries(entry)) {
      const found = counts.get(rule) ?? 0;
      if (found <= count) hide.add(rule);
      if (found < count) unmatched.push({ file, rule, suppressed: count, found });
    }
    const messages = result.messages.filter((m) => !(m.ruleId && !m.fatal && hide.has(m.ruleId)));
    if (messages.length === result.messages.length) return result;
    hidden += result.messages.length - messages.length;
    return { ...result, ...summarise(result.filePath, messages, result.source, result.secretRanges) };
  });
  return { results: out, hidden, unmatched };
}

/**
 * --prune-suppressions: counts of linted files lowered to what was found (entries found no more removed), and
 * entries of files that no longer exist (beside the suppressions file) removed; files that are not well-formed
 * XML keep theirs.
 */
export function pruneSuppressions(existing: Suppressions, results: FileResult[], keyOf: (p: string) => string, base: string): Suppressions {
  const out: Suppressions = {};
  const linted = new Map(results.filter((r) => r.fatalErrorCount === 0).map((r) => [keyOf(r.filePath), countsOf(r)]));
  for (const [file, rules] of Object.entries(existing)) {
    const counts = linted.get(file);
    if (!counts && !existsSync(resolve(base, file))) continue;
    const entry: Record<string, { count: number }> = {};
    for (const [rule, { count }] of Object.entries(rules)) {
      const kept = counts ? Math.min(count, counts.get(rule) ?? 0) : count;
      if (kept > 0) entry[rule] = { count: kept };
    }
    if (Object.keys(entry).length) out[file] = entry;
  }
  return out;
}
