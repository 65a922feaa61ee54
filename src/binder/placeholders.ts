// Unreplaced template tokens (Jinja/Go/Mustache, HCL/shell, Autoconf, Nutanix Calm, batch-style) in answer-file text.

export interface Placeholder {
  /** Offset of the token in the scanned string. */
  index: number;
  token: string;
}

/** Where the text sits decides which token shapes are placeholders and which are normal syntax ('secret': a password's value). */
export type PlaceholderContext = 'value' | 'command' | 'attribute' | 'secret';

/** A token shape, and text every match of it holds (a text without it is not searched). */
interface Shape {
  needle: string;
  re: RegExp;
}

// Always a placeholder: no Windows Setup value, command or password holds these shapes.
const BRACED: Shape[] = [
  { needle: '{{', re: /\{\{.*?\}\}/g }, // {{ var }}, {{.Field}}
  { needle: '{%', re: /\{%-?\s*[A-Za-z].*?-?%\}/g }, // {% if … %}
  { needle: '@@{', re: /@@\{[^{}]*\}@@/g }, // @@{calm_macro}@@
];
// @VAR@, @@VAR@@ (autoconf, sed templates): a placeholder in values and commands; in a password only as the whole value.
const AT_NAME: Shape = { needle: '@', re: /(?<![\w@])(@@?)[A-Z][A-Z0-9_]*\1(?![\w@])/g };
const ALWAYS: Shape[] = [...BRACED, AT_NAME];
// Placeholders except inside command lines, where PowerShell ${x} and comment markers are legitimate.
const NOT_IN_COMMANDS: Shape[] = [
  { needle: '${', re: /\$\{[^{}]*\}/g }, // ${var} (Packer HCL, shell, Mako, JS template literals)
  { needle: '%{', re: /%\{[^{}]*\}/g }, // %{ if … } (HCL directives; PowerShell's %{ … } is ForEach-Object in commands)
  { needle: '%', re: /(?<=^[ \t]*)%[ \t]*(?:if|elif|else|endif|for|endfor)\b[^\r\n]*/gm }, // Mako control lines
  { needle: '#', re: /(?<![\w#])#[A-Z][A-Z0-9_]*#(?![\w#])/g }, // #VAR#
];
// %var% is how Windows writes environment variables in commands and paths; a whole value that is one
// %token% naming no Windows variable is a template's, e.g. <UILanguage>%locale%</UILanguage>.
const WHOLE_PERCENT = /^\s*(%([A-Za-z_][\w.-]*)%)\s*$/;
const WINDOWS_VARIABLES = new Set(
  [
    'ALLUSERSPROFILE', 'APPDATA', 'CD', 'CommonProgramFiles', 'COMPUTERNAME', 'ComSpec', 'DATE', 'ERRORLEVEL',
    'HOMEDRIVE', 'HOMEPATH', 'LOCALAPPDATA', 'LOGONSERVER', 'NUMBER_OF_PROCESSORS', 'OS', 'Path', 'PATHEXT',
    'PROCESSOR_ARCHITECTURE', 'ProgramData', 'ProgramFiles', 'ProgramW6432', 'PUBLIC', 'RANDOM', 'SystemDrive',
    'SystemRoot', 'TEMP', 'TIME', 'TMP', 'USERDOMAIN', 'USERNAME', 'USERPROFILE', 'windir',
  ].map((v) => v.toLowerCase()),
);

// A whole value that is a PowerShell variable or subexpression ($DestOU, $PC.IPv4, $($PC.IPv4)) is a here-string
// template's: no Setup value is written so. Not in commands, where PowerShell is code, nor in secrets, where a
// password may well start with "$".
const WHOLE_POWERSHELL = /^\s*(\$\((?:[^()\r\n]|\([^()\r\n]*\))*\)|\$[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*$/;

/** Every built-in token shape holds one of these (tested before the shapes; a literal in a function is a new object per call). */
const MARK = /[{@#$%]/;
const CONDITIONAL_MARK = /[{%]/;

/**
 * The matches of each shape in `text`. The shapes' own expressions are run from the start (no copy of each, as
 * matchAll makes), and only over a text holding the shape's needle: most values with a mark hold one shape or none.
 */
function scan(text: string, shapes: readonly Shape[], out: Placeholder[]): void {
  for (const { needle, re } of shapes) {
    if (!text.includes(needle)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      out.push({ index: m.index, token: m[0] });
      if (m[0] === '') re.lastIndex++;
    }
  }
}

/**
 * Shapes that a password may hold as ordinary characters ("P@SS@2024", "Tr#E#", "a${b}"): in a secret they count
 * only when the token is the whole value, as a template writes it (<Value>@ADMIN_PASSWORD@</Value>).
 */
const WHOLE_IN_SECRETS: Shape[] = [AT_NAME, ...NOT_IN_COMMANDS];

/** Placeholder tokens in `text`, sorted by position. */
export function findPlaceholders(text: string, context: PlaceholderContext): Placeholder[] {
  const out: Placeholder[] = [];
  if (!MARK.test(text)) return out;
  if (context === 'secret') {
    scan(text, BRACED, out);
    const trimmed = text.trim();
    const whole: Placeholder[] = [];
    scan(text, WHOLE_IN_SECRETS, whole);
    for (const p of whole) if (p.token === trimmed) out.push(p);
  } else {
    scan(text, ALWAYS, out);
    if (context !== 'command') scan(text, NOT_IN_COMMANDS, out);
  }
  const m = context === 'command' ? null : WHOLE_PERCENT.exec(text);
  // Setup never expands variables in attributes; in values only Windows' own variables make sense.
  if (m && (context === 'attribute' || !WINDOWS_VARIABLES.has(m[2]!.toLowerCase()))) {
    out.push({ index: text.indexOf(m[1]!), token: m[1]! });
  }
  const ps = context === 'value' || context === 'attribute' ? WHOLE_POWERSHELL.exec(text) : null;
  if (ps) out.push({ index: text.indexOf(ps[1]!), token: ps[1]! });
  out.sort((a, b) => a.index - b.index || b.token.length - a.token.length);
  // Keep the outermost token where shapes nest, e.g. {{ ${x} }}.
  let end = 0;
  return out.filter((p) => p.index >= end && (end = p.index + p.token.length) > 0);
}

/** True when a text holds a template token: rules that check values leave it to template-placeholder. */
export function isTemplated(text: string, secret = false): boolean {
  return holdsPlaceholder(text, secret ? 'secret' : 'attribute');
}

/**
 * isTemplated for an element's value, as template-placeholder judges values: a whole %VAR% naming a Windows variable
 * (%COMPUTERNAME%) is no template token there, so the value rules judge it (Setup does not expand it).
 */
export function isTemplatedValue(text: string, secret: boolean): boolean {
  return holdsPlaceholder(text, secret ? 'secret' : 'value');
}

const holdsPlaceholder = (text: string, context: PlaceholderContext): boolean => MARK.test(text) && findPlaceholders(text, context).length > 0;

// Conditionals of Jinja, HCL, Go templates and Mako: elements on two sides of one may be alternatives
// (if/else, or two ifs on exclusive conditions) that never meet in a rendered file, so no duplicate.
const CONDITIONAL =
  /\{%-?\s*(?:if|elif|else|endif)\b|%\{~?\s*(?:if|else|endif)\b|\{\{-?\s*(?:if|else|end)\b|^[ \t]*%[ \t]*(?:if|elif|else|endif)\b/m;

/** The characters of MARK. */
const MARK_CHARS = ['{', '@', '#', '$', '%'] as const;

/**
 * Offsets of the characters every built-in template token holds, in order. A native search per character (most
 * texts hold a few), then one merge of the five sorted lists: linear, however many there are.
 */
export function templateMarkOffsets(text: string): number[] {
  const lists: number[][] = [];
  for (const c of MARK_CHARS) {
    const at: number[] = [];
    for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) at.push(i);
    if (at.length > 0) lists.push(at);
  }
  if (lists.length <= 1) return lists[0] ?? [];
  const out: number[] = [];
  const next = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let k = 0; k < lists.length; k++) if (next[k]! < lists[k]!.length && (best < 0 || lists[k]![next[k]!]! < lists[best]![next[best]!]!)) best = k;
    if (best < 0) return out;
    out.push(lists[best]![next[best]!++]!);
  }
}

/** Offsets of every template conditional in the text, in order (one scan). */
export function conditionalOffsets(text: string): number[] {
  const scan = { found: [], from: 0 };
  conditionalsIn(text, 0, text.length, scan);
  return scan.found;
}

/**
 * The template conditionals of `text` (which starts at offset `base` of the file) that start before `until`, from
 * where `scan` stands on. A streamed text is scanned window by window; a window that does not start the file holds
 * the character before the first offset it may report, so that "at the start of a line" is judged as in the whole.
 */
export function conditionalsIn(text: string, base: number, until: number, scan: { found: number[]; from: number }): void {
  if (!CONDITIONAL_MARK.test(text)) {
    scan.from = until;
    return;
  }
  const all = new RegExp(CONDITIONAL.source, 'gm');
  all.lastIndex = Math.max(base > 0 ? 1 : 0, scan.from - base);
  let m = all.exec(text);
  for (; m && base + m.index < until; m = all.exec(text)) {
    scan.found.push(base + m.index);
    scan.from = base + m.index + m[0].length;
  }
  if (!m || base + m.index >= until) scan.from = Math.max(scan.from, until);
}
