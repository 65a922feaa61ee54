// Inline directives in XML comments: parsing, applying them to diagnostics, and reporting unused ones.
import { editDistance } from '../util/edit-distance.js';
import type { Diagnostic, Range } from '../types.js';

const KINDS = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file'] as const;
export type DirectiveKind = (typeof KINDS)[number];

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty = all rules. */
  rules: string[];
  reason?: string;
  range: Range;
  line: number;
  /** Rule ids (or '*' for all) this directive has suppressed at least once. */
  used: Set<string>;
}

const DIRECTIVE_RE = /^\s*unattend-lint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|:|$)([^:]*)(?::([\s\S]*))?$/;

/** Parses a comment's text; undefined when it is not a directive. */
export function parseDirective(comment: string, range: Range, line: number): Directive | undefined {
  const m = DIRECTIVE_RE.exec(comment.trim());
  if (!m) return undefined;
  const rules = m[2]!
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const reason = m[3]?.trim();
  return { kind: m[1] as DirectiveKind, rules, ...(reason ? { reason } : {}), range, line, used: new Set() };
}

/** A comment that starts like a directive but is none: the word as written, and the directive it was meant as. */
export interface MisspeltDirective {
  written: string;
  meant: string | undefined;
}

/**
 * A comment that starts like a directive but is none (a misspelt or upper-case keyword: `unattend-lint-disable-next-lin`,
 * `UNATTEND-LINT-DISABLE`): the word as written and the directive it was meant as, if one is near. Such a comment
 * suppresses nothing, so it is reported rather than ignored.
 */
export function misspeltDirective(comment: string): MisspeltDirective | undefined {
  const m = /^\s*(unattend-?lint-[\w-]*)/i.exec(comment);
  if (!m || DIRECTIVE_RE.test(comment.trim())) return undefined;
  const written = m[1]!;
  const keyword = written.toLowerCase().replace(/^unattend-?lint-/, '');
  let meant: string | undefined;
  let best = 3;
  for (const k of KINDS) {
    const d = editDistance(keyword, k, best);
    if (d < best) [meant, best] = [`unattend-lint-${k}`, d];
  }
  return { written, meant };
}

export interface SuppressionResult {
  kept: Diagnostic[];
  /** Directives, or rule ids within them, that suppressed nothing. */
  unused: { directive: Directive; ruleId?: string }[];
}

const names = (d: Directive, ruleId: string): boolean => d.rules.length === 0 || d.rules.includes(ruleId);

/** Marks `d` as having suppressed a finding of `ruleId` (the rule, or '*' for a directive naming none). */
const credit = (d: Directive, ruleId: string): void => void d.used.add(d.rules.length ? ruleId : '*');

/**
 * The first of `files` (disable-file directives, in document order) that names `ruleId`, credited as used; undefined
 * when none does. A file directive suppresses the rule's findings wherever they are, so the engine may ask this as
 * soon as a finding is reported: the directives seen so far are the first ones of the file.
 */
export function fileDirectiveFor(files: readonly Directive[], ruleId: string): Directive | undefined {
  const by = files.find((d) => names(d, ruleId));
  if (by) credit(by, ruleId);
  return by;
}

/** The disable/enable state replayed up to an offset: which directive disables a rule id there. */
function blockState() {
  let all: Directive | undefined;
  const per = new Map<string, Directive>();
  const except = new Set<string>();
  return {
    apply(d: Directive): void {
      if (d.kind === 'disable') {
        if (d.rules.length === 0) {
          all = d;
          except.clear();
        } else {
          for (const r of d.rules) {
            per.set(r, d);
            except.delete(r);
          }
        }
      } else if (d.rules.length === 0) {
        all = undefined;
        per.clear();
        except.clear();
      } else {
        for (const r of d.rules) {
          per.delete(r);
          except.add(r);
        }
      }
    },
    disabling: (id: string): Directive | undefined => per.get(id) ?? (all && !except.has(id) ? all : undefined),
  };
}

/**
 * Decides for each diagnostic whether a directive suppresses it: file and line directives by lookup, block
 * directives by one sweep in document order, so the work grows with findings plus directives, not their product.
 */
export function applyDirectives(diagnostics: Diagnostic[], directives: Directive[], endLineOf: (d: Directive) => number): SuppressionResult {
  // Most files have no directive: nothing to sort, sweep or credit.
  if (directives.length === 0) return { kept: [...diagnostics], unused: [] };
  const blocks = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.range.start - b.range.start);
  const files = directives.filter((d) => d.kind === 'disable-file');
  const byLine = new Map<number, Directive[]>();
  const onLine = (line: number, d: Directive): void => {
    const list = byLine.get(line);
    if (list) list.push(d);
    else byLine.set(line, [d]);
  };
  for (const d of directives) {
    if (d.kind === 'disable-next-line') onLine(endLineOf(d) + 1, d);
    else if (d.kind === 'disable-line') for (let l = d.line; l <= endLineOf(d); l++) onLine(l, d);
  }
  const order = diagnostics.map((_, i) => i).sort((a, b) => (diagnostics[a]!.range?.start ?? 0) - (diagnostics[b]!.range?.start ?? 0));
  const suppressed = new Array<boolean>(diagnostics.length).fill(false);
  const state = blockState();
  let next = 0;
  for (const i of order) {
    const diag = diagnostics[i]!;
    if (diag.fatal || !diag.ruleId) continue;
    const id = diag.ruleId;
    const offset = diag.range?.start ?? 0;
    while (next < blocks.length && blocks[next]!.range.start <= offset) state.apply(blocks[next++]!);
    // File directives first, then line directives, then blocks: the first that names the rule is credited.
    if (fileDirectiveFor(files, id)) {
      suppressed[i] = true;
      continue;
    }
    const by = byLine.get(diag.line)?.find((d) => names(d, id)) ?? state.disabling(id);
    if (by) {
      credit(by, id);
      suppressed[i] = true;
    }
  }
  const kept = diagnostics.filter((_, i) => !suppressed[i]);
  const unused: SuppressionResult['unused'] = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    if (d.rules.length === 0) {
      if (d.used.size === 0) unused.push({ directive: d });
    } else {
      for (const r of d.rules) if (!d.used.has(r)) unused.push({ directive: d, ruleId: r });
    }
  }
  return { kept, unused };
}
