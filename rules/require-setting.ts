// require-setting: organisation policy — settings that must be present, optionally with a value that meets conditions.
import { defineRule } from '../src/engine/rule.js';
import type { SettingKey } from '../src/kb/setting-keys.js';
import type { Range } from '../src/types.js';
import { conditionsOf, describeEntry, hasConditions, inPass, meets, passPhrase, policyMeta, type PolicyOptions } from './_helpers/policy.js';

const ID = 'require-setting';

export default defineRule<
  {
    missing: (d: { path: string; pass: string; entry: string }) => string;
    mismatch: (d: { path: string; value: string; conditions: string; entry: string }) => string;
  },
  PolicyOptions
>({
  meta: {
    ...policyMeta(ID),
    summary: 'Organisation policy: the configured settings are present and their values meet the configured conditions',
    messages: {
      missing: (d) => `${d.path} is required${d.pass} but this file does not set it (${d.entry}); add it`,
      mismatch: (d) => `${d.path} is ${d.value}, but policy requires it ${d.conditions} (${d.entry}); change the value`,
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        for (const entry of ctx.options.settings) {
          const facts = model.all(entry.path as SettingKey).filter((f) => inPass(entry, f));
          const described = describeEntry(entry);
          if (facts.length === 0) {
            const block = model.passes.find((p) => entry.pass === undefined || p.pass === entry.pass) ?? model.passes[0];
            const range: Range = block?.range ?? { start: 0, end: 0 };
            ctx.report('missing', range, { path: entry.path, pass: passPhrase(entry), entry: described });
            continue;
          }
          if (!hasConditions(entry)) continue;
          for (const f of facts) {
            // A template token is judged once the template is filled in.
            if (f.placeholder || meets(entry, f) !== false) continue;
            ctx.report('mismatch', f.valueRange!, { path: entry.path, value: ctx.quote(f.text!.trim(), f.valueRange!), conditions: conditionsOf(entry), entry: described });
          }
        }
      },
    };
  },
});
