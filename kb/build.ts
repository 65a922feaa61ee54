// Whole-reference build: pages + Component.json + overrides → component and setting tables.

import type { ComponentData, SettingData } from '../src/kb/data-format.js';
import { PASSES } from '../src/kb/data-format.js';
import { buildComponents, type ComponentJsonEntry } from './components.js';
import { applyChange, applyComponentNotes, type Tables } from './deprecations.js';
import { OVERVIEW_PAGES, PAGE_QUIRKS } from './known-odd.js';
import { applyOverrides, type OverridesFile } from './overrides.js';
import { parseChangesPage, parseComponentsPage } from './parse-changes.js';
import { parsePage, type PageQuirk, type PageRecord } from './parse-page.js';
import { placePages } from './paths.js';
import { buildSettings } from './settings.js';

export interface ReferenceInput {
  /** reference/unattend/*.md: file name → text. */
  pages: ReadonlyMap<string, string>;
  componentJson: readonly ComponentJsonEntry[];
  overrides: OverridesFile;
  quirks?: Readonly<Record<string, PageQuirk>>;
  overviewPages?: readonly string[];
}

export interface BuiltTables {
  components: Record<string, ComponentData>;
  settings: Record<string, Record<string, SettingData>>;
}

export function buildTables(input: ReferenceInput): BuiltTables {
  const quirks = input.quirks ?? PAGE_QUIRKS;
  const overview = input.overviewPages ?? OVERVIEW_PAGES;
  for (const file of [...Object.keys(quirks), ...overview]) {
    if (!input.pages.has(file)) throw new Error(`kb/known-odd.ts names ${file}, which is not in the reference; remove the entry`);
  }
  const pages: PageRecord[] = [];
  for (const [file, text] of [...input.pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!overview.includes(file)) pages.push(parsePage(file, text, quirks[file]));
  }
  const infos = buildComponents(pages, input.componentJson);
  const placed = placePages(pages, infos);
  const settingTable = buildSettings(placed, infos);
  const tables: Tables = { components: new Map(), settings: settingTable, placement: new Map() };
  for (const info of infos.values()) {
    const c: ComponentData = { passes: [...info.passes], pages: [...info.pages].sort() };
    if (info.aliases.length > 0) c.aliases = info.aliases;
    tables.components.set(info.name, c);
  }
  for (const p of placed) tables.placement.set(p.page.slug.toLowerCase(), { component: p.component.name, path: p.path });
  const byPage = new Map<string, string>();
  for (const info of infos.values()) for (const slug of info.pages) byPage.set(slug.toLowerCase(), info.name);
  applyComponentNotes(tables, pages, (page) => byPage.get(page.slug.toLowerCase())!);
  for (const file of overview.filter((f) => f.startsWith('changed-'))) {
    for (const entry of parseChangesPage(file, input.pages.get(file)!)) applyChange(tables, entry, (slug) => byPage.get(slug));
  }
  const componentsPage = overview.find((f) => f.startsWith('components-'));
  if (componentsPage) {
    for (const entry of parseComponentsPage(componentsPage, input.pages.get(componentsPage)!)) {
      applyChange(tables, entry, (slug) => byPage.get(slug));
    }
  }
  applyOverrides(tables, input.overrides);
  return finish(tables);
}

/** Component passes become the union of their own and their settings'; everything is put in a stable order. */
function finish(tables: Tables): BuiltTables {
  const components: Record<string, ComponentData> = {};
  const settings: Record<string, Record<string, SettingData>> = {};
  for (const [name, c] of tables.components) {
    const records = tables.settings.get(name) ?? new Map<string, SettingData>();
    const passes = new Set(c.passes);
    for (const r of records.values()) {
      r.passes = PASSES.filter((p) => r.passes.includes(p));
      for (const p of r.passes) passes.add(p);
    }
    c.passes = PASSES.filter((p) => passes.has(p));
    components[name] = c;
    settings[name] = Object.fromEntries([...records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return { components, settings };
}
