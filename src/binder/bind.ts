// The binder: each element inside a component bound once to its knowledge-base record, in the parser's streaming pass.
import type { ComponentNode, ElementNode, ValueNode } from '../parser/events.js';
import type { Range } from '../types.js';
import type { ComponentEntry, KbTree, SettingNode } from '../kb/tree.js';
import { isTemplated, isTemplatedValue } from './placeholders.js';

/**
 * exact: the documented element; case: the documented element written in other letter case (judged once, by
 * name-case; value rules check the value against the record it resolves to); unknown: not a child the knowledge
 * base documents there; unjudged: outside any component, in another namespace, or below something unknown, removed
 * or undescribed (no rule reports anything there, so findings never cascade).
 */
export type BindStatus = 'exact' | 'case' | 'unknown' | 'unjudged';

/** A list item (an element whose record is a list item) and its key, once the key is read. */
export interface ListItem {
  /** Numbered in document order within a file. */
  readonly id: number;
  readonly element: BoundElement;
  readonly node: SettingNode;
  /** wcm:keyValue, or the text of the key element (trimmed) when it has been read; undefined when absent. */
  key: string | undefined;
  /** Where the key is written: the attribute value or the key element's value. */
  keyRange: Range | undefined;
}

export interface Binding {
  readonly status: BindStatus;
  /** The record's node, for status exact or case of a setting element. */
  readonly setting: SettingNode | undefined;
  /** For a component element and everything in it: the component's entry, when known. */
  readonly component: ComponentEntry | undefined;
  /** The nearest enclosing list item, this element itself when it is one. */
  readonly item: ListItem | undefined;
  /** The element's value is a credential (from the knowledge base): never printed. */
  readonly secret: boolean;
  /** The element's value holds a template token (set when a bound leaf's value is read). */
  placeholder: boolean;
}

export type BoundElement = ElementNode<Binding>;
export type BoundValue = ValueNode<Binding>;
export type BoundComponent = ComponentNode<Binding>;

const constant = (status: BindStatus, secret = false): Binding =>
  Object.freeze({ status, setting: undefined, component: undefined, item: undefined, secret, placeholder: false });
const UNJUDGED = constant('unjudged');
const UNJUDGED_SECRET = constant('unjudged', true);
const UNKNOWN = constant('unknown');
const UNKNOWN_SECRET = constant('unknown', true);

// Elements the knowledge base cannot describe (unknown, or below something unknown) are still kept out of every
// output when their name says they hold a credential: a misspelt <Pasword> must not leak what it holds.
const SECRET_NAME = /password|productkey|accountdata/i;
const secretByName = (el: ElementNode): boolean =>
  SECRET_NAME.test(el.local) || ((el.local === 'Value' || el.local === 'Key') && !!el.parent && SECRET_NAME.test(el.parent.local));

const unjudgedAs = (node: ElementNode): Binding => (secretByName(node) ? UNJUDGED_SECRET : UNJUDGED);

export interface Binder {
  /** Binds an element when its start tag is read (its parent is already bound). */
  element(node: ElementNode): BoundElement;
  /** Marks a bound leaf's value (placeholder) and records a list item's key when its key element closes. */
  value(node: ValueNode<Binding>): void;
}

export function createBinder(tree: KbTree): Binder {
  let items = 0;

  const bindComponent = (node: ElementNode): Binding => {
    const name = (node.component?.identity.name ?? '').trim();
    if (!name || isTemplated(name)) return UNJUDGED;
    const exact = tree.component(name);
    const entry = exact ?? tree.componentIgnoringCase(name);
    if (!entry) return UNKNOWN;
    const caseOnly = !exact && entry.name.toLowerCase() === name.toLowerCase();
    return { status: caseOnly ? 'case' : 'exact', setting: undefined, component: entry, item: undefined, secret: false, placeholder: false };
  };

  const bindSetting = (node: ElementNode, parent: Binding): Binding => {
    // Unknown and unjudged bindings carry neither, so what is below them is not judged.
    const scope = parent.setting ?? parent.component;
    if (!scope) return unjudgedAs(node);
    const exact = scope.child(node.local);
    const setting = exact ?? scope.childIgnoringCase(node.local);
    // The knowledge base keeps what it knows of removed components and settings, but not all of it: what it does
    // not know there is not judged (only described components and settings have unknown children).
    const described = parent.setting ? !parent.setting.record.removed && !parent.setting.component.record.removed : parent.component!.described;
    if (!setting) return described ? (secretByName(node) ? UNKNOWN_SECRET : UNKNOWN) : unjudgedAs(node);
    const binding: { -readonly [K in keyof Binding]: Binding[K] } = {
      status: exact ? 'exact' : 'case',
      setting,
      component: setting.component,
      item: parent.item,
      // A container that holds a credential (AdministratorPassword, a LocalAccount's Password) given text instead
      // of its Value: the text is the password, misplaced, and is kept out of every output all the same.
      secret: !!setting.record.secret || (setting.record.kind === 'container' && SECRET_NAME.test(node.local)),
      placeholder: false,
    };
    if (setting.listItem) {
      const byKeyValue = setting.listItem.byKeyValue && node.keyValue !== undefined;
      const attr = byKeyValue ? node.attributes.find((a) => a.local === 'keyValue') : undefined;
      binding.item = {
        id: items++,
        element: node as BoundElement,
        node: setting,
        key: byKeyValue ? node.keyValue!.trim() : undefined,
        keyRange: attr?.valueRange,
      };
    }
    return binding;
  };

  return {
    element(node) {
      const parent = node.parent as BoundElement | null;
      let binding: Binding;
      if (node.role === 'component') binding = bindComponent(node);
      else if (node.role === 'setting' && parent) binding = bindSetting(node, parent.binding);
      // Outside components (misplaced content, other namespaces) a name that says password is still a secret.
      else binding = node.role === 'other' || node.role === 'foreign' ? (secretByName(node) ? UNJUDGED_SECRET : UNJUDGED) : UNJUDGED;
      node.binding = binding;
      return node as BoundElement;
    },
    value(v) {
      const b = v.element.binding;
      if (!b.setting) return;
      b.placeholder = isTemplatedValue(v.text, b.secret);
      const item = b.item;
      if (item && item.key === undefined && v.element.parent === item.element && item.node.listItem?.keyElement === b.setting.name) {
        item.key = v.text.trim();
        item.keyRange = v.range;
      }
    },
  };
}
