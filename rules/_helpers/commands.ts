// The programs a command line starts, through cmd /c, start, call, PowerShell -Command, Start-Process and &: so that a
// rule can tell running a program from naming a file in its folder (del …\Sysprep\unattend.xml runs del, not sysprep).
import type { SettingKey } from '../../src/kb/setting-keys.js';

/** The command settings Setup and the first logons run, with the list's name for messages and whether Setup runs them (rather than a logon). */
export const COMMANDS: readonly { key: SettingKey; list: string; setup: boolean }[] = [
  { key: 'Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand/Path', list: 'Deployment RunSynchronous', setup: true },
  { key: 'Microsoft-Windows-Deployment/RunAsynchronous/RunAsynchronousCommand/Path', list: 'Deployment RunAsynchronous', setup: true },
  { key: 'Microsoft-Windows-Setup/RunSynchronous/RunSynchronousCommand/Path', list: 'Setup RunSynchronous', setup: true },
  { key: 'Microsoft-Windows-Setup/RunAsynchronous/RunAsynchronousCommand/Path', list: 'Setup RunAsynchronous', setup: true },
  { key: 'Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand/CommandLine', list: 'FirstLogonCommands', setup: false },
  { key: 'Microsoft-Windows-Shell-Setup/LogonCommands/AsynchronousCommand/CommandLine', list: 'LogonCommands', setup: false },
];

export interface Invocation {
  /** The program as written, without quotes. */
  program: string;
  /** Its file name in lower case, without folder and without .exe/.com/.cmd/.bat. */
  name: string;
  /** What follows the program: its arguments (for Start-Process, the -ArgumentList value). */
  args: string;
}

type Shell = 'cmd' | 'ps';

interface Word {
  /** The word with quotes removed. */
  text: string;
  /** Where the word starts and ends in the line, quotes included. */
  start: number;
  end: number;
  quoted: boolean;
}

const SPACE = /\s/;
const CMD_WRAPPERS = new Set(['cmd']);
const PS_WRAPPERS = new Set(['powershell', 'pwsh']);
const START_PROCESS = new Set(['start-process', 'saps']);
const INVOKE_EXPRESSION = new Set(['invoke-expression', 'iex']);
// PowerShell.exe options that take a value (the first other word that is not an option starts the command).
const PS_VALUE_OPTIONS = /^-(executionpolicy|ex|ep|windowstyle|w|version|v|inputformat|if|outputformat|of|o|configurationname|workingdirectory|wd|psconsolefile|settingsfile)$/i;
// Start-Process parameters that are switches; every other parameter takes a value.
const SP_SWITCHES = /^-(wait|nonewwindow|passthru|loaduserprofile|useprofile|usenewenvironment|whatif|confirm)$/i;
// start's own options in cmd that take a value.
const START_VALUE_OPTIONS = /^\/(d|node|affinity)$/i;
// Deep enough for cmd /c powershell -Command "Start-Process cmd -ArgumentList '/c …'"; more is not a command line.
const MAX_DEPTH = 6;

/** The command's file name: "C:\Windows\System32\Sysprep\Sysprep.exe" → "sysprep". */
export function programName(program: string): string {
  const base = program.slice(Math.max(program.lastIndexOf('\\'), program.lastIndexOf('/')) + 1).toLowerCase();
  return base.replace(/\.(exe|com|cmd|bat)$/, '');
}

/** Splits a line into commands at unquoted &, &&, |, ||, ;, { and } and line breaks (^ escapes in cmd). */
function commands(line: string, shell: Shell): string[] {
  const out: string[] = [];
  let quote = '';
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && line[i + 1] === '"') i++;
      else if (c === '`' && shell === 'ps') i++;
    } else if (c === '"' || (c === "'" && shell === 'ps')) quote = c;
    else if ((c === '^' && shell === 'cmd') || (c === '`' && shell === 'ps')) i++;
    else if ('&|;{}\r\n'.includes(c)) {
      out.push(line.slice(from, i));
      from = i + 1;
    }
  }
  out.push(line.slice(from));
  return out.filter((c) => c.trim() !== '');
}

