// Component identity: one canonical, Microsoft-cased name per component from pages, examples and Component.json.

import type { PageRecord } from './parse-page.js';
import { PageError } from './markdown.js';

/** One row of schneegans/Component.json. */
export interface ComponentJsonEntry {
  Id: string;
  Passes: string[];
}

export interface ComponentInfo {
  name: string;
  key: string;
  aliases: string[];
  pages: string[];
  /** Passes from the component's own page (rare) and Component.json. */
  passes: string[];
}

/**
 * Matching key for a component name: case-insensitive, with the docs' damage undone — trailing
 * hyphens (`microsoft-windows-setup-`, `…-winpe--`) and a stray space (`WDF-Kernel Library`).
 */
export function componentKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '').replace(/-+$/, '');
}

/** A spelling Microsoft would write: no trailing hyphen or space, and not lower-cased wholesale. */
export function isProperComponentName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$/.test(name) && /[A-Z]/.test(name);
}

/**
 * Builds the component table. The canonical spelling is the first proper one of: the component
 * page's title, a `<component name="…">` in an XML example, the hierarchy link text most pages
 * use, Component.json. The other spellings are kept as aliases.
 */
export function buildComponents(pages: readonly PageRecord[], json: readonly ComponentJsonEntry[]): Map<string, ComponentInfo> {
  const spellings = new Map<string, { title: string[]; example: string[]; link: string[]; json: string[] }>();
  const info = new Map<string, ComponentInfo>();
  const slot = (name: string) => {
    const key = componentKey(name);
    let s = spellings.get(key);
    if (!s) spellings.set(key, (s = { title: [], example: [], link: [], json: [] }));
    let i = info.get(key);
    if (!i) info.set(key, (i = { name: '', key, aliases: [], pages: [], passes: [] }));
    return { s, i };
  };
  for (const page of pages) {
    if (page.type !== 'component') continue;
    const { s, i } = slot(page.name);
    s.title.push(page.name);
    i.pages.push(page.slug);
    for (const p of page.passes ?? []) if (!i.passes.includes(p)) i.passes.push(p);
  }
  for (const entry of json) {
    const { s, i } = slot(entry.Id);
    s.json.push(entry.Id);
    for (const p of entry.Passes) if (!i.passes.includes(p)) i.passes.push(p);
  }
  for (const page of pages) {
    for (const e of page.examples) {
      if (e.component && spellings.has(componentKey(e.component))) spellings.get(componentKey(e.component))!.example.push(e.component);
    }
    if (page.type === 'setting') {
      const first = page.hierarchy[0]!.text;
      if (spellings.has(componentKey(first))) spellings.get(componentKey(first))!.link.push(first);
    }
  }
  for (const [key, s] of spellings) {
    const i = info.get(key)!;
    const ranked = [...s.title, ...mostCommonFirst(s.example), ...mostCommonFirst(s.link), ...s.json];
    const name = ranked.find(isProperComponentName);
    if (!name) throw new PageError(i.pages[0] ?? 'Component.json', `no proper spelling for component ${JSON.stringify(key)}`);
    i.name = name;
    i.aliases = [...new Set(ranked.filter((n) => n !== name && isProperComponentName(n)))].sort();
  }
  return info;
}

function mostCommonFirst(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n);
}
