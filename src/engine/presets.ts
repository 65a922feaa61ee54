// The built-in presets as enabled rules, for callers of the core that have no config files: each chosen rule at its
// own severity with its default options.
import type { EnabledRule } from './plan.js';
import type { AnyRule } from './rule.js';

export type PresetName = 'recommended' | 'all';

/** The rules of `unattend-lint:recommended` (or `:all`) among `rules`, ready for lintSource. */
export function presetRules(name: PresetName, rules: readonly AnyRule[]): EnabledRule[] {
  return rules
    .filter((rule) => name === 'all' || rule.meta.recommended !== false)
    .map((rule) => ({
      rule,
      severity: rule.meta.severity === 'error' ? 2 : 1,
      options: structuredClone((rule.meta.defaultOptions ?? {}) as Record<string, unknown>),
    }));
}
