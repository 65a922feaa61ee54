// The knowledge base behind ctx.kb, over data the caller brings: the generated kb/data/*.json files' text (read
// lazily, part by part), in-memory data, or the copy a build embeds. No file access here: src/kb/load.ts reads the
// files from disk for the Node entry.

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

/** The data files' text by file name, embedded by a build (scripts/bundle.ts, scripts/core-build.ts); absent in dist/. */
declare const UNATTEND_LINT_KB_DATA: Readonly<Record<string, string>> | undefined;
const EMBEDDED = typeof UNATTEND_LINT_KB_DATA === 'object' ? UNATTEND_LINT_KB_DATA : undefined;

type Part = keyof typeof DATA_FILES;
type Source = { [K in Part]-?: () => NonNullable<KnowledgeBaseData[K]> };

/** The text of each generated data file (components.json, settings.json, …): by name, or a function of the name. */
export type KnowledgeBaseFiles = Readonly<Record<string, string>> | ((file: string) => string);

/**
 * A knowledge base over the generated data files' text. Each file is read (and parsed) on the first query that needs
 * it; a file that cannot be read or parsed throws then, with `describe(file)` (its path, say) in the message.
 */
export function knowledgeBaseFromFiles(files: KnowledgeBaseFiles, describe: (file: string) => string = (file) => file): KnowledgeBase {
  const text =
    typeof files === 'function'
      ? files
      : (file: string) => {
          if (!Object.hasOwn(files, file)) throw new Error('no such file');
          return files[file]!;
        };
  // Each file holds its part under the part's own name, e.g. timezones.json → { "timeZones": […] }.
  const read = <K extends Part>(part: K) =>
    once(() => {
      const file = DATA_FILES[part];
      try {
        return (JSON.parse(text(file)) as Record<string, unknown>)[part] as NonNullable<KnowledgeBaseData[K]>;
      } catch (error) {
        throw new Error(`cannot read the knowledge base file ${describe(file)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  return build({
    components: read('components'),
    settings: read('settings'),
    releases: read('releases'),
    timeZones: read('timeZones'),
    locales: read('locales'),
    keyboards: read('keyboards'),
    editions: read('editions'),
    geoIds: read('geoIds'),
  }, true);
}

let embedded: KnowledgeBase | undefined;
/** The knowledge base the build embedded (the bundle, a browser build of the core), or undefined when it has none. */
export function embeddedKnowledgeBase(): KnowledgeBase | undefined {
  if (EMBEDDED) embedded ??= knowledgeBaseFromFiles(EMBEDDED);
  return embedded;
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
