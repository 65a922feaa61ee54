// reseal: Deployment Reseal combinations that loop, that are ignored next to Generalize, or that skip the rest of their pass.
import { defineRule } from '../src/engine/rule.js';
import type { Range } from '../src/types.js';
import { RELEASE_FACTS, resealRunsFirst, targetOf, targetPhrase, targetRelated } from './_helpers/lifecycle.js';
import { readable, sameArchitecture } from './_helpers/facts.js';
import { alternatives } from './_helpers/seen.js';

const RESEAL = 'Microsoft-Windows-Deployment/Reseal';
const MODE = 'Microsoft-Windows-Deployment/Reseal/Mode';
const SHUTDOWN = 'Microsoft-Windows-Deployment/Reseal/ForceShutdownNow';
const GENERALIZE = 'Microsoft-Windows-Deployment/Generalize';

/** Mode when Reseal has none (microsoft-windows-deployment-reseal-mode, "no value"); auditUser then asks the user. */
const DEFAULT_MODE: Readonly<Record<string, string>> = { auditSystem: 'Audit', oobeSystem: 'OOBE' };
/** The pass each mode leads out of: Reseal to that mode there skips the pass's other settings before Windows 10. */
const LEAVES: Readonly<Record<string, string>> = { auditSystem: 'OOBE', oobeSystem: 'Audit' };
/** Where a pass goes on to when Reseal keeps its mode. */
const NEXT: Readonly<Record<string, string>> = { auditSystem: 'audit mode', oobeSystem: 'OOBE' };
/** Where the skipped settings belong instead. */
const MOVE_TO: Readonly<Record<string, readonly string[]>> = { auditSystem: ['auditUser', 'oobeSystem'], oobeSystem: ['auditSystem', 'auditUser'] };


export default defineRule({
  meta: {
    id: 'reseal',
    summary: 'Deployment Reseal does not loop (ForceShutdownNow into the same pass), is not set beside Generalize, and does not skip its pass',
    category: 'correctness',
    severity: 'error',
    facts: [RESEAL, MODE, SHUTDOWN, GENERALIZE, ...RELEASE_FACTS],
    // Top-level settings of every component: what the pass holds besides Reseal.
    settings: (s) => s.parent === undefined,
    messages: {
      loop: (d: { pass: string; mode: string; defaulted: string; next: string }) =>
        `<ForceShutdownNow> true with Reseal Mode "${d.mode}"${d.defaulted} in pass "${d.pass}" sets the computer into a loop of reboots (unsupported); ` +
        `remove ForceShutdownNow (${d.pass} goes on to ${d.next} without it), or shut down from pass "auditUser", where Reseal runs after the pass`,
      withGeneralize: (d: { line: number }) =>
        `<Reseal> is ignored: this pass also sets <Generalize> (line ${d.line}), and Setup then ignores Reseal; ` +
        `set Mode and ForceShutdownNow under Generalize and remove Reseal`,
      skipsPass: (d: { pass: string; mode: string; target: string; other: string; line: number; moveTo: string }) =>
        `Reseal Mode "${d.mode}" in pass "${d.pass}" makes Setup before Windows 10 skip every other setting of this pass, such as <${d.other}> at line ${d.line}; ` +
        `${d.moveTo ? `move those settings to ${d.moveTo}, or ` : ''}reseal from pass "auditUser" instead (target ${d.target})`,
    },
  },
  create(ctx) {
    /** The first top-level setting per pass other than Reseal itself, for the files whose target skips it. */
    const others = new Map<string, { name: string; range: Range; passes: readonly string[] | undefined }>();
    return {
      onElement(el) {
        const s = el.binding.setting;
        if (!s || s.key === RESEAL || !el.pass || others.has(el.pass)) return;
        // Where the setting may go instead: the passes its page lists (undefined when they are not known).
        const passes = s.record.passesInferred || s.record.passes.length === 0 ? undefined : s.record.passes;
        others.set(el.pass, { name: s.name, range: el.nameRange, passes });
      },
      onDocumentEnd(model) {
        // Before Windows 10, Reseal in auditSystem or oobeSystem ran first and skipped the rest (microsoft-windows-deployment-reseal):
        // the target is settings.targetVersion or the release the image names, and a family's latest build decides.
        const target = model.all(RESEAL).length > 0 ? targetOf(ctx, model) : undefined;
        const skips = resealRunsFirst(ctx.kb, target);
        for (const reseal of model.all(RESEAL)) {
          const pass = reseal.pass;
          if (!pass) continue;
          const modeFact = model.child(reseal, MODE);
          const shutdownFact = model.child(reseal, SHUTDOWN);
          if ((modeFact && !readable(modeFact)) || (shutdownFact && !readable(shutdownFact))) continue;
          const mode = (modeFact?.value as string | undefined) ?? DEFAULT_MODE[pass];
          const shutdown = shutdownFact?.value === true;

          // Generalize is processed last in auditUser (its only pass); with both, Reseal is ignored (…-deployment-generalize).
          // Two sides of a template conditional ({% if %} Generalize {% else %} Reseal) never meet in a rendered file.
          const generalize = model.all(GENERALIZE).find((g) => g.pass === pass && g.pass === 'auditUser' && sameArchitecture(g, reseal) && !alternatives(ctx, g.range, reseal.range));
          if (generalize) {
            ctx.report('withGeneralize', reseal.range, { line: ctx.lineOf(generalize.range.start) }, {
              related: [{ message: 'Generalize, which wins', range: generalize.range }],
            });
            continue;
          }
          // …-reseal-mode and …-reseal-forceshutdownnow: "Unsupported. Do not use. Sets the computer into a loop of reboots."
          if (shutdown && mode !== undefined && DEFAULT_MODE[pass] === mode) {
            const defaulted = modeFact ? '' : ' (its default in this pass)';
            ctx.report('loop', shutdownFact!.range, { pass, mode, defaulted, next: NEXT[pass]! });
          }
          const other = others.get(pass);
          if (skips && mode !== undefined && LEAVES[pass] === mode && modeFact && other) {
            ctx.report('skipsPass', modeFact.range, {
              pass,
              mode,
              target: targetPhrase(target),
              other: other.name,
              line: ctx.lineOf(other.range.start),
              // Only to a pass that applies it: OOBE or FirstLogonCommands apply in oobeSystem alone.
              moveTo: MOVE_TO[pass]!.filter((p) => !other.passes || other.passes.includes(p)).map((p) => `"${p}"`).join(' or '),
            }, { related: [{ message: `<${other.name}>, skipped`, range: other.range }, ...(targetRelated(target)?.related ?? [])] });
          }
        }
      },
    };
  },
});
