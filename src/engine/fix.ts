// Applies the fixes of a lint result to its text: non-overlapping edits, first come first served (as ESLint does).
import type { Diagnostic } from '../types.js';

export interface FixOutcome {
  text: string;
  /** Number of fixes applied; overlapping ones wait for the next pass. */
  applied: number;
  /** The diagnostics whose fixes were applied, in text order. */
  fixed: Diagnostic[];
}

export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): FixOutcome {
  const fixable = diagnostics
    .filter((d): d is Diagnostic & { fix: NonNullable<Diagnostic['fix']> } => d.fix !== undefined)
    .sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
  let out = '';
  let cursor = 0;
  const fixed: Diagnostic[] = [];
  for (const d of fixable) {
    const [start, end] = d.fix.range;
    if (start < cursor) continue;
    out += text.slice(cursor, start) + d.fix.text;
    cursor = end;
    fixed.push(d);
  }
  return { text: out + text.slice(cursor), applied: fixed.length, fixed };
}
