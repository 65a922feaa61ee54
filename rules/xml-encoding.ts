// xml-encoding: the XML declaration must agree with the bytes; Setup fails on a UTF-16 file that says utf-8.
import { defineRule } from '../src/engine/rule.js';
import type { Fix } from '../src/types.js';
import { canonicalEncoding as canonical, describeEncoding as describe } from './_helpers/encoding.js';

export default defineRule({
  meta: {
    id: 'xml-encoding',
    summary: 'The XML declaration names the encoding the file is really saved in',
    category: 'correctness',
    severity: 'error',
    fixable: true,
    messages: {
      contradicts: (d: { actual: string; declared: string; expected: string }) =>
        `the file is ${d.actual} but its XML declaration says encoding="${d.declared}"; ` +
        `declare encoding="${d.expected}" or re-save the file`,
    },
  },
  create(ctx) {
    return {
      onDocument() {
        const { encoding, bom, declaration } = ctx.source;
        const range = declaration?.encodingRange;
        if (declaration?.encoding === undefined || !range) return;
        const declared = declaration.encoding;
        const label = canonical(declared);
        const replace = (text: string): Fix => ({ range: [range.start, range.end], text });
        const actual = describe(encoding, bom);
        if (encoding.startsWith('utf-16')) {
          // Setup reads the declaration and never completes (ChrisTitusTech/winutil#1724; StefanScherer/packer-windows
          // converted such a file back). With a BOM, declaring utf-16 makes the file consistent as it is.
          if (label?.startsWith('utf-16')) return;
          ctx.report('contradicts', range, { actual, declared, expected: 'utf-16' }, bom ? { fix: replace('utf-16') } : {});
        } else if (label?.startsWith('utf-16')) {
          // Bytes that decoded as UTF-8: MSXML and .NET refuse to "switch" to UTF-16 without its byte shape.
          ctx.report('contradicts', range, { actual, declared, expected: 'utf-8' }, { fix: replace('utf-8') });
        }
        // Another single-byte encoding is legacy-encoding's warning.
      },
    };
  },
});
