// The built-in presets as enabled rules, for callers of the core that have no config files: each chosen rule at its
// own severity with its default options.
import type { EnabledRule } from './plan.js';
import type { AnyRule } from './rule.js';

export type PresetName = 'recommended' | 'all';

/** Which rules each preset holds: the one test behind the config's presets and presetRules. */
export const PRESETS: Readonly<Record<PresetName, (rule: AnyRule) => boolean>> = {
  recommended: (rule) => rule.meta.recommended !== false,
  all: () => true,
};

/** The rules of `unattend-lint:recommended` (or `:all`) among `rules`, ready for lintSource. */
export function presetRules(name: PresetName, rules: readonly AnyRule[]): EnabledRule[] {
  return rules
    .filter(PRESETS[name])
    .map((rule) => ({
      rule,
      severity: rule.meta.severity === 'error' ? 2 : 1,
      options: structuredClone((rule.meta.defaultOptions ?? {}) as Record<string, unknown>),
    }));
}
