// Inline directives in XML comments: parsing, applying them to diagnostics, and reporting unused ones.
import type { Diagnostic, Range } from '../types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

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

export interface SuppressionResult {
  kept: Diagnostic[];
  /** Directives, or rule ids within them, that suppressed nothing. */
  unused: { directive: Directive; ruleId?: string }[];
}

const names = (d: Directive, ruleId: string): boolean => d.rules.length === 0 || d.rules.includes(ruleId);

/** Replays disable/enable comments before `offset` and returns the one that disables `id` there. */
function blockDirectiveFor(blocks: Directive[], id: string, offset: number): Directive | undefined {
  let all: Directive | undefined;
  const per = new Map<string, Directive>();
  const except = new Set<string>();
  for (const d of blocks) {
    if (d.range.start > offset) break;
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
  }
  return per.get(id) ?? (all && !except.has(id) ? all : undefined);
}

/** Decides for each diagnostic whether a directive suppresses it (block directives in document order). */
export function applyDirectives(diagnostics: Diagnostic[], directives: Directive[], endLineOf: (d: Directive) => number): SuppressionResult {
  const blocks = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.range.start - b.range.start);
  const kept: Diagnostic[] = [];
  for (const diag of diagnostics) {
    if (diag.fatal || !diag.ruleId) {
      kept.push(diag);
      continue;
    }
    const id = diag.ruleId;
    const offset = diag.range?.start ?? 0;
    let by: Directive | undefined;
    for (const d of directives) {
      if (!names(d, id)) continue;
      if (d.kind === 'disable-file') by ??= d;
      else if (d.kind === 'disable-next-line' && diag.line === endLineOf(d) + 1) by ??= d;
      else if (d.kind === 'disable-line' && diag.line >= d.line && diag.line <= endLineOf(d)) by ??= d;
    }
    by ??= blockDirectiveFor(blocks, id, offset);
    if (by) by.used.add(by.rules.length ? id : '*');
    else kept.push(diag);
  }
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
