// deprecated-setting: settings Microsoft deprecated still parse but do nothing useful, or stop working in a later release.
import { defineRule } from '../src/engine/rule.js';
import { hasLifecycle, lifecycleVisitor, parseTarget } from './_helpers/lifecycle.js';

export default defineRule({
  meta: {
    id: 'deprecated-setting',
    summary: 'No settings or components that Microsoft has deprecated or removed (for settings.targetVersion, when set)',
    category: 'correctness',
    settings: hasLifecycle,
    severity: 'warn',
    messages: {
      deprecated: (d: { label: string; since: string; removed: string; note: string; advice: string }) =>
        `${d.label} is deprecated${d.since}${d.removed}${d.note}; ${d.advice}`,
      removedComponent: (d: { label: string; since: string }) =>
        `${d.label} was removed in ${d.since}; Setup skips the component on that release and later, remove it`,
      removedNoTarget: (d: { label: string; since: string }) =>
        `${d.label} was removed in ${d.since}; if the file is for that release or later, Windows no longer applies it: remove it (set settings.targetVersion to decide)`,
    },
  },
  create(ctx) {
    const target = parseTarget(ctx.kb, ctx.settings['targetVersion']);
    return lifecycleVisitor(ctx.kb, target, ({ status, label, range, component }) => {
      if (status.kind === 'removed') {
        // Setup skips a component the image lacks, as it skips other architectures' blocks; working Windows Server
        // 2022 templates still carry removed settings such as VisualEffects/FontSmoothing.
        if (component) ctx.report('removedComponent', range, { label, since: status.since.name });
        else if (!target) ctx.report('removedNoTarget', range, { label, since: status.since.name });
        return;
      }
      ctx.report('deprecated', range, {
        label,
        since: status.since ? ` since ${status.since.name}` : '',
        removed: status.removedLater ? ` and removed in ${status.removedLater.name}` : '',
        note: status.note ? ` (${status.note})` : '',
        advice: status.replacement ? `use ${status.replacement} instead` : 'remove it',
      });
    });
  },
});
