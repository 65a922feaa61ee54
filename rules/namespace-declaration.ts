// namespace-declaration: a prefix without its declaration makes the file not namespace-well-formed (WSIM rejects it).
import { defineRule } from '../src/engine/rule.js';
import { WCM_NS, XSI_NS, type ElementNode } from '../src/parser/events.js';
import type { Fix, Range } from '../src/types.js';
import { RESERVED_PREFIXES } from './_helpers/namespaces.js';

/** Prefixes whose URI is fixed by convention in answer files (WSIM writes these declarations). */
const KNOWN: Readonly<Record<string, string>> = {
  wcm: WCM_NS,
  xsi: XSI_NS,
  cpi: 'urn:schemas-microsoft-com:cpi',
};

export default defineRule({
  meta: {
    id: 'namespace-declaration',
    summary: 'Every namespace prefix is declared',
    category: 'correctness',
    severity: 'error',
    // Nothing to say of a plain setting element: its hooks hear only the envelope and what namespaces touch.
    plainElements: false,
    fixable: true,
    messages: {
      undeclared: (d: { prefix: string; add: string }) => `prefix "${d.prefix}" is used but never declared; ${d.add}`,
    },
  },
  create(ctx) {
    let root: ElementNode | undefined;
    const undeclared = new Set<string>();

    function undeclaredPrefix(prefix: string, range: Range): void {
      if (undeclared.has(prefix)) return;
      undeclared.add(prefix);
      const uri = Object.hasOwn(KNOWN, prefix) ? KNOWN[prefix] : undefined;
      const add = uri
        ? `add xmlns:${prefix}="${uri}" to <${root!.qname}>`
        : `declare it with xmlns:${prefix}="…" or remove it`;
      const at = root!.attributes.at(-1)?.range.end ?? root!.nameRange.end;
      const fix: Fix | undefined = uri ? { range: [at, at], text: ` xmlns:${prefix}="${uri}"` } : undefined;
      ctx.report('undeclared', range, { prefix, add }, fix ? { fix } : {});
    }

    const undeclaredUse = (prefix: string, uri: string): boolean => uri === '' && prefix !== '' && !RESERVED_PREFIXES.has(prefix);

    return {
      onElement(node) {
        root ??= node;
        if (undeclaredUse(node.prefix, node.uri)) undeclaredPrefix(node.prefix, node.nameRange);
        if (node.unboundAttributes) for (const a of node.attributes) if (a.prefix !== 'xmlns' && undeclaredUse(a.prefix, a.uri)) undeclaredPrefix(a.prefix, a.range);
      },
    };
  },
});
