// Placed pages → setting records: kinds (container, list, list item, leaf), keys, passes, values.

import type { SettingData } from '../src/kb/data-format.js';
import { componentKey, type ComponentInfo } from './components.js';
import { PageError } from './markdown.js';
import type { PlacedPage } from './paths.js';

/** settings[componentName][path joined with "/"] */
export type SettingTable = Map<string, Map<string, SettingData>>;

/**
 * Key elements of list items, in the order WSIM uses them when a page does not say which child is
 * the unique key: Key, then Identifier, Order, DiskID, Name.
 */
const KEY_PREFERENCE = ['Key', 'Identifier', 'Order', 'DiskID', 'Name'];

export function buildSettings(placed: readonly PlacedPage[], components: ReadonlyMap<string, ComponentInfo>): SettingTable {
  const table: SettingTable = new Map();
  const byComponent = new Map<string, PlacedPage[]>();
  for (const p of placed) {
    const list = byComponent.get(p.component.name) ?? [];
    list.push(p);
    byComponent.set(p.component.name, list);
  }
  for (const component of components.values()) {
    const pages = byComponent.get(component.name) ?? [];
    table.set(component.name, buildComponentSettings(component, pages, placed));
  }
  return table;
}

function buildComponentSettings(component: ComponentInfo, pages: readonly PlacedPage[], all: readonly PlacedPage[]): Map<string, SettingData> {
  const records = new Map<string, SettingData>();
  const owner = new Map<string, PlacedPage>();
  for (const p of pages) {
    const key = p.path.join('/');
    const prior = owner.get(key);
    if (prior) throw new PageError(`${p.page.slug}.md`, `${component.name}/${key} is also defined by ${prior.page.slug}.md`);
    owner.set(key, p);
    const r: SettingData = { passes: p.page.passes ?? [], kind: 'leaf', page: p.page.slug };
    const v = p.page.values;
    if (v.value) r.value = v.value;
    if (v.emptyAllowed !== undefined) r.emptyAllowed = v.emptyAllowed;
    if (v.default !== undefined) r.default = v.default;
    if (p.page.deprecated) r.deprecated = { ...p.page.deprecated };
    if (p.page.removed) r.removed = { ...p.page.removed };
    records.set(key, r);
  }
  for (const key of records.keys()) {
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (!records.has(parent)) {
        throw new PageError(`${owner.get(key)!.page.slug}.md`, `parent ${component.name}/${parent} has no page`);
      }
    }
  }
  markListItems(component, records, all);
  assignKinds(records, owner);
  inferPasses(component, records);
  markSecrets(records);
  return records;
}

/**
 * Values that are credentials, which no output may print: passwords (…Password, and the Value of a Password
 * container: microsoft-windows-shell-setup-useraccounts-administratorpassword-value and its siblings), the
 * offline-join blob (microsoft-windows-unattendedjoin-identification-provisioning-accountdata), product keys
 * (microsoft-windows-shell-setup-productkey, microsoft-windows-setup-userdata-productkey-key) and SNMP
 * community names (microsoft-windows-snmp-agent-service-validcommunities-validcommunity-key).
 */
function markSecrets(records: Map<string, SettingData>): void {
  for (const [key, r] of records) {
    if (r.kind !== 'leaf') continue;
    const parts = key.split('/');
    const name = parts[parts.length - 1]!;
    const parent = parts[parts.length - 2] ?? '';
    const secret =
      /Password$/.test(name) ||
      ['AccountData', 'ProductKey', 'Community_Name'].includes(name) ||
      (name === 'Value' && /Password$/.test(parent)) ||
      (name === 'Key' && (parent === 'ProductKey' || parent === 'ValidCommunity'));
    if (secret) r.secret = true;
  }
}

