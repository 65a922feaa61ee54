// wcm-namespace: wcm bound to another URI than the WMIConfig one, so wcm:action and wcm:keyValue are not the documented attributes.
import { defineRule } from '../src/engine/rule.js';
import { WCM_NS, type AttributeNode, type ElementNode } from '../src/parser/events.js';
import type { Fix } from '../src/types.js';
import { declarationOf } from './_helpers/namespaces.js';

export default defineRule({
  meta: {
    id: 'wcm-namespace',
    summary: 'The wcm prefix is bound to http://schemas.microsoft.com/WMIConfig/2002/State',
    category: 'correctness',
    severity: 'warn',
    // Nothing to say of a plain setting element: its hooks hear only the envelope and what namespaces touch.
    plainElements: false,
    fixable: true,
    messages: {
      wrongUri: (d: { value: string }) =>
        `xmlns:wcm is bound to ${d.value}, so wcm:action and wcm:keyValue are not the attributes the reference documents; ` +
        `write xmlns:wcm="${WCM_NS}"`,
    },
  },
  create(ctx) {
    const judgedDecls = new Set<number>();
    function wrongWcm(node: ElementNode): void {
      const decl: AttributeNode | undefined = declarationOf(node, 'wcm');
      if (!decl || judgedDecls.has(decl.range.start)) return;
      judgedDecls.add(decl.range.start);
      if (decl.value === WCM_NS) return;
      // Pasted variants (https://, other case, white space or trailing words from a web page) clearly meant the WCM URI.
      const meant = decl.value.toLowerCase().includes('schemas.microsoft.com/wmiconfig/2002/state');
      const fix: Fix | undefined = meant ? { range: [decl.valueRange.start, decl.valueRange.end], text: WCM_NS } : undefined;
      // A warning: no failure is known; build templates in use bind https://… or "…/State Jump "
      // (jborean93/packer-windoze, MikeShepard/MyLab), and files without wcm:action work (list-item-action).
      ctx.report('wrongUri', decl.valueRange, { value: ctx.quote(decl.value, decl.valueRange) }, fix ? { fix } : {});
    }

    // The parser trims a namespace declaration, so the URI it resolves can be the WCM one when the declaration, as
    // written, has white space around it: namespace names are compared as written (Namespaces in XML 1.0 §2.3). Such a
    // declaration is looked for where wcm is declared (the root, a settings block, a component, whose attributes are
    // read anyway), so that the uses of a WCM URI resolved as expected are judged only in a file that has one.
    let spaced = false;
    const declaresOtherWcm = (node: ElementNode): boolean => node.attributes.some((a) => a.prefix === 'xmlns' && a.local === 'wcm' && a.value !== WCM_NS);
    const uses = (prefix: string, uri: string): boolean => prefix === 'wcm' && uri !== '' && (uri !== WCM_NS || spaced);
    return {
      onElement(node) {
        if (!spaced && node.role !== 'setting' && node.role !== 'foreign') spaced = declaresOtherWcm(node);
        if (uses(node.prefix, node.uri) || (node.wcmAttributeUri !== undefined && uses('wcm', node.wcmAttributeUri))) wrongWcm(node);
      },
    };
  },
});