/** The words of one command, split at unquoted whitespace; \" inside double quotes is a quote (CommandLineToArgvW). */
function words(command: string, shell: Shell): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < command.length) {
    while (i < command.length && SPACE.test(command[i]!)) i++;
    if (i >= command.length) break;
    const start = i;
    let text = '';
    let quote = '';
    let quoted = false;
    for (; i < command.length && (quote || !SPACE.test(command[i]!)); i++) {
      const c = command[i]!;
      if (quote) {
        if (c === quote) quote = '';
        else if (c === '\\' && quote === '"' && command[i + 1] === '"') text += command[++i];
        else text += c;
      } else if (c === '"' || (c === "'" && shell === 'ps')) [quote, quoted] = [c, true];
      else text += c;
    }
    out.push({ text, start, end: i, quoted });
  }
  return out;
}

/** The text after word `w` of `command`, as written. */
const after = (command: string, w: Word): string => command.slice(w.end).trim();

/**
 * A command that is one quoted string (-Command "…", cmd /c "…"), or that cmd /s /c wraps in a pair of quotes
 * (""C:\My Tools\x.exe" /a"): its content.
 */
function unwrap(text: string): string {
  const t = text.trim();
  const q = t[0];
  if (t.length < 2 || (q !== '"' && q !== "'") || !t.endsWith(q)) return t;
  return t.indexOf(q, 1) === t.length - 1 || t.startsWith(q + q) ? t.slice(1, -1) : t;
}

/** Every program the command line starts, wrappers (cmd, powershell, start, call, Start-Process) included. */
export function invocations(line: string, shell: Shell = 'cmd', depth = 0): Invocation[] {
  if (depth > MAX_DEPTH) return [];
  const out: Invocation[] = [];
  for (const command of commands(line, shell)) out.push(...invocation(command, shell, depth));
  return out;
}

function invocation(command: string, shell: Shell, depth: number): Invocation[] {
  let ws = words(command, shell);
  // Prefixes that hand the rest of the command on: @ (echo off), call, PowerShell's . and & operators.
  while (ws.length > 0 && (ws[0]!.text === '@' || /^call$/i.test(ws[0]!.text) || (shell === 'ps' && ws[0]!.text === '.' && !ws[0]!.quoted))) ws = ws.slice(1);
  if (ws[0]?.text.startsWith('@') && !ws[0].quoted) ws[0] = { ...ws[0], text: ws[0].text.slice(1) };
  const first = ws[0];
  if (!first || first.text === '') return [];
  const name = programName(first.text);
  const self: Invocation = { program: first.text, name, args: after(command, first) };
  if (shell === 'cmd' && name === 'start') return startCmd(command, ws.slice(1), depth);
  if (shell === 'cmd' && name === 'if' && !first.quoted) return ifCmd(command, ws.slice(1), depth);
  if (shell === 'ps' && (START_PROCESS.has(name) || name === 'start')) return startProcess(ws.slice(1), depth);
  if (shell === 'ps' && INVOKE_EXPRESSION.has(name) && ws[1]) return invocations(ws[1].text, 'ps', depth + 1);
  if (CMD_WRAPPERS.has(name)) {
    const run = ws.findIndex((w, i) => i > 0 && /^\/[ck]/i.test(w.text));
    if (run < 0) return [self];
    // "/c" may carry the command glued on ("/cdir"); otherwise the rest of the line is the command.
    const glued = ws[run]!.text.slice(2);
    const rest = glued ? `${glued} ${after(command, ws[run]!)}` : after(command, ws[run]!);
    return [self, ...invocations(unwrap(rest), 'cmd', depth + 1)];
  }
  if (PS_WRAPPERS.has(name)) return [self, ...powershell(command, ws, depth)];
  return [self];
}

const IF_OPERATORS = /^(?:==|equ|neq|lss|leq|gtr|geq)$/i;

