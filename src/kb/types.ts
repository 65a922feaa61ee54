// The knowledge base as rules see it (through ctx.kb): read-only queries over generated data.
import type { KbTree } from './tree.js';

export type SettingKind = 'container' | 'list' | 'listItem' | 'leaf';

export type ValueType =
  | { type: 'boolean' }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'enum'; values: string[] }
  | { type: 'string'; maxLength?: number };

export interface ComponentRecord {
  name: string;
  /** Passes in which Setup applies this component (union over its settings and Component.json). */
  passes: string[];
  /** Microsoft reference page slug(s) it comes from. */
  pages: string[];
  url?: string;
  /** Other spellings of the name seen in the sources (e.g. Component.json's "Microsoft-Windows-WLANSVC"). */
  aliases?: string[];
  deprecated?: { since?: string; note?: string; replacement?: string; source?: string };
  /** Removed components (e.g. Microsoft-Windows-ehome-reg-inf) stay known so rules can say so. */
  removed?: { since: string; note?: string; source?: string };
}

export interface SettingRecord {
  component: string;
  /** Element names below the component, e.g. ["UserAccounts", "LocalAccounts", "LocalAccount"]. */
  path: string[];
  /** Passes in which Setup applies this setting (empty when the reference gives none). */
  passes: string[];
  /** true when the page has no pass section and `passes` come from an ancestor or the component. */
  passesInferred?: boolean;
  kind: SettingKind;
  /** For a list item: the key element name (e.g. "Order", "Key", "Identifier"), if documented. */
  keyElement?: string;
  /** For a list item: siblings are told apart by the wcm:keyValue attribute (Microsoft's examples write it). */
  keyedByKeyValue?: boolean;
  value?: ValueType;
  /** false when the page says empty values are not supported. */
  emptyAllowed?: boolean;
  default?: string;
  /** A credential (password, product key, join blob): its value is never printed. */
  secret?: boolean;
  deprecated?: { since?: string; note?: string; replacement?: string; source?: string };
  removed?: { since: string; note?: string; source?: string };
  url?: string;
  /** Reference page slug (file name without .md); absent for settings the reference has no page for. */
  page?: string;
}

/** A Windows release named by deprecations ("windows-10-1709") with its build number. */
export interface ReleaseRecord {
  id: string;
  name: string;
  build?: number;
}

export interface ReferenceEntry {
  id: string;
  displayName: string;
}

export interface LocaleEntry extends ReferenceEntry {
  lcid?: string;
  /** Default keyboard id for the locale, e.g. "00000409". */
  keyboard?: string;
  geoId?: string;
  /** Windows images ship in this language. */
  imageLanguage?: boolean;
  /** Microsoft pages that list the tag, as slugs under https://learn.microsoft.com/windows-hardware/manufacture/desktop/. */
  pages?: string[];
}

export interface KeyboardEntry extends ReferenceEntry {
  /** "Keyboard" (e.g. "00000409") or "IME" (e.g. "0411:{…}{…}"). */
  type: string;
  /** Microsoft pages that list the keyboard (slugs, as for locales). */
  pages?: string[];
  /** Language ids ("0436") Microsoft's input-profile tables pair this keyboard with ("0436:00000409"). */
  languages?: string[];
}

export interface EditionEntry extends ReferenceEntry {
  /** Microsoft's generic (non-activating) product key for the edition. */
  productKey: string;
  visible: boolean;
}

export interface KnowledgeBase {
  /** The interned tree the binder resolves elements against (built on first use, once per knowledge base). */
  tree(): KbTree;
  /**
   * A value derived from the knowledge base (a locale index, display-name map…), made once per knowledge base
   * and shared by every file and rule: `name` identifies it.
   */
  derive<T>(name: string, make: (kb: KnowledgeBase) => T): T;
  component(name: string): ComponentRecord | undefined;
  componentNames(): readonly string[];
  /** A setting by component and element path; undefined when unknown. */
  setting(component: string, path: readonly string[]): SettingRecord | undefined;
  /** Known child element names below a component path ([] = the component's top-level settings). */
  children(component: string, path: readonly string[]): readonly string[];
  /** Windows time zone ids (e.g. "W. Europe Standard Time"). */
  timeZones(): ReadonlySet<string>;
  /** Known language tags (e.g. "en-US"). */
  locales(): ReadonlySet<string>;
  /** Known keyboard ids (e.g. "00000409"). */
  keyboards(): ReadonlySet<string>;

  /** Canonical component name for any casing or alias of it (for did-you-mean); undefined when unknown. */
  findComponentCaseInsensitive(name: string): string | undefined;
  /** Canonical spelling of a child element of component/path matched without regard to case. */
  findChildCaseInsensitive(component: string, path: readonly string[], name: string): string | undefined;
  /** Every setting record, sorted by component then path (for coverage tests and listings). */
  allSettings(): readonly SettingRecord[];
  /** Windows releases in order, oldest first. */
  releases(): readonly ReleaseRecord[];
  timeZoneEntries(): readonly ReferenceEntry[];
  localeEntries(): readonly LocaleEntry[];
  keyboardEntries(): readonly KeyboardEntry[];
  editions(): readonly EditionEntry[];
  geoIds(): readonly ReferenceEntry[];
}
