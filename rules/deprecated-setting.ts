// deprecated-setting: settings Microsoft deprecated still parse but do nothing useful, or stop working in a later release.
import { defineRule } from '../src/engine/rule.js';
import { lifecycleVisitor, parseTarget } from './_helpers/lifecycle.js';

export default defineRule({
  meta: {
    id: 'deprecated-setting',
    summary: 'No settings or components that Microsoft has deprecated (for settings.targetVersion, when set)',
    category: 'correctness',
    severity: 'warn',
    messages: {
      deprecated: (d: { label: string; since: string; removed: string; note: string; advice: string }) =>
        `${d.label} is deprecated${d.since}${d.removed}${d.note}; ${d.advice}`,
    },
  },
  create(ctx) {
    const target = parseTarget(ctx.kb, ctx.settings['targetVersion']);
    return lifecycleVisitor(ctx.kb, target, ({ status, label, range }) => {
      if (status.kind !== 'deprecated') return;
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
