// foreign-element: elements outside the answer-file namespace where WSIM rejects them and Setup may skip them.
import { defineRule } from '../src/engine/rule.js';
import { UNATTEND_NS } from '../src/parser/events.js';
import { FOREIGN_FINDINGS, envelopeVisitor } from './_helpers/envelope-walk.js';

type Name = { name: string };

export default defineRule({
  meta: {
    id: 'foreign-element',
    summary: 'Settings stay in the answer-file namespace, and other data sits under <unattend> in its own namespace',
    category: 'correctness',
    severity: 'warn',
    // Nothing to say of a plain setting element: its hooks hear only the envelope and what namespaces touch.
    plainElements: false,
    messages: {
      unexpectedInRoot: (d: Name) =>
        `<${d.name}> is not an answer-file element; ` +
        'expected <settings>, <servicing>, or an element in its own namespace (give it an xmlns)',
      leftNamespace: (d: Name & { emptyXmlns: boolean }) =>
        `<${d.name}> is in no namespace${d.emptyXmlns ? ' because of xmlns=""' : ''}; ` +
        `it must be in "${UNATTEND_NS}" (WSIM rejects it and Setup may skip it)`,
      foreignSetting: (d: Name & { uri: string; component: string }) =>
        `<${d.name}> in component "${d.component}" is in namespace "${d.uri}"; ` +
        'settings must be in the answer-file namespace, remove its xmlns',
    },
  },
  create(ctx) {
    return envelopeVisitor((f) => {
      if (FOREIGN_FINDINGS.has(f.id)) ctx.report(f.id as 'leftNamespace', f.range, f.data as never);
    });
  },
});
