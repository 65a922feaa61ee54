// Data shapes shared by the config modules: the public resolved config and the normalised layers behind it.
import type { AnyRule } from '../engine/rule.js';
import type { Severity } from '../types.js';
import type { ShapeCheck } from './schema.js';
import type { Validators } from './validators.js';

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** Every rule id known to this config → effective setting (off = 0). */
  rules: Map<string, RuleSetting>;
  /** Shared settings, e.g. targetVersion ("windows-10", "windows-11" or a build number). */
  settings: Record<string, unknown>;
  /** Globs relative to basePath. */
  ignores: string[];
  /** Directory of the config file (or cwd without one). */
  basePath: string;
  /** Absolute path of the config file it came from. */
  configFile?: string;
}

/** Where a config object came from: how to name it, and the directory its relative paths (extends, plugins) start from. */
export interface Origin {
  label: string;
  filePath?: string;
  dir: string;
}

/** One rule entry as written: options only when the entry gave them (already merged with defaults and validated). */
export interface RuleEntry {
  severity: Severity;
  options?: Record<string, unknown>;
}

/** A slice of config applied in order: the base of a config file, one of its overrides, a preset, --rule. */
export interface Layer {
  /** Globs (relative to basePath) the file must match; absent = every file. */
  files?: string[];
  excludedFiles?: string[];
  rules: Map<string, RuleEntry>;
  settings: Record<string, unknown>;
}

/** A config file with its extends chain flattened into layers. */
export interface NormalizedConfig {
  configFile?: string;
  basePath: string;
  layers: Layer[];
  ignores: string[];
  /** Plugin names visible in this config (declared by it or anything it extends). */
  plugins: Set<string>;
}

export interface PluginRecord {
  name: string;
  /** Absolute path of the module it was loaded from. */
  modulePath: string;
  /** Namespaced id → rule (meta.id is namespaced too). */
  rules: Map<string, AnyRule>;
  configs: Record<string, unknown>;
}

/** What the config modules share for one loader: no module-level state. */
export interface LoaderContext {
  cwd: string;
  /** Validators of the option schemas and the config shape: prepare() them before reading what they check. */
  validators: Validators;
  builtins: Map<string, AnyRule>;
  plugins: Map<string, PluginRecord>;
  /** Compiled shape check of a config object (schema.ts). */
  checkShape: ShapeCheck;
  /** Loads a config file (JSON, YAML or JS) through the loader's cosmiconfig explorer. */
  loadFile(file: string): Promise<Record<string, unknown>>;
}
