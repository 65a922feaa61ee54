// The knowledge base behind ctx.kb: lazily reads the generated kb/data/*.json files or wraps in-memory data.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DATA_FILES,
  REFERENCE_BASE_URL,
  type ComponentData,
  type KnowledgeBaseData,
  type SettingData,
} from './data-format.js';
import type {
  ComponentRecord,
  EditionEntry,
  KeyboardEntry,
  KnowledgeBase,
  LocaleEntry,
  ReferenceEntry,
  ReleaseRecord,
  SettingRecord,
} from './types.js';
import { buildTree, type SettingNode } from './tree.js';

/** dist/src/kb/load.js (and src/kb/load.ts) → <package root>/kb/data. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../kb/data/', import.meta.url));

/** The data files' text by file name, embedded by the bundle build (scripts/bundle.mjs); absent in dist/. */
declare const UNATTEND_LINT_KB_DATA: Readonly<Record<string, string>> | undefined;
const EMBEDDED = typeof UNATTEND_LINT_KB_DATA === 'object' ? UNATTEND_LINT_KB_DATA : undefined;

type Part = keyof typeof DATA_FILES;
type Source = { [K in Part]-?: () => NonNullable<KnowledgeBaseData[K]> };

const instances = new Map<string, KnowledgeBase>();

/**
 * The shipped knowledge base. Each data file is read on the first query that needs it; the
 * instance is shared per directory, so loading it again costs nothing.
 */
