// envelope: Setup only reads settings that sit in <unattend>/<settings>/<component> in the answer-file namespace.
import { defineRule } from '../src/engine/rule.js';
import { UNATTEND_NS } from '../src/parser/events.js';
import { FOREIGN_FINDINGS, envelopeVisitor } from './_helpers/envelope-walk.js';

type Name = { name: string };

export default defineRule({
  meta: {
    id: 'envelope',
    summary: 'The answer-file envelope: an unattend root holding settings blocks of component elements, all in the answer-file namespace',
    category: 'correctness',
    severity: 'error',
    // Nothing to say of a plain setting element: its hooks hear only the envelope and what namespaces touch.
    plainElements: false,
    messages: {
      notAnswerFile: (d: Name) =>
        `root element <${d.name}> is not <unattend>; Windows Setup only reads files whose root is <unattend xmlns="${UNATTEND_NS}">`,
      rootNamespace: (d: { uri: string }) =>
        d.uri
          ? `<unattend> is in namespace "${d.uri}"; expected xmlns="${UNATTEND_NS}"`
          : `<unattend> is in no namespace; add xmlns="${UNATTEND_NS}"`,
      componentOutsideSettings: (d: Name) =>
        `<component name="${d.name}"> directly under <unattend> is never applied; move it into a <settings pass="…"> block`,
      misspelled: (d: Name & { envelope: string }) =>
        `<${d.name}> is not an answer-file element and its content is never applied; ` +
        `names are case-sensitive, write <${d.envelope}>`,
      unexpectedInSettings: (d: Name) =>
        `<${d.name}> directly under <settings> is not in a component and is never applied; move it into its <component>`,
    },
  },
  create(ctx) {
    return envelopeVisitor((f) => {
      if (!FOREIGN_FINDINGS.has(f.id)) ctx.report(f.id as 'notAnswerFile', f.range, f.data as never);
    });
  },
});
