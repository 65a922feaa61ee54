// skip-rearm: SkipRearm=1 keeps the licensing state through generalize, which a final image must not do.
import { defineRule } from '../src/engine/rule.js';
import { readable } from './_helpers/facts.js';

const SKIP_REARM = 'Microsoft-Windows-Security-SPP/SkipRearm';

interface Options {
  intermediateImage: boolean;
}

export default defineRule({
  meta: {
    id: 'skip-rearm',
    summary: 'Security-SPP SkipRearm is not 1 in the answer file that generalizes the final image',
    category: 'correctness',
    severity: 'warn',
    facts: [SKIP_REARM],
    quietWithoutFacts: true,
    schema: {
      type: 'object',
      properties: {
        intermediateImage: {
          type: 'boolean',
          description: 'The file generalizes an intermediate image that is customized and generalized again later: SkipRearm 1 is then intended',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { intermediateImage: false } as Options,
    messages: {
      final: (_d: Record<string, never>) =>
        '<SkipRearm> 1 keeps the Windows licensing state when this image is generalized: the activation grace period is not reset, ' +
        'and KMS clients deployed from the image keep one client machine ID (CMID), so the KMS host counts them as one; ' +
        'set it to 0 (the default) in the file for the final sysprep, or set the rule\'s intermediateImage option',
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        if (ctx.options.intermediateImage) return;
        for (const f of model.all(SKIP_REARM)) {
          // SkipRearm acts in generalize only; elsewhere setting-pass reports it and Setup ignores it. The knowledge base types
          // it as the enumeration "0" | "1" (its page lists two values), a later one may type it as an integer.
          if (f.pass !== 'generalize' || !readable(f) || String(f.value) !== '1') continue;
          ctx.report('final', f.valueRange ?? f.range, {});
        }
      },
    };
  },
});
