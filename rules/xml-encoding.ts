// xml-encoding: the XML declaration must agree with the bytes; Setup fails on a UTF-16 file that says utf-8.
import { defineRule } from '../src/engine/rule.js';
import type { Fix } from '../src/types.js';

/** The WHATWG name of an encoding label ("UTF8" → "utf-8", "utf-16" → "utf-16le"), undefined if unknown. */
function canonical(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

function describe(encoding: string, bom: boolean): string {
  const name = encoding.toUpperCase();
  return bom ? `${name} with a byte order mark` : name;
}

export default defineRule({
  meta: {
    id: 'xml-encoding',
    summary: 'The XML declaration names the encoding the file is really saved in, and that encoding is UTF-8 or UTF-16',
    category: 'correctness',
    severity: 'error',
    fixable: true,
    messages: {
      contradicts: (d: { actual: string; declared: string; expected: string }) =>
        `the file is ${d.actual} but its XML declaration says encoding="${d.declared}"; ` +
        `declare encoding="${d.expected}" or re-save the file`,
      unsupported: (d: { declared: string }) =>
        `encoding "${d.declared}" is not UTF-8 or UTF-16, which Windows Setup expects; ` +
        'save the file as UTF-8 and declare encoding="utf-8"',
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
        } else if (label !== 'utf-8') {
          // Pure ASCII text is the same bytes in UTF-8, so only then is renaming the encoding a safe fix.
          const ascii = !/[^\x00-\x7f]/.test(ctx.text);
          ctx.report('unsupported', range, { declared }, { severity: 'warn', ...(ascii ? { fix: replace('utf-8') } : {}) });
        }
      },
    };
  },
});
