// The answer-file envelope walk shared by envelope (what Setup never applies) and foreign-element (what WSIM rejects).
import type { Visitor } from '../../src/engine/rule.js';
import type { Range } from '../../src/types.js';
import { UNATTEND_NS, type ElementNode } from '../../src/parser/events.js';
import { declarationOf } from './namespaces.js';

/** Findings of the walk: the first five are envelope's, the last three foreign-element's. */
export type EnvelopeFinding =
  | { id: 'notAnswerFile' | 'componentOutsideSettings' | 'unexpectedInSettings' | 'unexpectedInRoot'; range: Range; data: { name: string } }
  | { id: 'rootNamespace'; range: Range; data: { uri: string } }
  | { id: 'misspelled'; range: Range; data: { name: string; envelope: string } }
  | { id: 'leftNamespace'; range: Range; data: { name: string; emptyXmlns: boolean } }
  | { id: 'foreignSetting'; range: Range; data: { name: string; uri: string; component: string } };

export const FOREIGN_FINDINGS: ReadonlySet<EnvelopeFinding['id']> = new Set(['leftNamespace', 'unexpectedInRoot', 'foreignSetting']);

export function envelopeVisitor(found: (f: EnvelopeFinding) => void): Visitor {
  let skip = false;

  // Only the topmost element that leaves the namespace is reported; its content follows it out.
  function leftNamespace(node: ElementNode): boolean {
    if (node.uri !== '' || node.prefix !== '' || node.parent?.uri !== UNATTEND_NS) return false;
    const decl = node.attributes.find((a) => a.qname === 'xmlns');
    found({ id: 'leftNamespace', range: decl?.range ?? node.nameRange, data: { name: node.qname, emptyXmlns: !!decl } });
    return true;
  }

  function other(node: ElementNode, parent: ElementNode): void {
    if (parent.role === 'settings') {
      found({ id: 'unexpectedInSettings', range: node.nameRange, data: { name: node.qname } });
    } else if (node.local === 'component') {
      const name = node.attributes.find((a) => a.qname === 'name')?.value ?? '';
      found({ id: 'componentOutsideSettings', range: node.nameRange, data: { name } });
    } else {
      // A case slip in an envelope name loses the whole block; unknown data (e.g. a generator's
      // <Extensions>) is only rejected by WSIM: Setup ignores it (memstechtips/UnattendedWinstall#261).
      const envelope = ['settings', 'servicing', 'component'].find((n) => n === node.local.toLowerCase());
      if (envelope) found({ id: 'misspelled', range: node.nameRange, data: { name: node.qname, envelope } });
      else found({ id: 'unexpectedInRoot', range: node.nameRange, data: { name: node.qname } });
    }
  }

  return {
    onElement(node) {
      if (skip) return;
      const parent = node.parent;
      if (!parent) {
        if (node.local !== 'unattend') {
          found({ id: 'notAnswerFile', range: node.nameRange, data: { name: node.qname } });
          skip = true;
        } else if (node.uri !== UNATTEND_NS && !(node.prefix && node.uri === '')) {
          const decl = declarationOf(node, node.prefix);
          found({ id: 'rootNamespace', range: decl?.valueRange ?? node.nameRange, data: { uri: node.uri } });
        } else if (node.uri === UNATTEND_NS) {
          // The parser trims a namespace declaration; namespace names are compared as written (Namespaces in XML
          // 1.0 §2.3), so "urn:schemas-microsoft-com:unattend " is another namespace.
          const decl = declarationOf(node, node.prefix);
          if (decl && decl.value !== UNATTEND_NS) found({ id: 'rootNamespace', range: decl.valueRange, data: { uri: decl.value } });
        }
        return;
      }
      // An undeclared prefix is namespace-declaration's finding.
      if (node.prefix && node.uri === '') return;
      if (node.role === 'foreign') {
        if ((parent.role === 'component' || parent.role === 'setting') && node.component) {
          found({ id: 'foreignSetting', range: node.nameRange, data: { name: node.qname, uri: node.uri, component: node.component.identity.name } });
        }
        return;
      }
      if (leftNamespace(node)) return;
      if (node.role === 'other' && (parent.role === 'root' || parent.role === 'settings')) other(node, parent);
    },
  };
}
