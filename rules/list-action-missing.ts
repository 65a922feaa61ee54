// list-action-missing: list items without wcm:action work in practice, but WSIM rejects them and the behaviour is undocumented.
import { defineRule } from '../src/engine/rule.js';
import { listItem } from './_helpers/subscriptions.js';
import { WCM_NS } from '../src/parser/events.js';
import type { Fix } from '../src/types.js';
import { actionAttribute } from './_helpers/lists.js';
import { declarationOf } from './_helpers/namespaces.js';

export default defineRule({
  meta: {
    id: 'list-action-missing',
    summary: 'List items carry wcm:action, as every example of the reference and WSIM write it',
    category: 'correctness',
    severity: 'warn',
    settings: listItem,
    fixable: true,
    messages: {
      missing: (d: { name: string }) => `list item <${d.name}> has no wcm:action; add wcm:action="add"`,
      miscased: (d: { written: string; name: string }) =>
        `${d.written} on <${d.name}> is not wcm:action: attribute names are case-sensitive, so the item has no action; write wcm:action`,
    },
  },
  create(ctx) {
    return {
      onElement(node) {
        if (!node.binding.setting?.listItem || node.action !== undefined || actionAttribute(node)) return;
        // wcm:Action, wcm:ACTION: the configuration engine reads only the name as written in its schema.
        const slip = node.attributes.find((a) => a.local !== 'action' && a.local.toLowerCase() === 'action' && (a.prefix === 'wcm' || a.uri === WCM_NS));
        if (slip) {
          const local = slip.range.start + slip.qname.length - slip.local.length;
          ctx.report('miscased', slip.range, { written: slip.qname, name: node.qname }, { fix: { range: [local, local + slip.local.length], text: 'action' } });
          return;
        }
        // Real files without it are reported to work (clalancette/oz#268), but WSIM always writes it.
        const wcmDeclared = declarationOf(node, 'wcm')?.value === WCM_NS;
        const at = node.attributes.at(-1)?.range.end ?? node.nameRange.end;
        const fix: Fix | undefined = wcmDeclared ? { range: [at, at], text: ' wcm:action="add"' } : undefined;
        ctx.report('missing', node.nameRange, { name: node.qname }, fix ? { fix } : {});
      },
    };
  },
});
