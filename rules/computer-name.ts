// computer-name: an invalid ComputerName stops specialize ("the answer file is invalid") or worse.
import { defineRule } from '../src/engine/rule.js';
import { isTemplated } from './_helpers/placeholders.js';
import { settingKey, settingOf } from './_helpers/setting.js';
import { quote } from './_helpers/value-text.js';

/** Shell-Setup/ComputerName ("*" or empty: a random name) and Deployment/AuditComputerName/Name (audit mode). */
const RANDOM_ALLOWED = 'Microsoft-Windows-Shell-Setup/ComputerName';
const NAME_SETTINGS = new Set([RANDOM_ALLOWED, 'Microsoft-Windows-Deployment/AuditComputerName/Name']);

/** microsoft-windows-shell-setup-computername: no spaces and none of { | } ~ [ \ ] ^ ' : ; < = > ? @ ! " # $ % ` ( ) + / . , * & */
const FORBIDDEN = new Set([...'{|}~[\\]^\':;<=>?@!"#$%`()+/.,*&', ' ', '\t', '\r', '\n']);
const MAX_BYTES = 15;

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
/** Bytes in the most compact code page Windows could use: 1 per character, 2 for CJK in a double-byte code page. */
const fewestBytes = (s: string): number => [...s].reduce((n, c) => n + (c.codePointAt(0)! >= 0x1100 ? 2 : 1), 0);
const show = (c: string): string => (c === ' ' ? 'a space' : /\s/.test(c) ? 'a line break or tab' : `"${c}"`);

const list = (items: string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The longest prefix of `name` within 15 UTF-8 bytes, without a trailing hyphen. */
function truncate(name: string): string {
  let out = '';
  for (const c of name) {
    if (utf8Bytes(out + c) > MAX_BYTES) break;
    out += c;
  }
  return out.replace(/-+$/, '');
}

export default defineRule({
  meta: {
    id: 'computer-name',
    summary: 'Computer names are at most 15 bytes, a valid DNS label of allowed characters, and not only digits',
    category: 'correctness',
    severity: 'error',
    messages: {
      tooLong: (d: { value: string; bytes: string; suggestion: string }) =>
        `computer name ${d.value} is ${d.bytes} bytes; Windows accepts at most 15, shorten it (e.g. "${d.suggestion}")`,
      mayBeTooLong: (d: { value: string; bytes: number }) =>
        `computer name ${d.value} is ${d.bytes} bytes in UTF-8; it fits in 15 bytes only in a double-byte code page, so keep it shorter or ASCII`,
      forbidden: (d: { value: string; chars: string }) =>
        `computer name ${d.value} contains ${d.chars}; computer names cannot contain spaces or { | } ~ [ \\ ] ^ ' : ; < = > ? @ ! " # $ % \` ( ) + / . , * &`,
      digits: (d: { value: string }) =>
        `computer name ${d.value} has only digits, which DnsValidateName rejects; add a letter`,
      hyphen: (d: { value: string }) =>
        `computer name ${d.value} starts or ends with a hyphen, which DNS host names do not allow; DnsValidateName does not check it, but name resolution may fail, move or drop the hyphen`,
      underscore: (d: { value: string }) =>
        `computer name ${d.value} contains "_", which DNS host names do not allow; Windows accepts it as a non-standard name, but name resolution may fail, use "-" instead`,
      nonStandard: (d: { value: string }) =>
        `computer name ${d.value} contains a character outside the Basic Multilingual Plane (such as an emoji), which computer names cannot use`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const record = settingOf(ctx.kb, v.element);
        const id = record && settingKey(record);
        if (!id || !NAME_SETTINGS.has(id) || isTemplated(v.text)) return;
        const name = v.text;
        // Empty (and for Shell-Setup "*") means a random name; an empty AuditComputerName/Name is empty-value's.
        if (name === '' || (name === '*' && id === RANDOM_ALLOWED)) return;
        const value = quote(name);
        const bad = [...new Set([...name].filter((c) => FORBIDDEN.has(c)))];
        if (bad.length > 0) ctx.report('forbidden', v.range, { value, chars: list(bad.map(show)) });
        else if (/^\d+$/.test(name)) ctx.report('digits', v.range, { value });
        else if ([...name].some((c) => c.codePointAt(0)! > 0xffff)) ctx.report('nonStandard', v.range, { value });
        // DnsValidateName's documented checks (length, dots, digits only, "_", forbidden characters) say
        // nothing about hyphens, and no report shows Setup failing on one: a warning, like "_".
        else if (/^-|-$/.test(name)) ctx.report('hyphen', v.range, { value }, { severity: 'warn' });
        else if (name.includes('_')) ctx.report('underscore', v.range, { value }, { severity: 'warn' });
        const bytes = utf8Bytes(name);
        const fewest = fewestBytes(name);
        const size = fewest === bytes ? `${bytes}` : `at least ${fewest}`;
        if (fewest > MAX_BYTES) ctx.report('tooLong', v.range, { value, bytes: size, suggestion: truncate(name) });
        else if (bytes > MAX_BYTES) ctx.report('mayBeTooLong', v.range, { value, bytes }, { severity: 'warn' });
      },
    };
  },
});
