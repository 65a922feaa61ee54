// Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool, pinned in devDependencies, its binary in the
// per-platform package npm installs beside it): `validate` with the SARIF rules and GitHub's ingestion rules.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tempDir } from './temp.js';

export interface Remark {
  /** Which input log (its index in the list validated). */
  log: number;
  ruleId: string;
  level: string;
  text: string;
}

/**
 * Notes the logs may keep, each for a reason of the design (everything else, and every error and warning,
 * counts against them):
 * - SARIF2002 asks for message ids with arguments instead of text: messages are composed by the rules, and
 *   code scanning shows message.text.
 * - SARIF2003 asks for versionControlProvenance: the linter does not know the commit; the upload records it.
 * - SARIF2006 asks that every URI answer an HTTP GET: a reachability probe, noted whenever the run is offline.
 * - SARIF2009 asks for ids like "CS2001": rule ids are kebab-case and a public contract, never renamed.
 */
export const ACCEPTED_NOTES = new Set(['SARIF2002', 'SARIF2003', 'SARIF2006', 'SARIF2009']);

function binary(): string {
  const require = createRequire(import.meta.url);
  return require(`@microsoft/sarif-multitool-${process.platform}`) as string;
}

interface OutLog {
  runs: {
    tool: { driver: { rules?: { id: string; messageStrings?: Record<string, { text: string }> }[] } };
    results?: { ruleId: string; ruleIndex?: number; level?: string; message: { id?: string; text?: string; arguments?: string[] }; locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[];
  }[];
}

/** Every remark the Multitool makes about these SARIF texts, with its message spelled out. */
export function multitoolRemarks(logs: string[]): Remark[] {
  const dir = tempDir('unattend-lint-multitool-');
  try {
    const inputs = logs.map((text, i) => {
      const file = join(dir, `log${i}.sarif`);
      writeFileSync(file, text);
      return file;
    });
    const out = join(dir, 'remarks.sarif');
    const args = ['validate', '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note', '--output', out, ...inputs];
    const r = spawnSync(binary(), args, { encoding: 'utf8', timeout: 180_000 });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`the Multitool exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
    const run = (JSON.parse(readFileSync(out, 'utf8')) as OutLog).runs[0]!;
    return (run.results ?? []).map((res) => {
      const rule = run.tool.driver.rules?.[res.ruleIndex ?? -1];
      const template = (res.message.id && rule?.messageStrings?.[res.message.id]?.text) ?? res.message.text ?? '';
      const text = template.replace(/\{(\d+)\}/g, (_, n: string) => res.message.arguments?.[Number(n)] ?? '');
      const uri = res.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
      const log = inputs.findIndex((f) => uri.endsWith(`/${f.split(/[\\/]/).pop()}`));
      return { log, ruleId: res.ruleId, level: res.level ?? 'warning', text };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The remarks that count against a log: all but the accepted notes, one line each. */
export function objections(remarks: Remark[]): string[] {
  return remarks.filter((r) => !(r.level === 'note' && ACCEPTED_NOTES.has(r.ruleId))).map((r) => `${r.level} ${r.ruleId}: ${r.text}`);
}
