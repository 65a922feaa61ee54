// ctx.report: validates each report (known message id, range inside the file) and turns it into a Diagnostic.
import type { LineIndex } from '../source/line-index.js';
import type { Diagnostic, Range } from '../types.js';
import type { AnyRule, ReportExtra } from './rule.js';
import { InternalError } from './errors.js';

export interface Sink {
  lines: LineIndex;
  /** Length of the file's text: every range lies within it. */
  length: number;
  filePath: string;
  diagnostics: Diagnostic[];
  /**
   * true when an inline directive already seen turns the rule off for the whole file: its finding is then dropped
   * as it is reported (the directive is credited), so a long generated list it silences keeps no findings.
   */
  silenced(ruleId: string): boolean;
}

/** What each finding's message was made of, so that secrets can be masked in the data alone (see remasked). */
const formats = new WeakMap<Diagnostic, { fn: (data: unknown) => string; data: unknown }>();

/**
 * The finding's message made again from its data with `mask` applied to every string in it, so that only what the
 * file said is masked, never the message's own words: with the password "Password", "<Password>" in a message
 * stays as written, and masking it would give the password away. Undefined for a finding made otherwise.
 */
export function remasked(d: Diagnostic, mask: (s: string) => string): string | undefined {
  const f = formats.get(d);
  return f ? f.fn(maskedData(f.data, mask)) : undefined;
}

function maskedData(value: unknown, mask: (s: string) => string): unknown {
  if (typeof value === 'string') return mask(value);
  // A rule's own words (ownWords), not the file's.
  if (value instanceof String) return value;
  if (Array.isArray(value)) return value.map((v) => maskedData(v, mask));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskedData(v, mask);
    return out;
  }
  return value;
}

const inside = (r: Range, len: number): boolean =>
  Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= len;

export function createReporter(sink: Sink, rule: AnyRule, severity: 1 | 2) {
  const { id, messages, docsUrl } = rule.meta;
  return (messageId: string, range: Range, data: unknown, extra?: ReportExtra): void => {
    const fn = messages[messageId];
    if (typeof fn !== 'function') throw new InternalError(`rule "${id}" reported unknown message id "${messageId}"`, id, sink.filePath);
    if (!range || !inside(range, sink.length)) {
      throw new InternalError(`rule "${id}" reported a range outside ${sink.filePath}: ${JSON.stringify(range)}`, id, sink.filePath);
    }
    if (extra?.fix && !inside({ start: extra.fix.range[0], end: extra.fix.range[1] }, sink.length)) {
      throw new InternalError(`rule "${id}" proposed a fix outside ${sink.filePath}`, id, sink.filePath);
    }
    if (sink.silenced(id)) return;
    const d: Diagnostic = {
      ruleId: id,
      severity,
      message: fn(data),
      messageId,
      ...sink.lines.span(range),
      range,
    };
    if (data !== undefined) formats.set(d, { fn, data });
    if (extra?.fix) d.fix = extra.fix;
    if (docsUrl) d.docsUrl = docsUrl;
    if (extra?.related?.length) {
      d.related = extra.related.map((r) => ({ message: r.message, ...sink.lines.span(r.range) }));
    }
    sink.diagnostics.push(d);
  };
}