export function loadKnowledgeBase(options: { dataDir?: string } = {}): KnowledgeBase {
  const dir = options.dataDir ?? DEFAULT_DATA_DIR;
  const embedded = options.dataDir === undefined ? EMBEDDED : undefined;
  let kb = instances.get(dir);
  if (!kb) {
    // Each file holds its part under the part's own name, e.g. timezones.json → { "timeZones": […] }.
    const read = <K extends Part>(part: K) =>
      once(() => {
        const file = join(dir, DATA_FILES[part]);
        try {
          const text = embedded?.[DATA_FILES[part]] ?? readFileSync(file, 'utf8');
          return (JSON.parse(text) as Record<string, unknown>)[part] as NonNullable<KnowledgeBaseData[K]>;
        } catch (error) {
          throw new Error(`cannot read the knowledge base file ${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    kb = build({
      components: read('components'),
      settings: read('settings'),
      releases: read('releases'),
      timeZones: read('timeZones'),
      locales: read('locales'),
      keyboards: read('keyboards'),
      editions: read('editions'),
      geoIds: read('geoIds'),
    }, true);
    instances.set(dir, kb);
  }
  return kb;
}

/** A knowledge base over in-memory data, e.g. a small stub for a rule test; missing parts are empty. */
export function createKnowledgeBase(data: KnowledgeBaseData): KnowledgeBase {
  return build({
    components: () => data.components ?? {},
    settings: () => data.settings ?? {},
    releases: () => data.releases ?? [],
    timeZones: () => data.timeZones ?? [],
    locales: () => data.locales ?? [],
    keyboards: () => data.keyboards ?? [],
    editions: () => data.editions ?? [],
    geoIds: () => data.geoIds ?? [],
  });
}

function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

/** Reference page slugs become URLs; URLs stay as they are. */
function toUrl(pageOrUrl: string): string {
  return /^https?:/i.test(pageOrUrl) ? pageOrUrl : `${REFERENCE_BASE_URL}${pageOrUrl}`;
}

function withSourceUrl<T extends { source?: string }>(info: T | undefined): T | undefined {
  return info && (info.source ? { ...info, source: toUrl(info.source) } : { ...info });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function componentRecord(name: string, c: ComponentData): ComponentRecord {
  const r: ComponentRecord = { name, passes: [...c.passes], pages: [...c.pages] };
  if (c.pages[0]) r.url = toUrl(c.pages[0]);
  if (c.aliases) r.aliases = [...c.aliases];
  if (c.deprecated) r.deprecated = withSourceUrl(c.deprecated)!;
  if (c.removed) r.removed = withSourceUrl(c.removed)!;
  return deepFreeze(r);
}

function settingRecord(component: string, key: string, s: SettingData, owned: boolean): SettingRecord {
  const r: SettingRecord = { component, path: key.split('/'), passes: [...s.passes], kind: s.kind };
  if (s.passesInferred) r.passesInferred = true;
  if (s.keyElement) r.keyElement = s.keyElement;
  if (s.keyedByKeyValue) r.keyedByKeyValue = true;
  if (s.value) r.value = owned ? s.value : structuredClone(s.value);
  if (s.emptyAllowed !== undefined) r.emptyAllowed = s.emptyAllowed;
  if (s.default !== undefined) r.default = s.default;
  if (s.secret) r.secret = true;
  if (s.deprecated) r.deprecated = withSourceUrl(s.deprecated)!;
  if (s.removed) r.removed = withSourceUrl(s.removed)!;
  if (s.page) {
    r.page = s.page;
    r.url = toUrl(s.page);
  } else if (s.url) {
    r.url = s.url;
  }
  // Frozen part by part (every record is made at start-up): a walk over all of its values costs more.
  Object.freeze(r.path);
  Object.freeze(r.passes);
  if (r.value) deepFreeze(r.value);
  if (r.deprecated) deepFreeze(r.deprecated);
  if (r.removed) deepFreeze(r.removed);
  return Object.freeze(r);
}

/** `owned`: the data was parsed for this knowledge base alone, so records may keep (and freeze) its objects. */
function build(src: Source, owned = false): KnowledgeBase {
  const componentNames = once(() => Object.freeze(Object.keys(src.components()).sort()));
  const componentCache = new Map<string, ComponentRecord>();
  const settingCache = new Map<string, SettingRecord>();
  const bucket = (component: string) => (Object.hasOwn(src.settings(), component) ? src.settings()[component] : undefined);
  const setting = (component: string, path: readonly string[]): SettingRecord | undefined => {
    const key = path.join('/');
    const records = bucket(component);
    if (!records || path.length === 0 || !Object.hasOwn(records, key)) return undefined;
    const cacheKey = `${component}\u0000${key}`;
    let record = settingCache.get(cacheKey);
    if (!record) settingCache.set(cacheKey, (record = settingRecord(component, key, records[key]!, owned)));
    return record;
  };
  const idSet = (list: () => readonly { id: string }[]) => once(() => new Set(list().map((e) => e.id)) as ReadonlySet<string>);
  const frozen = <T>(list: () => readonly T[]) => once(() => deepFreeze(structuredClone(list())) as readonly T[]);
  const tree = once(() =>
    buildTree({
      componentNames: componentNames(),
      component: (name) => kb.component(name)!,
      settingKeys: (component) => Object.keys(bucket(component) ?? {}),
      setting: (component, path) => setting(component, path)!,
      aliases: (component) => src.components()[component]?.aliases ?? [],
    }),
  );
  const derived = new Map<string, unknown>();
  const kb: KnowledgeBase = {
    tree,
    derive<T>(name: string, make: (kb: KnowledgeBase) => T): T {
      if (!derived.has(name)) derived.set(name, make(kb));
      return derived.get(name) as T;
    },
    component(name) {
      if (!Object.hasOwn(src.components(), name)) return undefined;
      let r = componentCache.get(name);
      if (!r) componentCache.set(name, (r = componentRecord(name, src.components()[name]!)));
      return r;
    },
    componentNames,
    setting,
    children(component, path) {
      let scope: Pick<SettingNode, 'child' | 'childNames'> | undefined = tree().component(component);
      for (const name of path) scope = scope?.child(name);
      return scope?.childNames ?? [];
    },
    timeZones: idSet(src.timeZones),
    locales: idSet(src.locales),
    keyboards: idSet(src.keyboards),
    findComponentCaseInsensitive(name) {
      return tree().componentIgnoringCase(name)?.name;
    },
    findChildCaseInsensitive(component, path, name) {
      let scope: Pick<SettingNode, 'childIgnoringCase'> | undefined = tree().component(component);
      for (const segment of path) scope = scope?.childIgnoringCase(segment);
      return scope?.childIgnoringCase(name)?.name;
    },
    allSettings: once(() =>
      Object.freeze(
        componentNames().flatMap((c) =>
          Object.keys(src.settings()[c] ?? {})
            .sort()
            .map((key) => setting(c, key.split('/'))!),
        ),
      ),
    ),
    releases: frozen<ReleaseRecord>(src.releases),
    timeZoneEntries: frozen<ReferenceEntry>(src.timeZones),
    localeEntries: frozen<LocaleEntry>(src.locales),
    keyboardEntries: frozen<KeyboardEntry>(src.keyboards),
    editions: frozen<EditionEntry>(src.editions),
    geoIds: frozen<ReferenceEntry>(src.geoIds),
  };
  return kb;
}
