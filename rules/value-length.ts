// value-length: a value over its documented maximum stops Setup ("could not parse or process the answer file").
import { defineRule } from '../src/engine/rule.js';
import { bounded } from './_helpers/subscriptions.js';
import { findPlaceholders } from './_helpers/placeholders.js';
import { splitPadding } from './_helpers/value-text.js';

/**
 * Computer names are limited in bytes, not characters: computer-name checks them. A time zone is one of the ids
 * Windows lists: time-zone reports any other value, however long.
 */
const OWNED_ELSEWHERE = new Set<string>(['Microsoft-Windows-Shell-Setup/ComputerName', 'Microsoft-Windows-Deployment/AuditComputerName/Name', 'Microsoft-Windows-Shell-Setup/TimeZone']);
/** In command lines PowerShell's ${x} is syntax, not a template token whose rendering would change the length. */
const COMMANDS = new Set(['CommandLine', 'Path', 'Command']);

export default defineRule({
  meta: {
    id: 'value-length',
    summary: 'String values stay within the maximum length their reference page documents',
    category: 'correctness',
    severity: 'error',
    settings: bounded,
    messages: {
      tooLong: (d: { name: string; length: number; max: number; command: boolean }) =>
        `<${d.name}> is ${d.length} characters long, over its documented maximum of ${d.max}; shorten it${d.command ? ' (move the work into a script the command runs)' : ''}`,
      paddedTooLong: (d: { name: string; length: number; max: number; padding: number }) =>
        `<${d.name}> is ${d.length} characters long, over its documented maximum of ${d.max}, ${d.padding} of them whitespace around the value (a reformatter?); remove the whitespace`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const s = v.element.binding.setting;
        const t = s?.record.value;
        if (!s || t?.type !== 'string' || t.maxLength === undefined) return;
        if (OWNED_ELSEWHERE.has(s.key)) return;
        // Setup counts UTF-16 code units (Windows strings; MAX_PATH 260 with the terminator gives Path's 259).
        const length = v.text.length;
        if (length <= t.maxLength) return;
        if (findPlaceholders(v.text, COMMANDS.has(v.element.local) ? 'command' : 'value').length > 0) return;
        const name = v.element.qname;
        const core = splitPadding(v.text).core.length;
        if (core <= t.maxLength) ctx.report('paddedTooLong', v.range, { name, length, max: t.maxLength, padding: length - core });
        else ctx.report('tooLong', v.range, { name, length, max: t.maxLength, command: COMMANDS.has(v.element.local) });
      },
    };
  },
});
