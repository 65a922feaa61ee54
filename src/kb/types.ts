// The knowledge base as rules see it (through ctx.kb): read-only queries over generated data.

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
}

export interface SettingRecord {
  component: string;
  /** Element names below the component, e.g. ["UserAccounts", "LocalAccounts", "LocalAccount"]. */
  path: string[];
  /** Passes in which Setup applies this setting (empty when the reference gives none). */
  passes: string[];
  kind: SettingKind;
  /** For a list item: the key element name (e.g. "Order", "Key", "Identifier"), if documented. */
  keyElement?: string;
  value?: ValueType;
  /** false when the page says empty values are not supported. */
  emptyAllowed?: boolean;
  default?: string;
  deprecated?: { since?: string; note?: string; replacement?: string };
  removed?: { since: string; note?: string };
  url?: string;
}

export interface KnowledgeBase {
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
}
