// windows11-bypass: Windows 11 requirement bypasses written by answer-file commands that do nothing, BypassNRO.cmd on
// releases without it, and (option forbid) every hardware-requirement bypass.
import { defineRule } from '../src/engine/rule.js';
import type { Range } from '../src/types.js';
import { COMMANDS, invocations } from './_helpers/commands.js';
import { RELEASE_FACTS, targetOf, targetPhrase, targetRelated } from './_helpers/lifecycle.js';
import { writtenOffsets } from './_helpers/value-text.js';

/**
 * The LabConfig values Setup reads: a search of the Setup binaries finds only these three
 * (oofhours.com, "Bypassing Windows 11 hardware requirements, revisited", 2022; confirmed in amitxv/PC-Tuning#88).
 */
const EFFECTIVE = new Set(['bypasstpmcheck', 'bypasssecurebootcheck', 'bypassramcheck']);
/**
 * A value written under a key: `reg add <key> /v <name>`, or PowerShell's New-ItemProperty/Set-ItemProperty with -Path
 * and -Name in either order; within one command (up to &, |, ; or a line break). The name is the last group matched.
 */
function valueWrites(key: string, name = String.raw`[A-Za-z]\w*`): RegExp {
  const part = String.raw`[^&|;\r\n]*?`;
  const at = String.raw`\\Setup\\${key}\b`;
  return new RegExp(
    String.raw`\b(?:reg(?:\.exe)?["']?\s+add|(?:New|Set)-ItemProperty)\b${part}(?:${at}${part}(?:\/v|-Name)\s+["']?(${name})|-Name\s+["']?(${name})["']?${part}${at})`,
    'gi',
  );
}
const LAB_CONFIG = valueWrites('LabConfig');
// Most commands name none of these: a plain search spares them the full patterns.
const NAMES_LAB_CONFIG = /labconfig/i;
const NAMES_MO_SETUP = /mosetup/i;
const NAMES_BYPASSNRO = /bypassnro/i;
/** The in-place upgrade bypass (HKLM\SYSTEM\Setup\MoSetup AllowUpgradesWithUnsupportedTPMOrCPU). */
const MO_SETUP = valueWrites('MoSetup', 'AllowUpgradesWithUnsupportedTPMOrCPU');
/** The first build without oobe\BypassNRO.cmd: Windows Insider Preview build 26200.5516 (Windows Insider blog, 2025-03-28). */
const NO_BYPASSNRO_CMD = 26200;

export default defineRule({
  meta: {
    id: 'windows11-bypass',
    summary: 'Windows 11 requirement bypasses in commands have an effect: no LabConfig values Setup never reads or that come after its hardware check, no oobe\\BypassNRO.cmd on releases without it',
    category: 'correctness',
    severity: 'warn',
    // Commands are read as their values come, and only those naming a bypass are kept for the end of the file.
    settings: COMMANDS.map((c) => c.key),
    facts: RELEASE_FACTS,
    schema: {
      type: 'object',
      properties: { forbid: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { forbid: false },
    messages: {
      noEffect: (d: { name: string }) =>
        `LabConfig value ${d.name} has no effect: Windows Setup reads only BypassTPMCheck, BypassSecureBootCheck and BypassRAMCheck under HKLM\\SYSTEM\\Setup\\LabConfig; remove this command`,
      tooLate: (d: { name: string; pass: string }) =>
        `LabConfig value ${d.name} is written in pass "${d.pass}", after Setup has checked the hardware: Setup reads LabConfig in Windows PE, ` +
        `before it applies the image, so this has no effect on the installation; write it from a windowsPE RunSynchronous command (Microsoft-Windows-Setup)`,
      bypassNroCmd: (d: { target: string }) =>
        `oobe\\BypassNRO.cmd does not exist on the target (${d.target}): Microsoft removed the script in build 26200, so this command fails; ` +
        `an answer file can create a local account directly (UserAccounts/LocalAccounts, with OOBE HideOnlineAccountScreens true)`,
      forbidden: (d: { name: string }) =>
        `${d.name} bypasses a Windows 11 hardware requirement, which this configuration forbids (windows11-bypass option "forbid"); devices that do not meet the requirements are unsupported: remove the command`,
    },
  },
  create(ctx) {
    /** A command naming a bypass: its text and where the text is. */
    interface Named {
      text: string;
      range: Range;
      /** The pass of the command's settings block. */
      pass: string | undefined;
    }
    const named: Named[] = [];
    /** Where a part of the value is in the file: exact when the text was written without entities. */
    const at = (c: Named, index: number, length: number): Range => {
      const r = c.range;
      if (c.text.length === r.end - r.start) return { start: r.start + index, end: r.start + index + length };
      // Written with entities (&amp; between chained commands), CDATA or CR LF: mapped back to the file.
      const written = writtenOffsets(ctx.slice(r.start, r.end));
      return { start: r.start + written(index), end: r.start + written(index + length - 1) + 1 };
    };
    /** The value name a match wrote, and where it is. */
    const written = (c: Named, m: RegExpMatchArray): { name: string; range: Range } => {
      const name = m[1] ?? m[2]!;
      const offset = m[1] !== undefined ? m.index! + m[0].length - name.length : m.index! + m[0].indexOf(name, m[0].search(/-Name\s/i));
      return { name, range: at(c, offset, name.length) };
    };
    return {
      onValue(v) {
        const text = v.text;
        if (!text || v.element.binding.placeholder) return;
        if (NAMES_LAB_CONFIG.test(text) || NAMES_BYPASSNRO.test(text) || (ctx.options.forbid && NAMES_MO_SETUP.test(text))) named.push({ text, range: v.range, pass: v.element.pass });
      },
      onDocumentEnd(model) {
        let target: ReturnType<typeof targetOf> | null = null;
        for (const c of named) {
          const text = c.text;
          for (const m of NAMES_LAB_CONFIG.test(text) ? text.matchAll(LAB_CONFIG) : []) {
            const { name, range } = written(c, m);
            const quoted = ctx.quote(name, range);
            if (!EFFECTIVE.has(name.toLowerCase())) ctx.report('noEffect', range, { name: quoted });
            else if (ctx.options.forbid) ctx.report('forbidden', range, { name: `LabConfig value ${quoted}` });
            else if (c.pass !== undefined && c.pass !== 'windowsPE') ctx.report('tooLate', range, { name: quoted, pass: c.pass });
          }
          if (ctx.options.forbid && NAMES_MO_SETUP.test(text)) {
            for (const m of text.matchAll(MO_SETUP)) {
              const { name, range } = written(c, m);
              ctx.report('forbidden', range, { name: `MoSetup value ${ctx.quote(name, range)}` });
            }
          }
          if (!NAMES_BYPASSNRO.test(text) || !invocations(text).some((i) => i.name === 'bypassnro')) continue;
          if (target === null) target = targetOf(ctx, model);
          if (!target || target.build < NO_BYPASSNRO_CMD) continue;
          const index = text.search(/bypassnro/i);
          ctx.report('bypassNroCmd', at(c, index, 'bypassnro'.length), { target: targetPhrase(target) }, targetRelated(target));
        }
      },
    };
  },
});