/** cmd's if [/i] [not] (exist path | defined name | errorlevel n | a==b | a op b) command: the command it runs. */
function ifCmd(command: string, ws: Word[], depth: number): Invocation[] {
  let i = 0;
  if (/^\/i$/i.test(ws[i]?.text ?? '')) i++;
  if (/^not$/i.test(ws[i]?.text ?? '')) i++;
  const word = ws[i];
  if (!word) return [];
  if (/^(?:exist|defined|errorlevel|cmdextversion)$/i.test(word.text) && !word.quoted) i += 2;
  else if (ws[i + 1] && IF_OPERATORS.test(ws[i + 1]!.text)) i += 3;
  else if (word.text.includes('==')) i += word.text.endsWith('==') ? 2 : 1;
  else return [];
  const rest = ws[i];
  if (!rest) return [];
  // if … ( command ) [else ( command )]: the block's commands.
  const body = command.slice(rest.start).trim();
  return invocations(body.startsWith('(') ? body.replace(/^\(|\)\s*$/g, '').replace(/\)\s*else\s*\(/i, ' & ') : body, 'cmd', depth + 1);
}

/** cmd's start ["title"] [/options] program args. */
function startCmd(command: string, ws: Word[], depth: number): Invocation[] {
  let i = 0;
  if (ws[0]?.quoted) i = 1; // the first quoted word is the window title
  while (i < ws.length && ws[i]!.text.startsWith('/') && !ws[i]!.quoted) i += START_VALUE_OPTIONS.test(ws[i]!.text) ? 2 : 1;
  const program = ws[i];
  return program ? invocations(command.slice(program.start), 'cmd', depth + 1) : [];
}

/** Start-Process [-FilePath] program [[-ArgumentList] args] [other parameters]. */
function startProcess(ws: Word[], depth: number): Invocation[] {
  let file: string | undefined;
  const args: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const param = !w.quoted && /^-[a-z]/i.test(w.text) ? w.text.toLowerCase() : undefined;
    if (param === undefined) positional.push(w.text);
    else if ('-filepath'.startsWith(param) || param === '-path') file = ws[++i]?.text;
    else if ('-argumentlist'.startsWith(param) || param === '-args') {
      // The list runs to the next parameter: '/generalize', '/oobe' or one string.
      while (i + 1 < ws.length && !(!ws[i + 1]!.quoted && /^-[a-z]/i.test(ws[i + 1]!.text))) args.push(ws[++i]!.text.replace(/,$/, ''));
    } else if (!SP_SWITCHES.test(param)) i++;
  }
  if (file === undefined) file = positional.shift();
  if (args.length === 0) args.push(...positional);
  if (file === undefined) return [];
  // An argument array ('/generalize','/oobe') reads as its items: commas mean nothing to the programs started here.
  const list = args.join(' ').replace(/,/g, ' ');
  const quotedFile = /\s/.test(file) ? `"${file}"` : file;
  return invocations(`${quotedFile} ${list}`.trim(), 'cmd', depth + 1);
}

/** powershell.exe [options] [-Command] text | -File script args | -EncodedCommand base64. */
function powershell(command: string, ws: Word[], depth: number): Invocation[] {
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i]!;
    const option = !w.quoted && w.text.startsWith('-') ? w.text.toLowerCase() : undefined;
    if (option === undefined) return invocations(unwrap(command.slice(w.start)), 'ps', depth + 1);
    if (option === '-c' || (option.length >= 4 && '-command'.startsWith(option))) {
      const rest = ws[i + 1];
      if (!rest) return [];
      // One quoted word is the script (its \" are quotes); several words are the script as written.
      const script = rest === ws.at(-1) ? rest.text : command.slice(rest.start);
      return invocations(script, 'ps', depth + 1);
    }
    if (option === '-f' || option === '-file') {
      const script = ws[i + 1];
      return script ? [{ program: script.text, name: programName(script.text), args: after(command, script) }] : [];
    }
    if (option === '-e' || option === '-ec' || (option.length >= 4 && '-encodedcommand'.startsWith(option))) {
      const text = ws[i + 1] && decodeUtf16Base64(ws[i + 1]!.text);
      return text ? invocations(text, 'ps', depth + 1) : [];
    }
    if (PS_VALUE_OPTIONS.test(option)) i++;
  }
  return [];
}

/** -EncodedCommand's text: base64 of UTF-16LE; undefined when it is not that. */
function decodeUtf16Base64(b64: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) return undefined;
  const bytes = atob(b64);
  if (bytes.length % 2 !== 0) return undefined;
  let text = '';
  for (let i = 0; i < bytes.length; i += 2) text += String.fromCharCode(bytes.charCodeAt(i) | (bytes.charCodeAt(i + 1) << 8));
  return text;
}
