// Namespace bindings as written in the file: which xmlns attribute is in force for a prefix at an element.
import type { AttributeNode, ElementNode } from '../../src/parser/events.js';

/** The xmlns:prefix (or default xmlns for '') attribute nearest to `node`, walking up its ancestors. */
export function declarationOf(node: ElementNode, prefix: string): AttributeNode | undefined {
  for (let n: ElementNode | null = node; n; n = n.parent) {
    const decl = n.attributes.find((a) => (prefix ? a.prefix === 'xmlns' && a.local === prefix : a.qname === 'xmlns'));
    if (decl) return decl;
  }
  return undefined;
}

/** Prefixes that never need a declaration (XML 1.0 Namespaces §3). */
export const RESERVED_PREFIXES: ReadonlySet<string> = new Set(['xml', 'xmlns']);
