// mixed-architecture: a component for another architecture than the rest of the file is skipped or applied wrongly.
import { defineRule } from '../src/engine/rule.js';
import type { Range } from '../src/types.js';
import { ARCHITECTURES } from './_helpers/identity.js';

interface Declared {
  pass: string;
  name: string;
  arch: string;
  range: Range;
}

/** The most common architecture; on a tie, the one declared first. */
function baselineOf(list: Declared[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of list) counts.set(c.arch, (counts.get(c.arch) ?? 0) + 1);
  let best: string | undefined;
  for (const [arch, n] of counts) if (best === undefined || n > counts.get(best)!) best = arch;
  return best;
}

export default defineRule({
  meta: {
    id: 'mixed-architecture',
    summary:
      'All components target one architecture, except x86 windowsPE components for a 32-bit Windows PE and files that declare their components for several',
    category: 'correctness',
    severity: 'warn',
    messages: {
      lone: (d: { name: string; arch: string; baseline: string; scope: string }) =>
        `component "${d.name}" is for ${d.arch} while the other ${d.scope} are for ${d.baseline}; ` +
        `declare it for ${d.baseline}, or use one answer file per architecture`,
      extraCopy: (d: { name: string; arch: string; baseline: string; pass: string }) =>
        `component "${d.name}" is declared for both ${d.baseline} and ${d.arch} in pass "${d.pass}"; ` +
        `the rest of the file targets ${d.baseline}, keep only the ${d.baseline} copy`,
      peCopy: (d: { name: string; arch: string; baseline: string }) =>
        `component "${d.name}" is declared for both ${d.baseline} and ${d.arch} in pass "windowsPE"; Setup applies the copy for the architecture ` +
        `of the Windows PE it runs in, and Microsoft advises one answer file per architecture: keep the copy for your Windows PE ` +
        `(x86 for a 32-bit Windows PE, also when it installs 64-bit Windows)`,
    },
  },
  create(ctx) {
    const declared: Declared[] = [];
    const key = (c: Declared): string => `${c.pass}\0${c.name.toLowerCase()}`;

    // Components of a scope that differ from its most common architecture.
    function checkScope(scope: Declared[], label: string): void {
      const baseline = baselineOf(scope);
      const first = scope.find((c) => c.arch === baseline);
      if (!baseline || !first) return;
      for (const c of scope) {
        if (c.arch === baseline) continue;
        const copy = declared.find((o) => key(o) === key(c) && o.arch === baseline);
        const related = [{ message: copy ? `the ${baseline} copy` : `first ${baseline} component`, range: (copy ?? first).range }];
        // In windowsPE the other passes do not say which copy is right: that is the Windows PE's architecture.
        if (copy && c.pass === 'windowsPE') ctx.report('peCopy', c.range, { name: c.name, arch: c.arch, baseline }, { related });
        else if (copy) ctx.report('extraCopy', c.range, { name: c.name, arch: c.arch, baseline, pass: c.pass }, { related });
        else ctx.report('lone', c.range, { name: c.name, arch: c.arch, baseline, scope: label }, { related });
      }
    }

    return {
      onComponent(node) {
        const arch = node.identity.processorArchitecture.trim().toLowerCase();
        const range = node.attrs['processorArchitecture']?.valueRange;
        // wow64 components are the 32-bit halves of apps on 64-bit Windows (best-practices page): never mixed.
        if (node.pass === undefined || !range || arch === 'wow64' || !(ARCHITECTURES as readonly string[]).includes(arch)) return;
        declared.push({ pass: node.pass, name: node.identity.name.trim(), arch, range });
      },
      onDocumentEnd() {
        const groups = new Map<string, Set<string>>();
        for (const c of declared) groups.set(key(c), (groups.get(key(c)) ?? new Set()).add(c.arch));
        // Multi-architecture files (Microsoft's samples, generators) declare most components for each architecture.
        const multi = [...groups.values()].filter((s) => s.size > 1).length;
        if (multi * 2 > groups.size) return;
        // windowsPE is its own scope: x86 there with x64 elsewhere is the documented cross-platform
        // deployment (windows-setup-supported-platforms-and-cross-platform-deployments.md).
        checkScope(declared.filter((c) => c.pass === 'windowsPE'), 'windowsPE components');
        checkScope(declared.filter((c) => c.pass !== 'windowsPE'), 'components outside windowsPE');
      },
    };
  },
});
