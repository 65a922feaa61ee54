// Shape of the generated kb/data/*.json files: written by kb/generate.ts, read by src/kb/knowledge-base.ts.

import { PASS_NAMES } from '../parser/events.js';
import type { EditionEntry, KeyboardEntry, LocaleEntry, ReferenceEntry, ReleaseRecord, SettingKind, SettingRecord, ValueType } from './types.js';

/** The seven configuration passes in the order Windows Setup runs them (the order data files use). */
export const PASSES = PASS_NAMES;

export const REFERENCE_BASE_URL = 'https://learn.microsoft.com/windows-hardware/customize/desktop/unattend/';

export type DeprecationData = NonNullable<SettingRecord['deprecated']>;
export type RemovalData = NonNullable<SettingRecord['removed']>;

export interface ComponentData {
  passes: string[];
  pages: string[];
  /** Other spellings of the name found in the sources (page titles, Component.json, XML examples). */
  aliases?: string[];
  deprecated?: DeprecationData;
  removed?: RemovalData;
}

export interface SettingData {
  passes: string[];
  /** true when the page has no pass section and the passes come from an ancestor or the component. */
  passesInferred?: true;
  kind: SettingKind;
  keyElement?: string;
  /** true when list items are told apart by the wcm:keyValue attribute. */
  keyedByKeyValue?: true;
  value?: ValueType;
  emptyAllowed?: boolean;
  default?: string;
  /** true for credentials (passwords, product keys, join blobs): their values are never printed. */
  secret?: true;
  deprecated?: DeprecationData;
  removed?: RemovalData;
  /** Reference page slug (file name without .md); absent for settings known only from overrides. */
  page?: string;
  /** Source URL for settings that come from kb/overrides.json rather than a reference page. */
  url?: string;
}

export interface ComponentsFile {
  $comment: string;
  components: Record<string, ComponentData>;
}

/** settings[component]["A/B/C"] = record for the element path A/B/C below the component. */
export interface SettingsFile {
  $comment: string;
  settings: Record<string, Record<string, SettingData>>;
}

export type ReleaseData = ReleaseRecord;

export interface ReleasesFile {
  $comment: string;
  releases: ReleaseData[];
}

export type TimeZoneData = ReferenceEntry;
export type LocaleData = LocaleEntry;
export type KeyboardData = KeyboardEntry;
export type EditionData = EditionEntry;
export type GeoIdData = ReferenceEntry;

export interface TimeZonesFile {
  $comment: string;
  timeZones: TimeZoneData[];
}
export interface LocalesFile {
  $comment: string;
  locales: LocaleData[];
}
export interface KeyboardsFile {
  $comment: string;
  keyboards: KeyboardData[];
}
export interface EditionsFile {
  $comment: string;
  editions: EditionData[];
}
export interface GeoIdsFile {
  $comment: string;
  geoIds: GeoIdData[];
}

/** Everything the loader can read; each part is optional so stub knowledge bases stay small. */
export interface KnowledgeBaseData {
  components?: ComponentsFile['components'];
  settings?: SettingsFile['settings'];
  releases?: ReleaseData[];
  timeZones?: TimeZoneData[];
  locales?: LocaleData[];
  keyboards?: KeyboardData[];
  editions?: EditionData[];
  geoIds?: GeoIdData[];
}

export const DATA_FILES = {
  components: 'components.json',
  settings: 'settings.json',
  releases: 'releases.json',
  timeZones: 'timezones.json',
  locales: 'locales.json',
  keyboards: 'keyboards.json',
  editions: 'editions.json',
  geoIds: 'geoids.json',
} as const;
