// pass-name: a <settings> block whose pass Setup does not know is silently never processed.
import { defineRule } from '../src/engine/rule.js';
import { PASS_NAMES } from '../src/parser/events.js';
import { closest, sameIgnoringCase } from './_helpers/suggest.js';
import { isTemplated } from './_helpers/placeholders.js';

const VALID = PASS_NAMES.join(', ');

export default defineRule({
  meta: {
    id: 'pass-name',
    summary: 'Every settings block names one of the seven configuration passes, spelled exactly',
    category: 'correctness',
    severity: 'error',
    fixable: true,
    messages: {
      missing: () => `<settings> has no pass attribute; add pass="…" (valid: ${VALID})`,
      neverProcessed: (d: { value: string }) =>
        `pass "${d.value}" is in the answer-file schema but Windows Setup never processes it; move these components to "oobeSystem"`,
      wrongCase: (d: { value: string; pass: string }) =>
        `pass "${d.value}" is not a configuration pass; write "${d.pass}" (pass names are exact and case-sensitive)`,
      typo: (d: { value: string; pass: string }) => `pass "${d.value}" is not a configuration pass; did you mean "${d.pass}"?`,
      unknown: (d: { value: string }) => `pass "${d.value}" is not a configuration pass; expected one of ${VALID}`,
    },
  },
  create(ctx) {
    return {
      onSettings(node) {
        const attr = node.passAttr;
        if (!attr) {
          ctx.report('missing', node.element.nameRange, undefined);
          return;
        }
        const value = attr.value;
        if ((PASS_NAMES as readonly string[]).includes(value) || isTemplated(value)) return;
        if (value.trim().toLowerCase() === 'oobeuser') {
          ctx.report('neverProcessed', attr.valueRange, { value });
          return;
        }
        const same = sameIgnoringCase(value, PASS_NAMES);
        if (same) {
          const fix = { range: [attr.valueRange.start, attr.valueRange.end] as [number, number], text: same };
          ctx.report('wrongCase', attr.valueRange, { value, pass: same }, { fix });
          return;
        }
        const near = closest(value, PASS_NAMES);
        if (near) ctx.report('typo', attr.valueRange, { value, pass: near });
        else ctx.report('unknown', attr.valueRange, { value });
      },
    };
  },
});
