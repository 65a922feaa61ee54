// list-item-action: list items say what Setup should do with them (wcm:action add, modify or remove).
import { defineRule } from '../src/engine/rule.js';
import { WCM_NS } from '../src/parser/events.js';
import type { Fix } from '../src/types.js';
import { isListItem, LIST_ACTIONS } from './_helpers/lists.js';
import { declarationOf } from './_helpers/namespaces.js';
import { sameIgnoringCase } from './_helpers/suggest.js';
import { isTemplated } from './_helpers/placeholders.js';

const VALID = LIST_ACTIONS.map((a) => `"${a}"`).join(', ');

export default defineRule({
  meta: {
    id: 'list-item-action',
    summary: 'List items carry wcm:action with the value add, modify or remove',
    category: 'correctness',
    severity: 'error',
    fixable: true,
    messages: {
      missing: (d: { name: string }) => `list item <${d.name}> has no wcm:action; add wcm:action="add"`,
      wrongCase: (d: { value: string; action: string }) =>
        `wcm:action "${d.value}" is not written as WSIM writes it; write "${d.action}"`,
      invalid: (d: { value: string }) => `wcm:action "${d.value}" is not a list action; expected ${VALID}`,
    },
  },
  create(ctx) {
    return {
      onElement(node) {
        if (node.role !== 'setting' || !isListItem(node)) return;
        const attr = node.attributes.find((a) => a.local === 'action' && (a.prefix === 'wcm' || a.uri === WCM_NS));
        if (!attr) {
          // Real files without it are reported to work (clalancette/oz#268), but WSIM always writes it.
          const wcmDeclared = declarationOf(node, 'wcm')?.value === WCM_NS;
          const at = node.attributes.at(-1)?.range.end ?? node.nameRange.end;
          const fix: Fix | undefined = wcmDeclared ? { range: [at, at], text: ' wcm:action="add"' } : undefined;
          ctx.report('missing', node.nameRange, { name: node.qname }, { severity: 'warn', ...(fix ? { fix } : {}) });
          return;
        }
        const value = attr.value;
        if ((LIST_ACTIONS as readonly string[]).includes(value) || isTemplated(value)) return;
        const action = sameIgnoringCase(value, LIST_ACTIONS);
        if (action) {
          const fix: Fix = { range: [attr.valueRange.start, attr.valueRange.end], text: action };
          ctx.report('wrongCase', attr.valueRange, { value, action }, { severity: 'warn', fix });
        } else {
          ctx.report('invalid', attr.valueRange, { value });
        }
      },
    };
  },
});
