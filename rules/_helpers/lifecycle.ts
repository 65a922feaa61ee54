// Deprecated and removed settings and components, judged against settings.targetVersion (shared by two rules).
import type { Visitor } from '../../src/engine/rule.js';
import type { KnowledgeBase, ReleaseRecord } from '../../src/kb/types.js';
import type { BoundElement } from '../../src/binder/bind.js';
import type { SettingNode } from '../../src/kb/tree.js';
import { pathOf } from './setting.js';
import { parseTarget as parseTargetOnce, type Target } from '../../src/kb/target.js';

export type { Target };

/** settings.targetVersion as a build, parsed once per knowledge base and value (the linter validated it with the config). */
export function parseTarget(kb: KnowledgeBase, value: unknown): Target | undefined {
  return value === undefined ? undefined : kb.derive(`target-version:${JSON.stringify(value)}`, (k) => parseTargetOnce(k, value));
}

interface Lifecycle {
  deprecated?: { since?: string; note?: string; replacement?: string };
  removed?: { since: string };
}

export type Status =
  | { kind: 'removed'; since: ReleaseRecord }
  | { kind: 'deprecated'; since?: ReleaseRecord; removedLater?: ReleaseRecord; note?: string; replacement?: string };

/** Whether an element is deprecated or removed for the target (no target: every recorded change counts). */
function statusOf(kb: KnowledgeBase, info: Lifecycle | undefined, target: Target | undefined): Status | undefined {
  if (!info) return undefined;
  const release = (id: string | undefined) => (id === undefined ? undefined : kb.releases().find((r) => r.id === id));
  const reached = (r: ReleaseRecord | undefined) => !target || !r?.build || target.build >= r.build;
  const removed = release(info.removed?.since);
  if (removed && reached(removed)) return { kind: 'removed', since: removed };
  const d = info.deprecated;
  if (!d) return undefined;
  const since = release(d.since);
  if (!reached(since)) return undefined;
  return { kind: 'deprecated', since, removedLater: removed, note: d.note, replacement: d.replacement };
}

export interface Finding {
  status: Status;
  /** 'setting "OOBE/NetworkLocation"' or 'component "Microsoft-Windows-…"'. */
  label: string;
  range: { start: number; end: number };
  /** A whole component rather than one setting. */
  component: boolean;
}

/** The settings the lifecycle rules hear: those the knowledge base records a deprecation or removal for. */
export const hasLifecycle = (s: SettingNode): boolean => !!s.record.deprecated || !!s.record.removed;

/**
 * Visits components and the settings with a recorded change, and hands each deprecated or removed one to `found`,
 * outermost only: what is inside a removed element is not reported again, and what is inside a deprecated one
 * only when it was removed. Open elements with a status are kept on a stack (they nest), so nothing is looked up.
 */
export function lifecycleVisitor(kb: KnowledgeBase, target: Target | undefined, found: (f: Finding) => void): Visitor {
  const open: { el: BoundElement; kind: Status['kind'] }[] = [];
  const close = (el: BoundElement): void => {
    if (open.at(-1)?.el === el) open.pop();
  };
  return {
    onComponent(c) {
      const status = statusOf(kb, c.element.binding.component?.record, target);
      if (!status) return;
      open.push({ el: c.element, kind: status.kind });
      found({ status, label: `component "${c.identity.name}"`, range: c.attrs['name']?.valueRange ?? c.element.nameRange, component: true });
    },
    onComponentEnd: (c) => close(c.element),
    onElement(el) {
      const outer = open.at(-1)?.kind;
      if (outer === 'removed') return;
      const status = statusOf(kb, el.binding.setting?.record, target);
      if (!status) return;
      open.push({ el, kind: status.kind });
      if (outer && status.kind === 'deprecated') return;
      found({ status, label: `setting "${pathOf(el)}"`, range: el.nameRange, component: false });
    },
    onElementEnd: close,
  };
}
