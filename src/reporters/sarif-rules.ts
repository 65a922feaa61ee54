// SARIF reportingDescriptors (tool.driver.rules) from rule metadata, shaped for GitHub code scanning.
import type { RuleMeta } from '../engine/rule.js';
import { maskFound, scanFreeSecrets, secretElementShapes } from '../engine/secrets.js';
import { ruleDocsUrl } from '../meta.js';
import type { Diagnostic, Range } from '../types.js';
import { mergedSecretRanges } from './secrets.js';

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

/** "no-plaintext-password" → "NoPlaintextPassword" (GitHub lists rules by name). */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

// parse-error has no rules/<id>.md; its page is the section of docs/formats.md beside the rules folder.
const PARSE_ERROR_DOCS = new URL('../docs/formats.md#parse-error', ruleDocsUrl(PARSE_ERROR_ID)).href;

// Parse errors come from the parser, not from a rule, but GitHub needs a descriptor for every
// ruleId it sees, so they get a built-in one.
const PARSE_ERROR_META: RuleMeta = {
  id: PARSE_ERROR_ID,
  summary: 'Answer file is not well-formed XML',
  category: 'correctness',
  severity: 'error',
  messages: {},
  docsUrl: PARSE_ERROR_DOCS,
};

const PARSE_ERROR_FULL =
  'The file could not be parsed as XML, so no rule ran on it. Windows Setup rejects an answer ' +
  'file that is not well-formed; the position given is that of the first error.';

/** A Markdown link target that is a path relative to the doc (not a URL, not an anchor of the page). */
const RELATIVE_LINK = /\]\((?![a-z][a-z0-9+.-]*:|#|\/)([^)\s]+)\)/gi;

/**
 * A rule's doc as code scanning shows it under the alert: the title line dropped (the alert names the rule)
 * and relative links made absolute against the doc's own URL, since the alert is not beside the doc.
 * Credentials in its examples (product keys, command-line passwords, and the values of password elements in its
 * code blocks) are masked like those of answer files: no output shows anything shaped like one, whoever wrote it.
 */
export function helpMarkdown(doc: string, docsUrl: string | undefined): string {
  const titled = doc.replace(/^\uFEFF?#[^\n]*\n+/, '').trim();
  const body = maskFound(titled, mergedSecretRanges([...scanFreeSecrets(titled), ...codeBlockSecrets(titled)]));
  if (!docsUrl) return body;
  const linked = body.replace(RELATIVE_LINK, (_, target: string) => `](${new URL(target, docsUrl).href})`);
  return `${linked}\n\n[Documentation](${docsUrl})`;
}

const CODE_BLOCK = /^```[^\n]*\n([\s\S]*?)^```/gm;

/** The values of password elements in a doc's fenced code blocks (prose that names `<Password>` is left alone). */
function codeBlockSecrets(doc: string): Range[] {
  const out: Range[] = [];
  for (const m of doc.matchAll(CODE_BLOCK)) {
    const at = m.index! + m[0].indexOf('\n') + 1;
    for (const r of secretElementShapes(m[1]!)) out.push({ start: at + r.start, end: at + r.end });
  }
  return out;
}

function help(summary: string, docsUrl: string | undefined, doc: string | undefined): { text: string; markdown: string } {
  const text = docsUrl ? `${summary}\n\nSee ${docsUrl}` : summary;
  if (doc) return { text, markdown: helpMarkdown(doc, docsUrl) };
  return { text, markdown: docsUrl ? `${summary}\n\n[Documentation](${docsUrl})` : summary };
}

function tagsOf(meta: RuleMeta): string[] {
  // GitHub counts security-severity only on results whose rule is tagged "security".
  const security = meta.securitySeverity !== undefined ? ['security'] : [];
  return [...new Set([meta.category, ...security, ...(meta.tags ?? [])])].slice(0, MAX_TAGS);
}

// SARIF (3.49.7) wants a name that differs from the id, and the Multitool compares them ignoring case and
// asks for a PascalCase name on every rule, so a one-word id ("envelope") is named "EnvelopeCheck".
export function ruleName(id: string): string {
  const name = pascalCase(id);
  return name.toLowerCase() === id.toLowerCase() ? `${name}Check` : name;
}

function fromMeta(meta: RuleMeta, fullText: string, doc: string | undefined): ReportingDescriptor {
  const level: SarifLevel = meta.severity === 'error' ? 'error' : 'warning';
  const properties: ReportingDescriptor['properties'] = {
    tags: tagsOf(meta),
    precision: 'high',
    'problem.severity': level,
  };
  if (meta.securitySeverity !== undefined) properties['security-severity'] = meta.securitySeverity;
  const descriptor: ReportingDescriptor = {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.summary },
    fullDescription: { text: fullText },
    help: help(meta.summary, meta.docsUrl, doc),
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
export function ruleDescriptor(
  id: string,
  meta: RuleMeta | undefined,
  fallback: SarifLevel,
  doc?: string,
): ReportingDescriptor {
  if (meta) return fromMeta(meta, fullDescription(meta), doc);
  if (id === PARSE_ERROR_ID) return fromMeta(PARSE_ERROR_META, PARSE_ERROR_FULL, PARSE_ERROR_FULL);
  const unknown: RuleMeta = {
    id,
    summary: `Rule ${id}`,
    category: 'correctness',
    severity: fallback === 'error' ? 'error' : 'warn',
    messages: {},
  };
  return fromMeta(unknown, `Rule ${id} (no metadata was available to the reporter).`, undefined);
}
