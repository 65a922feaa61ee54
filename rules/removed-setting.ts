// removed-setting: a setting removed from Windows is dead configuration there: it no longer does what the file expects.
import { defineRule } from '../src/engine/rule.js';
import { lifecycleVisitor, parseTarget } from './_helpers/lifecycle.js';

export default defineRule({
  meta: {
    id: 'removed-setting',
    summary: 'No settings or components that were removed in settings.targetVersion or earlier (a warning when no target is set)',
    category: 'correctness',
    severity: 'error',
    messages: {
      removed: (d: { label: string; since: string; target: string; effect: string }) =>
        `${d.label} was removed in ${d.since}, at or before the target ${d.target}; ${d.effect}, remove it`,
      removedNoTarget: (d: { label: string; since: string; effect: string }) =>
        `${d.label} was removed in ${d.since}; if the file is for that release or later, ${d.effect}: remove it (set settings.targetVersion to decide)`,
    },
  },
  create(ctx) {
    const target = parseTarget(ctx.kb, ctx.settings['targetVersion']);
    return lifecycleVisitor(ctx.kb, target, ({ status, label, range, component }) => {
      if (status.kind !== 'removed') return;
      // Setup skips a component the image lacks, as it skips other architectures' blocks; a removed setting is not
      // applied any more (working Windows Server 2022 templates still carry VisualEffects/FontSmoothing).
      const effect = component ? 'Setup skips the component' : 'Windows no longer applies it';
      const data = { label, since: status.since.name, effect };
      if (target) ctx.report('removed', range, { ...data, target: target.label }, component ? { severity: 'warn' } : undefined);
      else ctx.report('removedNoTarget', range, data, { severity: 'warn' });
    });
  },
});
