// legacy-encoding: a file declared in a single-byte code page; Windows Setup expects UTF-8 or UTF-16.
import { defineRule } from '../src/engine/rule.js';
import type { Fix } from '../src/types.js';
import { canonicalEncoding } from './_helpers/encoding.js';

export default defineRule({
  meta: {
    id: 'legacy-encoding',
    summary: 'The answer file is saved as UTF-8 or UTF-16, the encodings Windows Setup expects',
    category: 'correctness',
    severity: 'warn',
    fixable: true,
    messages: {
      unsupported: (d: { declared: string }) =>
        `encoding "${d.declared}" is not UTF-8 or UTF-16, which Windows Setup expects; ` +
        'save the file as UTF-8 and declare encoding="utf-8"',
    },
  },
  create(ctx) {
    return {
      onDocument() {
        const { encoding, declaration } = ctx.source;
        const range = declaration?.encodingRange;
        if (declaration?.encoding === undefined || !range || encoding.startsWith('utf-16')) return;
        const label = canonicalEncoding(declaration.encoding);
        // A contradiction between the bytes and a UTF-16 declaration is xml-encoding's error.
        if (label === 'utf-8' || label?.startsWith('utf-16')) return;
        // Pure ASCII text is the same bytes in UTF-8, so only then is renaming the encoding a safe fix.
        const ascii = !/[^\x00-\x7f]/.test(ctx.text);
        const fix: Fix = { range: [range.start, range.end], text: 'utf-8' };
        ctx.report('unsupported', range, { declared: declaration.encoding }, ascii ? { fix } : {});
      },
    };
  },
});
