// sysprep-in-command: Sysprep started from an answer file's commands is not a supported way to automate it.
import { defineRule } from '../src/engine/rule.js';
import { COMMANDS, invocations } from './_helpers/commands.js';

/** The switches that make a Sysprep run generalize or reseal (/quit, /shutdown, /unattend… only go with them). */
const MODE = /(?:^|[\s"',(])\/(generalize|oobe|audit)(?![\w-])/gi;

/** A command that names sysprep, or hides a script in -EncodedCommand (any abbreviation): only these are parsed. */
const MAY_RUN_SYSPREP = /sysprep|(?:^|\s)-e(?:c|n[a-z]*)?\s/i;

export default defineRule({
  meta: {
    id: 'sysprep-in-command',
    summary: 'Sysprep /generalize, /oobe or /audit is not started from RunSynchronous, RunAsynchronous, FirstLogonCommands or LogonCommands',
    category: 'correctness',
    severity: 'warn',
    // Each command is judged as its value is read: nothing is kept for the long command lists of generated files.
    settings: COMMANDS.map((c) => c.key),
    messages: {
      command: (d: { element: string; switches: string; list: string; pass: string; why: string; instead: string }) =>
        `<${d.element}> runs sysprep ${d.switches} from ${d.list} in pass "${d.pass}": ${d.why}; ${d.instead}`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const el = v.element;
        const command = COMMANDS.find((c) => c.key === el.binding.setting?.key);
        const text = v.text;
        if (!command || el.binding.placeholder || !text.trim() || !MAY_RUN_SYSPREP.test(text)) return;
        const run = invocations(text).find((i) => i.name === 'sysprep' && new RegExp(MODE.source, 'i').test(i.args));
        if (!run) return;
        const switches = [...new Set([...run.args.matchAll(MODE)].map((m) => `/${m[1]!.toLowerCase()}`))];
        const pass = el.pass ?? '?';
        // Sysprep overview, "Unsupported scenarios": RunSynchronous automation, and the System account (specialize's commands).
        const why = command.setup
          ? `Microsoft does not support automating Sysprep with Setup's commands${pass === 'specialize' ? ', nor running it as the System account, which specialize commands use' : ''}`
          : "a logon command is not Microsoft's documented way to automate Sysprep from an answer file";
        const instead = switches.includes('/generalize')
          ? 'use <Generalize> of Microsoft-Windows-Deployment in pass "auditUser" (Mode OOBE or Audit), or run Sysprep from outside the answer file (e.g. the build tool\'s shutdown command)'
          : `use <Reseal> of Microsoft-Windows-Deployment (Mode ${switches.includes('/audit') ? 'Audit' : 'OOBE'}) instead`;
        ctx.report('command', v.range, { element: command.key.slice(command.key.lastIndexOf('/') + 1), switches: switches.join(' '), list: command.list, pass, why, instead });
      },
    };
  },
});
