// List items (the binder knows them from the generated knowledge base) and their wcm:action attribute.
import { WCM_NS, type AttributeNode, type ElementNode } from '../../src/parser/events.js';

export const LIST_ACTIONS = ['add', 'modify', 'remove'] as const;

/** A wcm:action (as written) that removes its item: the item names what it removes by its key, and configures nothing. */
export const removes = (action: string | undefined): boolean => action?.trim().toLowerCase() === 'remove';

/** The element's wcm:action attribute, if any. */
export function actionAttribute(node: ElementNode): AttributeNode | undefined {
  return node.attributes.find((a) => a.local === 'action' && (a.prefix === 'wcm' || a.uri === WCM_NS));
}
