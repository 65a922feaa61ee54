// forbid-setting: organisation policy — settings that must not be present, or must not have a value meeting conditions.
import { defineRule } from '../src/engine/rule.js';
import type { SettingKey } from '../src/kb/setting-keys.js';
import { conditionsOf, describeEntry, hasConditions, inPass, meets, passPhrase, policyMeta, type PolicyOptions } from './_helpers/policy.js';

const ID = 'forbid-setting';

export default defineRule<
  {
    present: (d: { path: string; pass: string; entry: string }) => string;
    value: (d: { path: string; value: string; conditions: string; entry: string }) => string;
  },
  PolicyOptions
>({
  meta: {
    ...policyMeta(ID),
    summary: 'Organisation policy: the configured settings are absent, or do not have values that meet the configured conditions',
    messages: {
      present: (d) => `${d.path} is forbidden${d.pass} (${d.entry}); remove it`,
      value: (d) => `${d.path} is ${d.value}, and policy forbids it ${d.conditions} (${d.entry}); change the value`,
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        for (const entry of ctx.options.settings) {
          const described = describeEntry(entry);
          for (const f of model.all(entry.path as SettingKey)) {
            if (!inPass(entry, f)) continue;
            if (!hasConditions(entry)) {
              ctx.report('present', f.range, { path: entry.path, pass: passPhrase(entry), entry: described });
            } else if (!f.placeholder && meets(entry, f) === true) {
              ctx.report('value', f.valueRange!, { path: entry.path, value: ctx.quote(f.text!.trim(), f.valueRange!), conditions: conditionsOf(entry), entry: described });
            }
          }
        }
      },
    };
  },
});
