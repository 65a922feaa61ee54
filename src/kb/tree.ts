// The knowledge base as an interned tree, built once per process: O(1) child lookup, a key per record, list kinds.
import type { ComponentName, SettingKey } from './setting-keys.js';
import type { ComponentRecord, SettingRecord } from './types.js';

/** What a list item is keyed by, from the generated data (microsoft-windows-*-…-key/-identifier/-order pages). */
export interface ListItemInfo {
  /** The child element holding the key (Order, Identifier, Name, DiskID…); absent when the wcm:keyValue attribute keys it. */
  keyElement?: string;
  /** Items are told apart by wcm:keyValue (Microsoft's examples write it). */
  byKeyValue: boolean;
  /** The largest Order the item's Order page allows (500 for commands); undefined when unbounded or not ordered. */
  orderMax?: number;
}

interface Children {
  /** Child by exact name. */
  child(name: string): SettingNode | undefined;
  /** Child by name in any letter case (a case slip resolves to the documented spelling). */
  childIgnoringCase(name: string): SettingNode | undefined;
  /** Documented child names, sorted. */
  readonly childNames: readonly string[];
}

export interface ComponentEntry extends Children {
  readonly kind: 'component';
  readonly name: ComponentName;
  readonly record: ComponentRecord;
  /** The knowledge base describes its settings (false for removed components and names without pages). */
  readonly described: boolean;
}

export interface SettingNode extends Children {
  readonly kind: 'setting';
  /** Dense index, 0…n-1, for tables indexed by setting. */
  readonly id: number;
  /** "Component/Path/To/Setting". */
  readonly key: SettingKey;
  /** The element name. */
  readonly name: string;
  readonly record: SettingRecord;
  readonly component: ComponentEntry;
  /** The enclosing setting; undefined at the component's top level. */
  readonly parent: SettingNode | undefined;
  /** For list items: what keys them. */
  readonly listItem?: ListItemInfo;
}

export interface KbTree {
  component(name: string): ComponentEntry | undefined;
  componentIgnoringCase(name: string): ComponentEntry | undefined;
  /** A setting by its key; undefined for a key the knowledge base does not have. */
  setting(key: string): SettingNode | undefined;
  /** Every setting node, indexed by id. */
  readonly settings: readonly SettingNode[];
}

export interface TreeSource {
  componentNames: readonly string[];
  component(name: string): ComponentRecord;
  /** Setting keys below a component ("A/B/C"), in any order. */
  settingKeys(component: string): readonly string[];
  setting(component: string, path: readonly string[]): SettingRecord;
  /** Other spellings of a component name (aliases), matched without regard to case. */
  aliases(component: string): readonly string[];
}

function children(): Children & { add(node: SettingNode): void; seal(): void } {
  const exact = new Map<string, SettingNode>();
  const lower = new Map<string, SettingNode>();
  let names: string[] = [];
  return {
    child: (name) => exact.get(name),
    childIgnoringCase: (name) => exact.get(name) ?? lower.get(name.toLowerCase()),
    get childNames() {
      return names;
    },
    add(node) {
      exact.set(node.name, node);
      if (!lower.has(node.name.toLowerCase())) lower.set(node.name.toLowerCase(), node);
    },
    seal() {
      names = Object.freeze([...exact.keys()].sort()) as string[];
    },
  };
}

export function buildTree(src: TreeSource): KbTree {
  const components = new Map<string, ComponentEntry>();
  const lowerComponents = new Map<string, ComponentEntry>();
  const byKey = new Map<string, SettingNode>();
  const settings: SettingNode[] = [];
  const sealers: (() => void)[] = [];
  const adders = new Map<string, { add(node: SettingNode): void }>();
  for (const name of src.componentNames) {
    const kids = children();
    const record = src.component(name);
    const keys = [...src.settingKeys(name)].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
    const entry: ComponentEntry = Object.assign(kids, {
      kind: 'component' as const,
      name: name as ComponentName,
      record,
      described: !record.removed && keys.length > 0,
    });
    components.set(name, entry);
    sealers.push(kids.seal);
    for (const key of keys) {
      const path = key.split('/');
      const parentKey = `${name}/${path.slice(0, -1).join('/')}`;
      const parent = path.length > 1 ? byKey.get(parentKey) : undefined;
      const own = children();
      const record = src.setting(name, path);
      const node: SettingNode = Object.assign(own, {
        kind: 'setting' as const,
        id: settings.length,
        key: `${name}/${key}` as SettingKey,
        name: path[path.length - 1]!,
        record,
        component: entry,
        parent,
      });
      settings.push(node);
      byKey.set(node.key, node);
      (parent ? adders.get(parentKey)! : kids).add(node);
      adders.set(node.key, own);
      sealers.push(own.seal);
    }
  }
  for (const seal of sealers) seal();
  for (const node of settings) if (node.record.kind === 'listItem') (node as { listItem?: ListItemInfo }).listItem = listItemInfo(node);
  for (const entry of components.values()) {
    lowerComponents.set(entry.name.toLowerCase(), entry);
  }
  for (const entry of components.values()) {
    for (const alias of src.aliases(entry.name)) if (!lowerComponents.has(alias.toLowerCase())) lowerComponents.set(alias.toLowerCase(), entry);
  }
  return {
    component: (name) => components.get(name),
    componentIgnoringCase: (name) => components.get(name) ?? lowerComponents.get(name.toLowerCase()),
    setting: (key) => byKey.get(key),
    settings,
  };
}

function listItemInfo(node: SettingNode): ListItemInfo {
  const r = node.record;
  const info: ListItemInfo = { byKeyValue: !!r.keyedByKeyValue };
  // A keyValue-keyed item's "Key" is the attribute, not a child element (…-dnsserversearchorder-ipaddress-key).
  if (r.keyElement && !(r.keyedByKeyValue && !node.child(r.keyElement))) info.keyElement = r.keyElement;
  if (info.keyElement === 'Order') {
    const order = node.child('Order')?.record.value;
    if (order?.type === 'integer' && order.max !== undefined) info.orderMax = order.max;
  }
  return info;
}
