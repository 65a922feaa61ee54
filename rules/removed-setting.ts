// removed-setting: a setting removed in the target release or earlier is dead configuration there.
import { defineRule } from '../src/engine/rule.js';
import { hasLifecycle, lifecycleVisitor, parseTarget } from './_helpers/lifecycle.js';

export default defineRule({
  meta: {
    id: 'removed-setting',
    summary: 'No settings that were removed in settings.targetVersion or earlier (without a target, deprecated-setting reports them)',
    category: 'correctness',
    settings: hasLifecycle,
    severity: 'error',
    messages: {
      removed: (d: { label: string; since: string; target: string }) =>
        `${d.label} was removed in ${d.since}, at or before the target ${d.target}; Windows no longer applies it, remove it`,
    },
  },
  create(ctx) {
    const target = parseTarget(ctx.kb, ctx.settings['targetVersion']);
    // Without a target nothing says the file is for a release without the setting; a removed component is
    // skipped like another architecture's block. Both are deprecated-setting's warnings.
    if (!target) return {};
    return lifecycleVisitor(ctx.kb, target, ({ status, label, range, component }) => {
      if (status.kind === 'removed' && !component) ctx.report('removed', range, { label, since: status.since.name, target: target.label });
    });
  },
});
