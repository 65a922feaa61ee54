// SARIF reportingDescriptors (tool.driver.rules) from rule metadata, shaped for GitHub code scanning.
import type { RuleMeta } from '../engine/rule.js';
import type { Diagnostic } from '../types.js';

/** Id under which findings without a rule (a file that is not well-formed XML) are reported. */
export const PARSE_ERROR_ID = 'parse-error';

// GitHub rejects a file with more tags per rule than this.
const MAX_TAGS = 20;

export type SarifLevel = 'error' | 'warning';

export interface ReportingDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: Record<string, unknown> & { tags: string[] };
}

export function sarifRuleId(d: Diagnostic): string {
  return d.ruleId ?? PARSE_ERROR_ID;
}

/** "no-plaintext-password" → "NoPlaintextPassword" (GitHub filters and titles by name). */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

// Parse errors come from the parser, not from a rule, but GitHub needs a descriptor for every
// ruleId it sees, so they get a built-in one.
const PARSE_ERROR_META: RuleMeta = {
  id: PARSE_ERROR_ID,
  summary: 'Answer file is not well-formed XML',
  category: 'correctness',
  severity: 'error',
  messages: {},
};

const PARSE_ERROR_FULL =
  'The file could not be parsed as XML, so no rule ran on it. Windows Setup rejects an answer ' +
  'file that is not well-formed; the position given is that of the first error.';

function help(summary: string, docsUrl: string | undefined): { text: string; markdown: string } {
  if (!docsUrl) return { text: summary, markdown: summary };
  return { text: `${summary}\n\nSee ${docsUrl}`, markdown: `${summary}\n\n[Documentation](${docsUrl})` };
}

function tagsOf(meta: RuleMeta): string[] {
  // GitHub counts security-severity only on results whose rule is tagged "security".
  const security = meta.securitySeverity !== undefined ? ['security'] : [];
  return [...new Set([meta.category, ...security, ...(meta.tags ?? [])])].slice(0, MAX_TAGS);
}

function fromMeta(meta: RuleMeta, fullText: string): ReportingDescriptor {
  const level: SarifLevel = meta.severity === 'error' ? 'error' : 'warning';
  const properties: ReportingDescriptor['properties'] = {
    tags: tagsOf(meta),
    precision: 'high',
    'problem.severity': level,
  };
  if (meta.securitySeverity !== undefined) properties['security-severity'] = meta.securitySeverity;
  const descriptor: ReportingDescriptor = {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.summary },
    fullDescription: { text: fullText },
    help: help(meta.summary, meta.docsUrl),
    ...(meta.docsUrl ? { helpUri: meta.docsUrl } : {}),
    defaultConfiguration: { level },
    properties,
  };
  return descriptor;
}

function fullDescription(meta: RuleMeta): string {
  const fixable = meta.fixable ? '; fixable' : '';
  return `${meta.summary}. Category: ${meta.category}; default severity: ${meta.severity}${fixable}.`;
}

/**
 * Descriptor for a rule id seen in the results. A rule missing from the run's metadata (e.g. a
 * plugin the caller did not pass) still gets one: GitHub rejects results whose rule has no
 * descriptions.
 */
export function ruleDescriptor(id: string, meta: RuleMeta | undefined, fallback: SarifLevel): ReportingDescriptor {
  if (meta) return fromMeta(meta, fullDescription(meta));
  if (id === PARSE_ERROR_ID) return fromMeta(PARSE_ERROR_META, PARSE_ERROR_FULL);
  const unknown: RuleMeta = {
    id,
    summary: `Rule ${id}`,
    category: 'correctness',
    severity: fallback === 'error' ? 'error' : 'warn',
    messages: {},
  };
  return fromMeta(unknown, `Rule ${id} (no metadata was available to the reporter).`);
}
