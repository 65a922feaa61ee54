// Applies deprecations and removals (changed-settings pages, page notes) to the component and setting tables.

import type { ComponentData, DeprecationData, RemovalData, SettingData } from '../src/kb/data-format.js';
import { componentKey } from './components.js';
import type { ChangeEntry } from './parse-changes.js';
import type { PageRecord } from './parse-page.js';
import { RELEASES } from './releases.js';
import type { SettingTable } from './settings.js';

export interface Tables {
  components: Map<string, ComponentData>;
  settings: SettingTable;
  /** Page slug → where it was placed. */
  placement: Map<string, { component: string; path: string[] }>;
}

const order = (id: string | undefined) => (id === undefined ? Infinity : RELEASES.findIndex((r) => r.id === id));

/** Keeps the earliest release; fills a missing replacement or note from the later source. */
export function mergeDeprecation(prior: DeprecationData | undefined, next: DeprecationData): DeprecationData {
  if (!prior) return { ...next };
  const [first, second] = order(next.since) < order(prior.since) ? [next, prior] : [prior, next];
  const merged: DeprecationData = { ...second, ...first };
  if (!merged.replacement && second.replacement) merged.replacement = second.replacement;
  return merged;
}

export function mergeRemoval(prior: RemovalData | undefined, next: RemovalData): RemovalData {
  if (!prior) return { ...next };
  return order(next.since) < order(prior.since) ? { ...next } : prior;
}

/** Page notes of component pages ("This component is removed from Unattend in Windows 10, version 1803"). */
export function applyComponentNotes(tables: Tables, pages: readonly PageRecord[], nameOf: (page: PageRecord) => string): void {
  for (const page of pages) {
    if (page.type !== 'component') continue;
    const c = tables.components.get(nameOf(page))!;
    if (page.deprecated) c.deprecated = mergeDeprecation(c.deprecated, page.deprecated);
    if (page.removed) c.removed = mergeRemoval(c.removed, page.removed);
  }
}

/** Applies one changed-settings row; settings and components the reference no longer documents are created. */
export function applyChange(tables: Tables, entry: ChangeEntry, componentPageName: (slug: string) => string | undefined): void {
  const info = entry.kind === 'deprecated' ? deprecation(entry) : undefined;
  const removal: RemovalData | undefined = entry.kind === 'removed' ? { since: entry.since, source: entry.source } : undefined;
  let componentName: string;
  let base: string[] = [];
  if (entry.page !== undefined) {
    const placed = tables.placement.get(entry.page.toLowerCase());
    const component = componentPageName(entry.page.toLowerCase());
    if (placed) [componentName, base] = [placed.component, placed.path];
    else if (component) componentName = component;
    else throw new Error(`${entry.source}.md: changed-settings row links to ${entry.page}.md, which is neither a component nor a setting page`);
  } else {
    componentName = ensureComponent(tables, entry.component!);
  }
  const path = [...base, ...(entry.path ?? [])];
  const component = tables.components.get(componentName)!;
  if (entry.wholeComponent || path.length === 0) {
    if (info) component.deprecated = mergeDeprecation(component.deprecated, info);
    if (removal) component.removed = mergeRemoval(component.removed, removal);
    if (path.length === 0) return;
  }
  const record = ensureSetting(tables.settings.get(componentName)!, path, removal);
  if (info) record.deprecated = mergeDeprecation(record.deprecated, info);
  if (removal) record.removed = mergeRemoval(record.removed, removal);
}

function deprecation(entry: ChangeEntry): DeprecationData {
  const d: DeprecationData = { since: entry.since, source: entry.source };
  if (entry.replacement) d.replacement = entry.replacement;
  return d;
}

function ensureComponent(tables: Tables, written: string): string {
  const key = componentKey(written);
  for (const name of tables.components.keys()) if (componentKey(name) === key) return name;
  tables.components.set(written, { passes: [], pages: [] });
  tables.settings.set(written, new Map());
  return written;
}

/**
 * The record at a written path, created when the reference has no page for it. A path written
 * from its middle ("Scope\DisplayQuickPick" for SearchScopes/Scope/DisplayQuickPick) is attached
 * where a unique existing path ends with its parent part. Ancestors it has to create for a
 * removal are marked removed too.
 */
function ensureSetting(records: Map<string, SettingData>, written: readonly string[], removal: RemovalData | undefined): SettingData {
  const byLower = new Map([...records.keys()].map((k) => [k.toLowerCase(), k]));
  const exact = byLower.get(written.join('/').toLowerCase());
  if (exact) return records.get(exact)!;
  const parentLower = written.slice(0, -1).join('/').toLowerCase();
  let parent = written.slice(0, -1).join('/');
  if (parentLower && !byLower.has(parentLower)) {
    const anchored = [...byLower.keys()].filter((k) => k.endsWith(`/${parentLower}`));
    if (anchored.length === 1) parent = byLower.get(anchored[0]!)!;
  } else if (parentLower) {
    parent = byLower.get(parentLower)!;
  }
  const segments = [...(parent ? parent.split('/') : []), written[written.length - 1]!];
  let record: SettingData | undefined;
  segments.forEach((_, i) => {
    const key = segments.slice(0, i + 1).join('/');
    record = records.get(key);
    if (!record) {
      record = { passes: [], kind: i === segments.length - 1 ? 'leaf' : 'container' };
      // "The setting and its ancestor elements have been removed": created ancestors go with it.
      if (removal && i < segments.length - 1) record.removed = { ...removal };
      records.set(key, record);
    } else if (record.kind === 'leaf' && i < segments.length - 1) {
      record.kind = 'container';
    }
  });
  return record!;
}
