// join-credentials-ignored: MachinePassword without UnsecureJoin, and Credentials beside Provisioning, are not used by Setup.
import { defineRule } from '../src/engine/rule.js';
import { given, identifications, joinFacts, type Identification, type JoinPart } from './_helpers/join.js';

const PARTS: JoinPart[] = ['credentials', 'domain', 'username', 'password', 'unsecureJoin', 'machinePassword', 'accountData'];

export default defineRule({
  meta: {
    id: 'join-credentials-ignored',
    summary: 'No MachinePassword without UnsecureJoin true, and no Credentials beside Provisioning AccountData (Setup ignores them)',
    category: 'correctness',
    severity: 'warn',
    facts: joinFacts(...PARTS),
    quietWithoutFacts: true,
    messages: {
      machinePassword: (d: { why: string }) =>
        `<MachinePassword> is ignored: it is used only when <UnsecureJoin> is true, and ${d.why}; remove MachinePassword, or join the pre-created computer account with UnsecureJoin true and no Credentials`,
      provisioning: (d: { line: number }) =>
        `<Credentials> is ignored: <Provisioning> AccountData at line ${d.line} is given too, and Setup joins the domain with the provisioning data; remove the Credentials, or the Provisioning`,
    },
  },
  create(ctx) {
    const check = (id: Identification): void => {
      const unsecure = id.unsecureJoin;
      // Only a known "not true": a templated or misspelt UnsecureJoin may be true (value-type reports a misspelling).
      const notUnsecure = !unsecure || unsecure.value === false || !unsecure.text?.trim();
      if (given(id.machinePassword) && notUnsecure) {
        const why = unsecure?.value === false ? `UnsecureJoin is false at line ${ctx.lineOf(unsecure.range.start)}` : 'this Identification does not set it';
        ctx.report('machinePassword', id.machinePassword.range, { why });
      }
      const account = id.domain ?? id.username ?? id.password;
      if (given(id.accountData) && [id.domain, id.username, id.password].some(given)) {
        ctx.report('provisioning', (id.credentials ?? account)!.range, { line: ctx.lineOf(id.accountData.range.start) }, {
          related: [{ message: 'Provisioning AccountData, which Setup uses', range: id.accountData.range }],
        });
      }
    };
    return {
      onDocumentEnd(model) {
        for (const id of identifications(model, PARTS)) check(id);
      },
    };
  },
});
