// The Windows release an answer file is for, inferred from what the file itself says (settings.targetVersion "auto").
//
// Two places name the image: the Microsoft-Windows-Setup ImageInstall/OSImage/InstallFrom/MetaData items whose Key is
// /IMAGE/NAME or /IMAGE/DESCRIPTION (Setup installs the image whose metadata matches, so these name the release that
// is installed), and the <cpi:offlineImage cpi:source="wim:…/install.wim#Windows 7 ULTIMATE"> element Windows SIM
// writes for the image (or catalog, "catalog:…/install_Windows 10 Pro.clg") the file was authored against. The
// metadata wins; the offline image is the fallback, and as copies of a file keep it, only
// for deprecations (a removal it implies stays a warning). A name that does not say the release (a custom image name, a
// template token, a preview build) infers nothing, and neither do sources that disagree: the rules then behave as
// without a target. Pure functions over the answer model, so `--explain` can show them.
import type { AnswerModel, Fact } from '../../src/engine/model.js';
import type { SettingKey } from '../../src/kb/setting-keys.js';
import type { KnowledgeBase } from '../../src/kb/types.js';
import { familyReleases } from '../../src/kb/target.js';
import type { Range } from '../../src/types.js';

const METADATA = 'Microsoft-Windows-Setup/ImageInstall/OSImage/InstallFrom/MetaData' as const;
const METADATA_KEY = `${METADATA}/Key` as const;
const METADATA_VALUE = `${METADATA}/Value` as const;

/** The facts the inference reads (a rule that infers lists them in meta.facts). */
export const RELEASE_FACTS: readonly SettingKey[] = [METADATA, METADATA_KEY, METADATA_VALUE];


/** The release an image name stands for: one build, or a family's range when the name does not say which release. */
export interface ImageRelease {
  /** Deprecations are judged against this build (a family's latest release). */
  build: number;
  /** The earliest build the name allows (removals are certain only up to it). */
  minBuild: number;
  /** "Windows 7", "Windows Server 2012 R2", "Windows 10, version 1809" or the family, "Windows 10". */
  label: string;
}

/** What named the image, where. */
export interface ReleaseEvidence {
  /** "/IMAGE/NAME", "/IMAGE/DESCRIPTION" or "cpi:offlineImage". */
  source: '/IMAGE/NAME' | '/IMAGE/DESCRIPTION' | 'cpi:offlineImage';
  /** The image name as written (the metadata value, or the image part of the offline image's source). */
  name: string;
  /** Where the name is written. */
  range: Range;
}

export interface InferredRelease extends ImageRelease {
  evidence: ReleaseEvidence;
}

/** Long-term servicing editions name their release by year ("Windows 10 Enterprise LTSC 2019" is version 1809). */
const LTS: Record<string, Record<string, string>> = {
  '10': { '2015': 'windows-10', '2016': 'windows-10-1607', '2019': 'windows-10-1809', '2021': 'windows-10-21h2' },
  '11': { '2024': 'windows-11-24h2' },
};

/**
 * An image name → the release it stands for: "Windows 7 PROFESSIONAL", "Windows Server 2012 R2 SERVERSTANDARD",
 * "Hyper-V Server 2012 SERVERHYPERCORE", "Windows 10 Enterprise LTSC 2019", "Windows 11 Pro" (the family: any of
 * its releases). Undefined when the name does not say (custom names, previews, releases the knowledge base lacks).
 */
