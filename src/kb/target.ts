// settings.targetVersion → the Windows build it stands for; the linter validates it once per config (a config error, exit 2).
import type { KnowledgeBase, ReleaseRecord } from './types.js';

export interface Target {
  /** The build deprecations are judged against (a family's latest release). */
  build: number;
  /**
   * The earliest build the file may be for; removals are certain only up to it. Equal to `build` for a named
   * release; a family inferred from an image name ("Windows 10 Pro") may be any of its releases.
   */
  minBuild: number;
  /** "Windows 11, version 23H2", "Windows Server 2019" or "build 22631", for messages. */
  label: string;
  /** Where the target comes from, for messages: "settings.targetVersion" or "inferred from /IMAGE/NAME … at line 40". */
  origin: string;
}

/** The value that asks for the target to be inferred from the file (also what an unset targetVersion means). */
export const AUTO = 'auto';

const FAMILY = /^windows-(10|11)$/;

/** A family's releases in the knowledge base ("windows-10" → 1507 … 22H2), oldest first. */
export function familyReleases(kb: KnowledgeBase, family: '10' | '11'): readonly ReleaseRecord[] {
  return kb.releases().filter((r) => r.id === `windows-${family}` || r.id.startsWith(`windows-${family}-`));
}

/**
 * settings.targetVersion → the build it stands for; undefined for "auto" or no value (the file decides, see
 * rules/_helpers/release.ts). "windows-10"/"windows-11" mean the family's latest release (what such a file meets
 * today); a release id ("windows-10-1809", "windows-11-23h2", "windows-server-2012-r2") or a build number
 * (22631, "22631", "10.0.22631") names one. Anything else is a configuration error.
 */
export function parseTarget(kb: KnowledgeBase, value: unknown): Target | undefined {
  if (value === undefined) return undefined;
  const releases = kb.releases();
  const text = String(value).trim().toLowerCase();
  if (text === AUTO) return undefined;
  const origin = 'settings.targetVersion';
  const family = FAMILY.exec(text);
  const release = family
    ? familyReleases(kb, family[1] as '10' | '11').at(-1)
    : // The knowledge base's "windows-10" is version 1507; here that name means the family.
      releases.find((r) => r.id === (text === 'windows-10-1507' ? 'windows-10' : text));
  if (release?.build) return { build: release.build, minBuild: release.build, label: release.name, origin };
  const parts = /^\d+(?:\.\d+)*$/.test(text) ? text.split('.') : [];
  const build = Number(parts.length >= 3 ? parts[2] : parts.length === 1 ? parts[0] : NaN);
  const named = releases.find((r) => r.build === build);
  // No Windows with answer files has a build below the oldest release's (Vista, 6000): "10" or "11" is a release
  // written as a number, and as a build it would come before every deprecation and silence both lifecycle rules.
  const oldest = Math.min(...releases.map((r) => r.build ?? Infinity));
  if (Number.isInteger(build) && build < oldest) {
    throw new TargetVersionError(
      `settings.targetVersion ${JSON.stringify(value)} is not a Windows build (the oldest with answer files is ${oldest}); ` +
        `for a release write its id, such as "windows-10" or "windows-11"`,
    );
  }
  if (Number.isInteger(build)) return { build, minBuild: build, label: named ? `${named.name} (build ${build})` : `build ${build}`, origin };
  throw new TargetVersionError(
    `settings.targetVersion ${JSON.stringify(value)} is not a Windows release; use "windows-10", "windows-11", a release id such as ` +
      `"windows-10-1809", "windows-11-23h2" or "windows-server-2022" (${releases.map((r) => r.id).join(', ')}), a build number such as 22631, ` +
      `or "auto" (the default: the release the file's image names)`,
  );
}

export class TargetVersionError extends Error {}
