// Organisation policy entries (require-setting, forbid-setting): a setting path, optionally a pass, and conditions on its value.
import type { Fact } from '../../src/engine/model.js';
import { UnknownFactError } from '../../src/engine/plan.js';
import type { KnowledgeBase } from '../../src/kb/types.js';

export interface PolicyEntry {
  /** A setting key: component and path, "Microsoft-Windows-Shell-Setup/TimeZone". */
  path: string;
  pass?: string;
  equals?: string | number | boolean;
  oneOf?: (string | number | boolean)[];
  /** A JavaScript regular expression the trimmed value must match (unanchored). */
  pattern?: string;
  min?: number;
  max?: number;
  /** What a finding says instead of the entry itself. */
  message?: string;
}

export interface PolicyOptions {
  settings: PolicyEntry[];
}

const SCALAR = { type: ['string', 'number', 'boolean'] };

export const POLICY_SCHEMA = {
  type: 'object',
  properties: {
    settings: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          path: { type: 'string', minLength: 1 },
          pass: { enum: ['windowsPE', 'offlineServicing', 'generalize', 'specialize', 'auditSystem', 'auditUser', 'oobeSystem'] },
          equals: SCALAR,
          oneOf: { type: 'array', items: SCALAR, minItems: 1 },
          pattern: { type: 'string', minLength: 1 },
          min: { type: 'number' },
          max: { type: 'number' },
          message: { type: 'string', minLength: 1 },
        },
        required: ['path'],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

export const POLICY_DEFAULTS: PolicyOptions = { settings: [] };

/** A policy entry that cannot be used (an invalid pattern): a configuration error, like a misspelt path. */
export class PolicyEntryError extends UnknownFactError {
  constructor(ruleId: string, what: string) {
    super(ruleId, what, undefined);
    this.message = `rule "${ruleId}": ${what}`;
  }
}

/**
 * The facts the entries need (unknown paths fail the plan with a did-you-mean); entries that can never behave as
 * written fail here too: an invalid pattern, min above max, conditions on a container (which has no value), a pass
 * the setting's page does not list (the entry could be met only by a misplaced setting).
 */
export function policyFacts(ruleId: string) {
  return (options: PolicyOptions, kb?: KnowledgeBase): readonly string[] => {
    for (const e of options.settings) {
      const of = `of the entry for "${e.path}"`;
      if (e.min !== undefined && e.max !== undefined && e.min > e.max) {
        throw new PolicyEntryError(ruleId, `min ${e.min} ${of} is above its max ${e.max}: no value can meet both`);
      }
      const node = kb?.tree().setting(e.path);
      if (node && node.record.kind === 'container' && hasConditions(e)) {
        throw new PolicyEntryError(ruleId, `"${e.path}" holds other settings and has no value of its own, so the conditions ${of} never apply; name a setting inside it, or drop the conditions`);
      }
      const passes = node && !node.record.passesInferred ? node.record.passes : [];
      if (node && e.pass !== undefined && passes.length > 0 && !passes.includes(e.pass as never)) {
        throw new PolicyEntryError(ruleId, `the pass "${e.pass}" ${of} is not one Setup applies it in (${passes.join(', ')}); name one of those`);
      }
      if (e.pattern !== undefined) {
        try {
          new RegExp(e.pattern, 'iu');
        } catch (err) {
          throw new PolicyEntryError(ruleId, `the pattern ${JSON.stringify(e.pattern)} of the entry for "${e.path}" is not a valid regular expression (${(err as Error).message})`);
        }
      }
    }
    return [...new Set(options.settings.map((e) => e.path))];
  };
}

/** The entry has conditions on the value (else only presence matters). */
export const hasConditions = (e: PolicyEntry): boolean =>
  e.equals !== undefined || e.oneOf !== undefined || e.pattern !== undefined || e.min !== undefined || e.max !== undefined;

/** The fact applies to the entry's pass (any pass when it names none). */
export const inPass = (e: PolicyEntry, f: Fact): boolean => e.pass === undefined || f.pass === e.pass;

function same(f: Fact, wanted: string | number | boolean): boolean {
  if (typeof f.value === 'boolean' || typeof f.value === 'number') return String(f.value) === String(wanted).trim().toLowerCase();
  // Strings and enumerations: Setup reads them without regard to case.
  return f.text!.trim().toLowerCase() === String(wanted).trim().toLowerCase();
}

/** Whether the fact's value meets every condition of the entry; undefined when it has no value to judge (a container). */
export function meets(e: PolicyEntry, f: Fact): boolean | undefined {
  if (f.text === undefined) return undefined;
  const text = f.text.trim();
  if (e.equals !== undefined && !same(f, e.equals)) return false;
  if (e.oneOf !== undefined && !e.oneOf.some((w) => same(f, w))) return false;
  if (e.pattern !== undefined && !new RegExp(e.pattern, 'iu').test(text)) return false;
  if (e.min !== undefined || e.max !== undefined) {
    const n = typeof f.value === 'number' ? f.value : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
    if (Number.isNaN(n) || (e.min !== undefined && n < e.min) || (e.max !== undefined && n > e.max)) return false;
  }
  return true;
}

/** What a finding names its entry by: the entry's message, or the entry itself. */
export function describeEntry(e: PolicyEntry): string {
  if (e.message) return e.message;
  const { message: _unused, ...rest } = e;
  return `policy ${JSON.stringify(rest)}`;
}

/** The conditions in words: `equal to "UTC"`, `one of 1, 3`, `matching /^CORP-/`, `at least 1 and at most 3`. */
export function conditionsOf(e: PolicyEntry): string {
  const parts: string[] = [];
  if (e.equals !== undefined) parts.push(`equal to ${JSON.stringify(e.equals)}`);
  if (e.oneOf !== undefined) parts.push(`one of ${e.oneOf.map((v) => JSON.stringify(v)).join(', ')}`);
  if (e.pattern !== undefined) parts.push(`matching /${e.pattern}/`);
  if (e.min !== undefined) parts.push(`at least ${e.min}`);
  if (e.max !== undefined) parts.push(`at most ${e.max}`);
  return parts.join(' and ');
}

/** The metadata require-setting and forbid-setting share: off by default, errors when enabled, entries as options. */
export function policyMeta(id: string) {
  return {
    id,
    category: 'policy' as const,
    severity: 'error' as const,
    recommended: false,
    schema: POLICY_SCHEMA,
    defaultOptions: POLICY_DEFAULTS,
    facts: policyFacts(id),
  };
}

/** `" in pass \"oobeSystem\""`, or '' for an entry about every pass. */
export const passPhrase = (e: PolicyEntry): string => (e.pass ? ` in pass "${e.pass}"` : '');