export function releaseOfImageName(kb: KnowledgeBase, name: string): ImageRelease | undefined {
  const text = name.replace(/[_\s]+/g, ' ').trim().toLowerCase();
  // A preview's build is none of the releases'.
  if (/\b(?:preview|insider)\b/.test(text)) return undefined;
  const byId = (id: string): ImageRelease | undefined => {
    const r = kb.releases().find((x) => x.id === id);
    return r?.build ? { build: r.build, minBuild: r.build, label: r.name } : undefined;
  };
  const server = /\bserver (\d{4})( r2)?\b/.exec(text);
  if (server) return byId(`windows-server-${server[1]}${server[2] ? '-r2' : ''}`);
  const client = /\bwindows (vista|7|8\.1|8|10|11)\b/.exec(text);
  if (!client) return undefined;
  const family = client[1]!;
  if (family !== '10' && family !== '11') return byId(`windows-${family}`);
  const lts = /\blts[bc] (\d{4})\b/.exec(text);
  const version = /\b(1[5-9]\d\d|2\d[01]\d|2\dh[12])\b/.exec(text);
  const id = lts ? LTS[family]![lts[1]!] : version ? (version[1] === '1507' ? 'windows-10' : `windows-${family}-${version[1]}`) : undefined;
  const named = id ? byId(id) : undefined;
  if (named) return named;
  const builds = familyReleases(kb, family).flatMap((r) => (r.build ? [r.build] : []));
  if (builds.length === 0) return undefined;
  return { build: Math.max(...builds), minBuild: Math.min(...builds), label: `Windows ${family}` };
}

/**
 * The image the file's first <cpi:offlineImage> naming one names, with the range of its source attribute's value: the
 * part after "#" of a "wim:" source, the catalog file's base name of a "catalog:" one. The parser finds the elements
 * (outside comments, their prefix bound to the cpi namespace); the answer model keeps their sources.
 */
export function offlineImageName(model: Pick<AnswerModel, 'offlineImages'>): { name: string; range: Range } | undefined {
  for (const { value, range } of model.offlineImages) {
    const hash = value.indexOf('#');
    const name = /^wim:/i.test(value) && hash >= 0 ? value.slice(hash + 1) : /^catalog:/i.test(value) ? (value.split(/[\\/]/).at(-1) ?? '').replace(/\.clg$/i, '') : '';
    if (name.trim()) return { name, range };
  }
  return undefined;
}

/** The image names the MetaData items give under `key`, with their values' ranges (template tokens and empty values skipped). */
function metadataNames(model: AnswerModel, key: '/IMAGE/NAME' | '/IMAGE/DESCRIPTION'): { name: string; range: Range }[] {
  const out: { name: string; range: Range }[] = [];
  for (const item of model.all(METADATA)) {
    const k = model.child(item, METADATA_KEY);
    const v: Fact | undefined = model.child(item, METADATA_VALUE);
    if (!k || !v || k.placeholder || v.placeholder || !v.valueRange) continue;
    if (k.text?.trim().toUpperCase() !== key || !v.text?.trim()) continue;
    out.push({ name: v.text.trim(), range: v.valueRange });
  }
  return out;
}

/**
 * The release the file is for, from the first source that names one: /IMAGE/NAME, then /IMAGE/DESCRIPTION, then
 * the offline image. Names of one source that stand for different releases infer nothing.
 */
export function inferRelease(kb: KnowledgeBase, model: AnswerModel): InferredRelease | undefined {
  const offline = offlineImageName(model);
  const sources: [ReleaseEvidence['source'], { name: string; range: Range }[]][] = [
    ['/IMAGE/NAME', metadataNames(model, '/IMAGE/NAME')],
    ['/IMAGE/DESCRIPTION', metadataNames(model, '/IMAGE/DESCRIPTION')],
    ['cpi:offlineImage', offline ? [offline] : []],
  ];
  for (const [source, names] of sources) {
    const found = names.flatMap((n) => {
      const release = releaseOfImageName(kb, n.name);
      return release ? [{ ...release, evidence: { source, ...n } }] : [];
    });
    if (found.length === 0) continue;
    const first = found[0]!;
    if (found.some((f) => f.build !== first.build || f.minBuild !== first.minBuild)) return undefined;
    // The offline image is what the file was authored against, and copied files keep it (a Windows 10 file with a
    // Windows 7 catalog): deprecations are judged against it, but it makes no removal certain.
    return source === 'cpi:offlineImage' ? { ...first, minBuild: 0 } : first;
  }
  return undefined;
}
