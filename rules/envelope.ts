// envelope: Setup only reads settings that sit in <unattend>/<settings>/<component> in the answer-file namespace.
import { defineRule } from '../src/engine/rule.js';
import { UNATTEND_NS, type ElementNode } from '../src/parser/events.js';
import { declarationOf } from './_helpers/namespaces.js';

type Name = { name: string };

export default defineRule({
  meta: {
    id: 'envelope',
    summary: 'The answer-file envelope: an unattend root holding settings blocks of component elements, all in the answer-file namespace',
    category: 'correctness',
    severity: 'error',
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
      unexpectedInRoot: (d: Name) =>
        `<${d.name}> is not an answer-file element; ` +
        'expected <settings>, <servicing>, or an element in its own namespace (give it an xmlns)',
      unexpectedInSettings: (d: Name) =>
        `<${d.name}> directly under <settings> is not in a component and is never applied; move it into its <component>`,
      leftNamespace: (d: Name & { emptyXmlns: boolean }) =>
        `<${d.name}> is in no namespace${d.emptyXmlns ? ' because of xmlns=""' : ''}; ` +
        `it must be in "${UNATTEND_NS}" (WSIM rejects it and Setup may skip it)`,
      foreignSetting: (d: Name & { uri: string; component: string }) =>
        `<${d.name}> in component "${d.component}" is in namespace "${d.uri}"; ` +
        'settings must be in the answer-file namespace, remove its xmlns',
    },
  },
  create(ctx) {
    let skip = false;

    // Only the topmost element that leaves the namespace is reported; its content follows it out.
    function leftNamespace(node: ElementNode): boolean {
      if (node.uri !== '' || node.prefix !== '' || node.parent?.uri !== UNATTEND_NS) return false;
      const decl = node.attributes.find((a) => a.qname === 'xmlns');
      const data = { name: node.qname, emptyXmlns: !!decl };
      ctx.report('leftNamespace', decl?.range ?? node.nameRange, data, { severity: 'warn' });
      return true;
    }

    function other(node: ElementNode, parent: ElementNode): void {
      if (parent.role === 'settings') {
        ctx.report('unexpectedInSettings', node.nameRange, { name: node.qname });
      } else if (node.local === 'component') {
        const name = node.attributes.find((a) => a.qname === 'name')?.value ?? '';
        ctx.report('componentOutsideSettings', node.nameRange, { name });
      } else {
        // A case slip in an envelope name loses the whole block; unknown data (e.g. a generator's
        // <Extensions>) is only rejected by WSIM: Setup ignores it (memstechtips/UnattendedWinstall#261).
        const envelope = ['settings', 'servicing', 'component'].find((n) => n === node.local.toLowerCase());
        if (envelope) ctx.report('misspelled', node.nameRange, { name: node.qname, envelope });
        else ctx.report('unexpectedInRoot', node.nameRange, { name: node.qname }, { severity: 'warn' });
      }
    }

    return {
      onElement(node) {
        if (skip) return;
        const parent = node.parent;
        if (!parent) {
          if (node.local !== 'unattend') {
            ctx.report('notAnswerFile', node.nameRange, { name: node.qname });
            skip = true;
          } else if (node.uri !== UNATTEND_NS && !(node.prefix && node.uri === '')) {
            const decl = declarationOf(node, node.prefix);
            ctx.report('rootNamespace', decl?.valueRange ?? node.nameRange, { uri: node.uri });
          }
          return;
        }
        // An undeclared prefix is namespace-declaration's finding.
        if (node.prefix && node.uri === '') return;
        if (node.role === 'foreign') {
          if ((parent.role === 'component' || parent.role === 'setting') && node.component) {
            const data = { name: node.qname, uri: node.uri, component: node.component.identity.name };
            ctx.report('foreignSetting', node.nameRange, data, { severity: 'warn' });
          }
          return;
        }
        if (leftNamespace(node)) return;
        if (node.role === 'other' && (parent.role === 'root' || parent.role === 'settings')) other(node, parent);
      },
    };
  },
});
