// settings.targetVersion → the Windows build it stands for; the linter validates it once per config (a config error, exit 2).
import type { KnowledgeBase } from './types.js';

export interface Target {
  build: number;
  /** "Windows 11, version 23H2" or "build 22631", for messages. */
  label: string;
}

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
  throw new TargetVersionError(
    `settings.targetVersion ${JSON.stringify(value)} is not a Windows release; use "windows-10", "windows-11", a release id such as ` +
      `"windows-10-1809" or "windows-11-23h2" (${releases.map((r) => r.id).join(', ')}), or a build number such as 22631`,
  );
}

export class TargetVersionError extends Error {}
