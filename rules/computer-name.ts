// computer-name: an invalid ComputerName stops specialize ("the answer file is invalid") or worse.
import { defineRule } from '../src/engine/rule.js';
import { NAME_SETTINGS, list, nameProblems } from './_helpers/computer-names.js';

export default defineRule({
  meta: {
    id: 'computer-name',
    summary: 'Computer names are at most 15 bytes, of allowed characters, and not only digits',
    category: 'correctness',
    severity: 'error',
    settings: NAME_SETTINGS,
    messages: {
      invalid: (d: { value: string; problems: string; suggestion?: string }) =>
        `computer name ${d.value} ${d.problems}; use letters, digits and inner hyphens, at most 15 bytes${d.suggestion ? ` (e.g. "${d.suggestion}")` : ''}`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const p = nameProblems(v);
        if (!p || p.invalid.length === 0) return;
        // The suggestion repeats part of the name: never for a secret (a name is not one, but the quote decides).
        const value = ctx.quote(p.name, v.range);
        const suggestion = p.suggestion && !value.includes('****') ? { suggestion: p.suggestion } : {};
        ctx.report('invalid', v.range, { value, problems: list(p.invalid), ...suggestion });
      },
    };
  },
});
