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
        `computer name ${d.value} ${d.problems}; ${d.suggestion ? `shorten it (e.g. "${d.suggestion}")` : 'use letters, digits and hyphens, at most 15'}`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const p = nameProblems(v);
        if (!p || p.invalid.length === 0) return;
        const clean = p.invalid.length === 1 && p.suggestion !== undefined;
        ctx.report('invalid', v.range, { value: ctx.quote(p.name, v.range), problems: list(p.invalid), ...(clean ? { suggestion: p.suggestion } : {}) });
      },
    };
  },
});
