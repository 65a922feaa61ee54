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
  /** A setting's id by its key, without making its node; undefined for a key the knowledge base does not have. */
  idOf(key: string): number | undefined;
  /** A setting node by id. */
  settingById(id: number): SettingNode | undefined;
  /** How many settings there are: ids are 0…settingCount-1. */
  readonly settingCount: number;
  /**
   * Every setting node, indexed by id. A component's setting nodes are made when something below it is first asked
   * for (a file names a few components of the knowledge base); reading this makes them all.
   */
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

const NO_NAMES: readonly string[] = Object.freeze([]);

/**
 * A node's children. Built for every node of the knowledge base at start-up, so it does the least it can then: the
 * maps are made for nodes that have children, the case-folded map and the sorted names on first use.
 */
class ChildScope implements Children {
  #exact: Map<string, SettingNode> | undefined;
  #lower: Map<string, SettingNode> | undefined;
  #names: readonly string[] | undefined;

  child(name: string): SettingNode | undefined {
    return this.#exact?.get(name);
  }

  childIgnoringCase(name: string): SettingNode | undefined {
    const exact = this.#exact;
    if (!exact) return undefined;
    const found = exact.get(name);
    if (found) return found;
    if (!this.#lower) {
      // The first child added wins a name that only case tells apart.
      this.#lower = new Map();
      for (const [key, node] of exact) if (!this.#lower.has(key.toLowerCase())) this.#lower.set(key.toLowerCase(), node);
    }
    return this.#lower.get(name.toLowerCase());
  }

  get childNames(): readonly string[] {
    return (this.#names ??= this.#exact ? Object.freeze([...this.#exact.keys()].sort()) : NO_NAMES);
  }

  add(node: SettingNode): void {
    (this.#exact ??= new Map()).set(node.name, node);
  }
}

/** Setting keys of one component ("A/B/C"), parents before children: by depth, then by the keys' code unit order. */
function byDepth(keys: readonly string[]): string[] {
  const levels: string[][] = [];
  // sort() without a comparator orders strings by code units.
  for (const key of [...keys].sort()) {
    let depth = 0;
    for (let i = key.indexOf('/'); i >= 0; i = key.indexOf('/', i + 1)) depth++;
    (levels[depth] ??= []).push(key);
  }
  return levels.flatMap((level) => level ?? []);
}

/**
 * A component. Its setting nodes are made the first time anything below it is asked for: a file names a few of the
 * knowledge base's components, and making all 1,100-odd settings took a start-up longer than linting a small file.
 */
class Component extends ChildScope implements ComponentEntry {
  readonly kind = 'component';
  #fill: ((entry: Component) => void) | undefined;
  constructor(
    readonly name: ComponentName,
    readonly record: ComponentRecord,
    readonly described: boolean,
    fill: (entry: Component) => void,
  ) {
    super();
    this.#fill = fill;
  }

  /** Makes the settings below it, once. */
  fill(): void {
    const fill = this.#fill;
    if (!fill) return;
    this.#fill = undefined;
    fill(this);
  }

  override child(name: string): SettingNode | undefined {
    this.fill();
    return super.child(name);
  }

  override childIgnoringCase(name: string): SettingNode | undefined {
    this.fill();
    return super.childIgnoringCase(name);
  }

  override get childNames(): readonly string[] {
    this.fill();
    return super.childNames;
  }
}

class Setting extends ChildScope implements SettingNode {
  readonly kind = 'setting';
  declare listItem?: ListItemInfo;
  constructor(
    readonly id: number,
    readonly key: SettingKey,
    readonly name: string,
    readonly record: SettingRecord,
    readonly component: ComponentEntry,
    readonly parent: SettingNode | undefined,
  ) {
    super();
  }
}

export function buildTree(src: TreeSource): KbTree {
  const components = new Map<string, Component>();
  const lowerComponents = new Map<string, Component>();
  // Every setting's id and key are known from the start (ids dense, component by component in name order, parents
  // before children); its node is made with its component's.
  const idByKey = new Map<string, number>();
  const keyOf: string[] = [];
  const componentOf: Component[] = [];
  const firstId = new Map<Component, number>();
  const settings: Setting[] = [];
  const fill = (entry: Component): void => {
    const name = entry.name;
    const made: Setting[] = [];
    for (let id = firstId.get(entry)!; componentOf[id] === entry; id++) {
      const key = keyOf[id]!;
      const path = key.slice(name.length + 1).split('/');
      // Parents come first, in the same component: made already.
      const parent = path.length > 1 ? settings[idByKey.get(key.slice(0, key.lastIndexOf('/')))!] : undefined;
      const node = new Setting(id, key as SettingKey, path[path.length - 1]!, src.setting(name, path), entry, parent);
      settings[id] = node;
      made.push(node);
      (parent ?? entry).add(node);
    }
    for (const node of made) if (node.record.kind === 'listItem') node.listItem = listItemInfo(node);
  };
  for (const name of src.componentNames) {
    const record = src.component(name);
    const keys = byDepth(src.settingKeys(name));
    const entry = new Component(name as ComponentName, record, !record.removed && keys.length > 0, fill);
    components.set(name, entry);
    firstId.set(entry, keyOf.length);
    for (const key of keys) {
      const full = `${name}/${key}`;
      idByKey.set(full, keyOf.length);
      keyOf.push(full);
      componentOf.push(entry);
    }
  }
  for (const entry of components.values()) {
    lowerComponents.set(entry.name.toLowerCase(), entry);
  }
  for (const entry of components.values()) {
    for (const alias of src.aliases(entry.name)) if (!lowerComponents.has(alias.toLowerCase())) lowerComponents.set(alias.toLowerCase(), entry);
  }
  const settingById = (id: number): SettingNode | undefined => {
    if (!settings[id]) componentOf[id]?.fill();
    return settings[id];
  };
  return {
    component: (name) => components.get(name),
    componentIgnoringCase: (name) => components.get(name) ?? lowerComponents.get(name.toLowerCase()),
    setting: (key) => {
      const id = idByKey.get(key);
      return id === undefined ? undefined : settingById(id);
    },
    idOf: (key) => idByKey.get(key),
    settingById,
    settingCount: keyOf.length,
    get settings(): readonly SettingNode[] {
      for (const entry of components.values()) entry.fill();
      return settings;
    },
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
