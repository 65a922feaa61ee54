// --print-config: a JSON-friendly, stable view of the effective config for one file.
import { SEVERITY_NAMES } from './rule-entry.js';
import type { ResolvedConfig } from './types.js';

export interface PrintedConfig {
  configFile: string | null;
  basePath: string;
  settings: Record<string, unknown>;
  ignores: string[];
  rules: Record<string, [string, Record<string, unknown>]>;
}

export function printConfig(resolved: ResolvedConfig): PrintedConfig {
  const rules: PrintedConfig['rules'] = {};
  for (const id of [...resolved.rules.keys()].sort()) {
    const setting = resolved.rules.get(id)!;
    rules[id] = [SEVERITY_NAMES[setting.severity], setting.options];
  }
  return {
    configFile: resolved.configFile ?? null,
    basePath: resolved.basePath,
    settings: resolved.settings,
    ignores: resolved.ignores,
    rules,
  };
}
