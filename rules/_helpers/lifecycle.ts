// Deprecated and removed settings and components, judged against settings.targetVersion (shared by two rules).
import type { Visitor } from '../../src/engine/rule.js';
import type { KnowledgeBase, ReleaseRecord } from '../../src/kb/types.js';
import type { ElementNode } from '../../src/parser/events.js';
import { resolveComponent } from './kb-names.js';
import { settingOf } from './setting.js';

export interface Target {
  build: number;
  /** "Windows 11, version 23H2" or "build 22631", for messages. */
  label: string;
}

interface Lifecycle {
  deprecated?: { since?: string; note?: string; replacement?: string };
  removed?: { since: string };
}

export type Status =
  | { kind: 'removed'; since: ReleaseRecord }
  | { kind: 'deprecated'; since?: ReleaseRecord; removedLater?: ReleaseRecord; note?: string; replacement?: string };

const FAMILY = /^windows-(10|11)$/;

/**
 * settings.targetVersion → the build it stands for. "windows-10"/"windows-11" mean the family's latest release
 * (what such a file meets today); a release id ("windows-10-1809", "windows-11-23h2") or a build number
 * (22631, "22631", "10.0.22631") names one. Anything else is a configuration error.
 */
export function parseTarget(kb: KnowledgeBase, value: unknown): Target | undefined {
  if (value === undefined) return undefined;
  const releases = kb.releases();
  const text = String(value).trim().toLowerCase();
  const family = FAMILY.exec(text);
  const release = family
    ? releases.filter((r) => r.id.startsWith(`windows-${family[1]}`)).at(-1)
    : // The knowledge base's "windows-10" is version 1507; here that name means the family.
      releases.find((r) => r.id === (text === 'windows-10-1507' ? 'windows-10' : text));
  if (release?.build) return { build: release.build, label: release.name };
  const parts = /^\d+(?:\.\d+)*$/.test(text) ? text.split('.') : [];
  const build = Number(parts.length >= 3 ? parts[2] : parts.length === 1 ? parts[0] : NaN);
  const named = releases.find((r) => r.build === build);
  if (Number.isInteger(build)) return { build, label: named ? `${named.name} (build ${build})` : `build ${build}` };
  throw new Error(
    `settings.targetVersion ${JSON.stringify(value)} is not a Windows release; use "windows-10", "windows-11", a release id such as ` +
      `"windows-10-1809" or "windows-11-23h2" (${releases.map((r) => r.id).join(', ')}), or a build number such as 22631`,
  );
}

/** Whether an element is deprecated or removed for the target (no target: every recorded change counts). */
export function statusOf(kb: KnowledgeBase, info: Lifecycle | undefined, target: Target | undefined): Status | undefined {
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

/** A component's record (a case slip in the name still finds it). */
function componentLifecycle(kb: KnowledgeBase, name: string): Lifecycle | undefined {
  const resolved = resolveComponent(kb, name);
  return resolved && kb.component(resolved.name);
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
  const covered = new Map<ElementNode, Status['kind']>();
  return {
    onComponent(c) {
      const status = statusOf(kb, componentLifecycle(kb, c.identity.name), target);
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
      const status = statusOf(kb, settingOf(kb, el), target);
      if (outer) covered.set(el, status?.kind ?? outer);
      if (!status || (outer && status.kind === 'deprecated')) return;
      covered.set(el, status.kind);
      found({ status, label: `setting "${el.path.join('/')}"`, range: el.nameRange, component: false });
    },
    onElementEnd(el) {
      covered.delete(el);
    },
  };
}
