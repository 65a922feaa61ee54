// Applies the fixes of a lint result to its text: non-overlapping edits, first come first served (as ESLint does).
import type { Diagnostic } from '../types.js';

export interface FixOutcome {
  text: string;
  /** Number of fixes applied; overlapping ones wait for the next pass. */
  applied: number;
}

export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): FixOutcome {
  const fixes = diagnostics
    .flatMap((d) => (d.fix ? [d.fix] : []))
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of fixes) {
    const [start, end] = fix.range;
    if (start < cursor) continue;
    out += text.slice(cursor, start) + fix.text;
    cursor = end;
    applied++;
  }
  return { text: out + text.slice(cursor), applied };
}
