// Deprecated and removed settings and components, judged against settings.targetVersion (shared by two rules).
import type { Visitor } from '../../src/engine/rule.js';
import type { KnowledgeBase, ReleaseRecord } from '../../src/kb/types.js';
import type { BoundElement } from '../../src/binder/bind.js';
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

/**
 * Visits components and settings and hands each deprecated or removed one to `found`, outermost only: what is
 * inside a removed element is not reported again, and what is inside a deprecated one only when it was removed.
 */
export function lifecycleVisitor(kb: KnowledgeBase, target: Target | undefined, found: (f: Finding) => void): Visitor {
  const covered = new Map<BoundElement, Status['kind']>();
  return {
    onComponent(c) {
      const status = statusOf(kb, c.element.binding.component?.record, target);
      if (!status) return;
      covered.set(c.element, status.kind);
      found({ status, label: `component "${c.identity.name}"`, range: c.attrs['name']?.valueRange ?? c.element.nameRange, component: true });
    },
    onElement(el) {
      if (el.role !== 'setting') return;
      const outer = el.parent ? covered.get(el.parent) : undefined;
      if (outer === 'removed') {
        covered.set(el, outer);
        return;
      }
      const status = statusOf(kb, el.binding.setting?.record, target);
      if (outer) covered.set(el, status?.kind ?? outer);
      if (!status || (outer && status.kind === 'deprecated')) return;
      covered.set(el, status.kind);
      found({ status, label: `setting "${pathOf(el)}"`, range: el.nameRange, component: false });
    },
    onElementEnd(el) {
      covered.delete(el);
    },
  };
}
