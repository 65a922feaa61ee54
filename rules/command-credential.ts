// command-credential: a password written on a command line that Setup or a first logon runs.
import { defineRule } from '../src/engine/rule.js';
import { commandCredentials } from '../src/engine/secrets.js';
import { isTemplated } from '../src/binder/placeholders.js';
import { COMMANDS, invocations } from './_helpers/commands.js';

/** What a command reads at run time rather than a password: %VAR%, !VAR!, $env:VAR, $var, ${var}. */
const RUN_TIME_VALUE = /^(?:&quot;|&apos;|\\"|["'])?(?:%[^%\s]+%|![^!\s]+!|\$[\w:{}.]+)(?:&quot;|&apos;|\\"|["'])?$/;

/** What to do instead, by what passes the password. */
const INSTEAD: Readonly<Record<string, string>> = {
  'net user': 'set it with <LocalAccounts> or <AdministratorPassword>, whose passwords Windows SIM can hide, or change it after deployment',
  'reg add … DefaultPassword':
    "Winlogon's DefaultPassword also keeps it in clear text in the registry: set automatic logon with <AutoLogon>, whose password Windows SIM can hide, or change it after deployment",
  'Set-ItemProperty … DefaultPassword':
    "Winlogon's DefaultPassword also keeps it in clear text in the registry: set automatic logon with <AutoLogon>, whose password Windows SIM can hide, or change it after deployment",
};
/** The programs a shape belongs to: it counts only when the command runs one (not in "echo net user is …"). */
const PROGRAMS: Readonly<Record<string, readonly string[]>> = {
  'net user': ['net', 'net1'],
  'net use': ['net', 'net1'],
  'reg add … DefaultPassword': ['reg'],
  'schtasks /rp': ['schtasks'],
  'psexec -p': ['psexec', 'psexec64'],
};
const ELSE = 'have the command read it at run time from a place others cannot read, or change it after deployment';

export default defineRule({
  meta: {
    id: 'command-credential',
    summary: 'Commands that Setup or a first logon runs do not carry passwords in clear text',
    category: 'security',
    severity: 'warn',
    securitySeverity: '5.0',
    // Each command is judged as its value is read: nothing is kept for the long command lists of generated files.
    settings: COMMANDS.map((c) => c.key),
    messages: {
      inCommand: (d: { element: string; shape: string; list: string; instead: string }) =>
        `<${d.element}> of ${d.list} passes a password in clear text (${d.shape}): anyone who can read this file, or the copy Setup caches on ` +
        `the installed system, can read it, and Windows SIM cannot hide a command; ${d.instead}`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const el = v.element;
        const command = COMMANDS.find((c) => c.key === el.binding.setting?.key);
        // The file's credentials by shape are known before the first hook: a command without one is not read again.
        if (!command || el.binding.placeholder || !ctx.isSecret(v.range)) return;
        // The text as written: the shapes know the quotes answer files write as entities, and offsets stay the file's.
        const raw = ctx.slice(v.range.start, v.range.end);
        let programs: Set<string> | undefined;
        for (const { shape, range } of commandCredentials(raw)) {
          const value = raw.slice(range.start, range.end);
          if (RUN_TIME_VALUE.test(value) || isTemplated(value, true)) continue;
          // The programs are read from the text as Setup passes it on (entities decoded).
          const needs = PROGRAMS[shape];
          programs ??= needs ? new Set(invocations(v.text).map((i) => i.name)) : undefined;
          if (needs && !needs.some((p) => programs!.has(p))) continue;
          const at = { start: v.range.start + range.start, end: v.range.start + range.end };
          ctx.report('inCommand', at, { element: el.local, shape, list: command.list, instead: INSTEAD[shape] ?? ELSE });
        }
      },
    };
  },
});
