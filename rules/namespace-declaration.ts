// namespace-declaration: a prefix without its declaration, or wcm bound to the wrong URI, hides wcm:action from Setup.
import { defineRule } from '../src/engine/rule.js';
import { WCM_NS, XSI_NS, type AttributeNode, type ElementNode } from '../src/parser/events.js';
import type { Fix, Range } from '../src/types.js';
import { declarationOf, RESERVED_PREFIXES } from './_helpers/namespaces.js';

/** Prefixes whose URI is fixed by convention in answer files (WSIM writes these declarations). */
const KNOWN: Readonly<Record<string, string>> = {
  wcm: WCM_NS,
  xsi: XSI_NS,
  cpi: 'urn:schemas-microsoft-com:cpi',
};

export default defineRule({
  meta: {
    id: 'namespace-declaration',
    summary: 'Every namespace prefix is declared, and wcm is bound to http://schemas.microsoft.com/WMIConfig/2002/State',
    category: 'correctness',
    severity: 'error',
    fixable: true,
    messages: {
      undeclared: (d: { prefix: string; add: string }) => `prefix "${d.prefix}" is used but never declared; ${d.add}`,
      wrongUri: (d: { value: string }) =>
        `xmlns:wcm is bound to "${d.value}", so wcm:action and wcm:keyValue are not the attributes the reference documents; ` +
        `write xmlns:wcm="${WCM_NS}"`,
    },
  },
  create(ctx) {
    let root: ElementNode | undefined;
    const undeclared = new Set<string>();
    const reportedDecls = new Set<number>();

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

    function wrongWcm(node: ElementNode): void {
      const decl: AttributeNode | undefined = declarationOf(node, 'wcm');
      if (!decl || reportedDecls.has(decl.range.start)) return;
      reportedDecls.add(decl.range.start);
      // Pasted variants (https://, other case, trailing words from a web page) clearly meant the WCM URI.
      const meant = decl.value.toLowerCase().includes('schemas.microsoft.com/wmiconfig/2002/state');
      const fix: Fix | undefined = meant ? { range: [decl.valueRange.start, decl.valueRange.end], text: WCM_NS } : undefined;
      // A warning: no failure is known; build templates in use bind https://… or "…/State Jump "
      // (jborean93/packer-windoze, MikeShepard/MyLab), and files without wcm:action work (list-item-action).
      ctx.report('wrongUri', decl.valueRange, { value: decl.value }, { severity: 'warn', ...(fix ? { fix } : {}) });
    }

    function use(node: ElementNode, prefix: string, uri: string, range: Range): void {
      if (!prefix || RESERVED_PREFIXES.has(prefix)) return;
      if (uri === '') undeclaredPrefix(prefix, range);
      else if (prefix === 'wcm' && uri !== WCM_NS) wrongWcm(node);
    }

    return {
      onElement(node) {
        root ??= node;
        use(node, node.prefix, node.uri, node.nameRange);
        for (const a of node.attributes) if (a.prefix !== 'xmlns') use(node, a.prefix, a.uri, a.range);
      },
    };
  },
});
