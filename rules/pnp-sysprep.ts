// pnp-sysprep: DoNotCleanUpNonPresentDevices only keeps devices when PersistAllDeviceInstalls is true as well.
import { defineRule } from '../src/engine/rule.js';
import { readable, sameArchitecture } from './_helpers/facts.js';

const CLEANUP = 'Microsoft-Windows-PnpSysprep/DoNotCleanUpNonPresentDevices';
const PERSIST = 'Microsoft-Windows-PnpSysprep/PersistAllDeviceInstalls';

export default defineRule({
  meta: {
    id: 'pnp-sysprep',
    summary: 'PnpSysprep DoNotCleanUpNonPresentDevices true comes with PersistAllDeviceInstalls true (alone it has no effect)',
    category: 'correctness',
    severity: 'error',
    facts: [CLEANUP, PERSIST],
    quietWithoutFacts: true,
    messages: {
      noPersist: (d: { persist: string }) =>
        `<DoNotCleanUpNonPresentDevices> true has no effect: ${d.persist}, so generalize removes the device information anyway; ` +
        `set PersistAllDeviceInstalls to true (only for identical hardware) or remove DoNotCleanUpNonPresentDevices`,
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        for (const cleanup of model.all(CLEANUP)) {
          // Both settings act in generalize only; elsewhere setting-pass reports them and Setup applies neither.
          if (cleanup.pass !== 'generalize' || !readable(cleanup) || cleanup.value !== true) continue;
          const persist = model.all(PERSIST).filter((p) => p.pass === 'generalize' && sameArchitecture(p, cleanup));
          // A templated or invalid PersistAllDeviceInstalls may be meant as true.
          if (persist.some((p) => !readable(p) || p.value === true)) continue;
          const written = persist[0];
          ctx.report(
            'noPersist',
            cleanup.range,
            { persist: written ? `<PersistAllDeviceInstalls> is false (line ${ctx.lineOf(written.range.start)})` : 'PersistAllDeviceInstalls is not set (default false)' },
            written ? { related: [{ message: 'PersistAllDeviceInstalls', range: written.range }] } : undefined,
          );
        }
      },
    };
  },
});
