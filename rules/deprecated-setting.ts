// deprecated-setting: settings Microsoft deprecated still parse but do nothing useful, or stop working in a later release.
import { defineRule } from '../src/engine/rule.js';
import { hasLifecycle, lifecycleVisitor, RELEASE_FACTS, targetOf, targetPhrase, targetRelated, type FileTarget } from './_helpers/lifecycle.js';

export default defineRule({
  meta: {
    id: 'deprecated-setting',
    summary: 'No settings or components that Microsoft has deprecated or removed for the target release (settings.targetVersion, or the one the image names)',
    category: 'correctness',
    settings: hasLifecycle,
    facts: RELEASE_FACTS,
    severity: 'warn',
    messages: {
      deprecated: (d: { label: string; since: string; removed: string; note: string; advice: string; target: string }) =>
        `${d.label} is deprecated${d.since}${d.removed}${d.note}; ${d.advice}${d.target}`,
      removedComponent: (d: { label: string; since: string; target: string }) =>
        `${d.label} was removed in ${d.since}; Setup skips the component on that release and later, remove it${d.target}`,
      removedNoTarget: (d: { label: string; since: string }) =>
        `${d.label} was removed in ${d.since}; if the file is for that release or later, Windows no longer applies it: remove it (set settings.targetVersion to decide)`,
      removedMaybe: (d: { label: string; since: string; target: string; origin: string }) =>
        `${d.label} was removed in ${d.since}; the target ${d.target} (${d.origin}) does not say whether the file is for that release or later, where Windows no longer applies it: remove it, or set settings.targetVersion to the release`,
    },
  },
  create(ctx) {
    let target: FileTarget | undefined;
    const forTarget = () => (target ? ` (for ${targetPhrase(target)})` : '');
    return lifecycleVisitor(
      ctx.kb,
      (model) => (target = targetOf(ctx, model)),
      ({ status, label, range, component }) => {
        const extra = targetRelated(target);
        if (status.kind !== 'deprecated') {
          // Setup skips a component the image lacks, as it skips other architectures' blocks; working Windows Server
          // 2022 templates still carry removed settings such as VisualEffects/FontSmoothing.
          if (component) ctx.report('removedComponent', range, { label, since: status.since.name, target: forTarget() }, extra);
          else if (!target) ctx.report('removedNoTarget', range, { label, since: status.since.name });
          else if (status.kind === 'removedMaybe') ctx.report('removedMaybe', range, { label, since: status.since.name, target: target.label, origin: target.origin }, extra);
          // A certain removal of a setting is removed-setting's error.
          return;
        }
        ctx.report(
          'deprecated',
          range,
          {
            label,
            since: status.since ? ` since ${status.since.name}` : '',
            removed: status.removedLater ? ` and removed in ${status.removedLater.name}` : '',
            note: status.note ? ` (${status.note})` : '',
            advice: status.replacement ? `use ${status.replacement} instead` : 'remove it',
            target: forTarget(),
          },
          extra,
        );
      },
    );
  },
});
