// GitLab's code quality report (a subset of Code Climate's issue format): findings in the merge request
// widget and the diff, new and fixed ones told apart by their fingerprints.
import { createHash } from 'node:crypto';
import type { Diagnostic, FileResult } from '../types.js';
import { fileLineHashes } from './fingerprint.js';
import { posixPath } from './paths.js';
import { sarifRuleId } from './sarif-rules.js';
import { secretRedactor, messageText } from './secrets.js';
import type { Reporter, ReporterContext } from './types.js';

/** GitLab's scale, lowest first: info, minor, major, critical, blocker. */
export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

// A file Setup cannot read at all blocks; errors of security rules are critical; other errors major; warnings minor.
function severity(d: Diagnostic, ctx: ReporterContext): CodeQualitySeverity {
  if (d.fatal) return 'blocker';
  if (d.severity === 1) return 'minor';
  return d.ruleId && ctx.rules.get(d.ruleId)?.securitySeverity !== undefined ? 'critical' : 'major';
}

function fileIssues(file: FileResult, ctx: ReporterContext): CodeQualityIssue[] {
  const path = posixPath(file.filePath, ctx.cwd);
  const redact = secretRedactor(file);
  const hashes = fileLineHashes(file);
  const seen = new Map<string, number>();
  return file.messages.map((d) => {
    const id = sarifRuleId(d);
    const line = Math.max(1, d.line);
    // GitLab matches issues between the base and the head of a merge request by fingerprint: built from the
    // line's text hash (secrets masked), not its number, so findings keep theirs when lines above move;
    // repeats of a rule on equal lines are counted apart, as GitLab shows only one issue per fingerprint.
    const key = `${path}\0${id}\0${hashes[line - 1] ?? `line ${line}`}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return {
      description: messageText(d, redact),
      check_name: id,
      fingerprint: createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32),
      severity: severity(d, ctx),
      location: { path, lines: { begin: line } },
    };
  });
}

export const gitlab: Reporter = (results, ctx) => `${JSON.stringify(results.flatMap((f) => fileIssues(f, ctx)), null, 2)}\n`;