/** List items: elements an XML example writes with wcm:action or wcm:keyValue, or twice under one parent. */
function markListItems(component: ComponentInfo, records: Map<string, SettingData>, all: readonly PlacedPage[]): void {
  const lowerKeys = new Map([...records.keys()].map((k) => [k.toLowerCase(), k]));
  for (const p of all) {
    for (const e of p.page.examples) {
      if (!e.action && !e.keyValue && !e.repeated) continue;
      if (componentKey(e.component ?? p.component.name) !== component.key) continue;
      const chain = [...e.ancestors, e.name].join('/').toLowerCase();
      const matches = [...lowerKeys.keys()].filter((k) => k === chain || k.endsWith(`/${chain}`));
      const own = p.path.join('/').toLowerCase();
      const best = matches.length > 1 ? matches.filter((k) => k.startsWith(own.split('/')[0]!)) : matches;
      if (best.length !== 1) continue;
      const r = records.get(lowerKeys.get(best[0]!)!)!;
      r.kind = 'listItem';
      if (e.keyValue) r.keyedByKeyValue = true;
    }
  }
}

function assignKinds(records: Map<string, SettingData>, owner: ReadonlyMap<string, PlacedPage>): void {
  const children = new Map<string, string[]>();
  for (const key of records.keys()) {
    const cut = key.lastIndexOf('/');
    if (cut < 0) continue;
    const parent = key.slice(0, cut);
    children.set(parent, [...(children.get(parent) ?? []), key.slice(cut + 1)]);
  }
  for (const [key, r] of records) {
    const kids = children.get(key) ?? [];
    const hasChildSection = (owner.get(key)?.page.children.length ?? 0) > 0;
    if (r.kind === 'listItem') {
      if (kids.length > 0) {
        const keyElement = chooseKey(key, kids, records, owner);
        if (keyElement) r.keyElement = keyElement;
      }
    } else if (kids.length > 0 && kids.every((k) => records.get(`${key}/${k}`)!.kind === 'listItem')) {
      r.kind = 'list';
    } else if (kids.length > 0 || hasChildSection) {
      r.kind = 'container';
    }
    if (r.kind !== 'leaf' && !(r.kind === 'listItem' && kids.length === 0)) {
      // Container pages often carry a copy-pasted "does not support empty elements" line. A list item keyed by
      // wcm:keyValue holds its value as text (its Key and Value pages describe the attribute and the text): what
      // its page says of empty values is about that text.
      if (!(r.kind === 'listItem' && r.keyedByKeyValue && kids.every((k) => k === 'Key' || k === 'Value'))) delete r.emptyAllowed;
      delete r.value;
      delete r.default;
    }
  }
}

/** The child whose page calls it unique, else the first of KEY_PREFERENCE present. */
function chooseKey(key: string, kids: readonly string[], records: ReadonlyMap<string, SettingData>, owner: ReadonlyMap<string, PlacedPage>): string | undefined {
  const leaves = kids.filter((k) => records.get(`${key}/${k}`)!.kind === 'leaf');
  const unique = leaves.filter((k) => owner.get(`${key}/${k}`)?.page.uniqueKey);
  const pick = (names: readonly string[]) => KEY_PREFERENCE.find((n) => names.includes(n)) ?? (names.length === 1 ? names[0] : undefined);
  return unique.length > 0 ? pick(unique) : KEY_PREFERENCE.find((n) => leaves.includes(n));
}

/** Settings whose page has no pass section take their nearest ancestor's passes, else the component's. */
function inferPasses(component: ComponentInfo, records: Map<string, SettingData>): void {
  const keys = [...records.keys()].sort((a, b) => a.split('/').length - b.split('/').length);
  for (const key of keys) {
    const r = records.get(key)!;
    if (r.passes.length > 0) continue;
    const cut = key.lastIndexOf('/');
    const parent = cut < 0 ? undefined : records.get(key.slice(0, cut));
    r.passes = parent && parent.passes.length > 0 ? [...parent.passes] : [...component.passes];
    r.passesInferred = true;
  }
}
