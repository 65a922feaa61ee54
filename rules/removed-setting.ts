// removed-setting: a setting removed in the target release or earlier is dead configuration there.
import { defineRule } from '../src/engine/rule.js';
import { hasLifecycle, lifecycleVisitor, RELEASE_FACTS, targetOf, targetPhrase, targetRelated, type FileTarget } from './_helpers/lifecycle.js';

export default defineRule({
  meta: {
    id: 'removed-setting',
    summary: 'No settings that were removed in the target release or earlier (settings.targetVersion, or the one the image names; without a target, deprecated-setting reports them)',
    category: 'correctness',
    settings: hasLifecycle,
    facts: RELEASE_FACTS,
    severity: 'error',
    messages: {
      removed: (d: { label: string; since: string; target: string }) =>
        `${d.label} was removed in ${d.since}, at or before the target ${d.target}; Windows no longer applies it, remove it`,
    },
  },
  create(ctx) {
    let target: FileTarget | undefined;
    // Without a target nothing says the file is for a release without the setting; a removed component is
    // skipped like another architecture's block; an image name that gives only the family may be a release that
    // still has the setting. All three are deprecated-setting's warnings.
    return lifecycleVisitor(
      ctx.kb,
      (model) => (target = targetOf(ctx, model)),
      ({ status, label, range, component }) => {
        if (target && status.kind === 'removed' && !component) {
          ctx.report('removed', range, { label, since: status.since.name, target: targetPhrase(target) }, targetRelated(target));
        }
      },
    );
  },
});
