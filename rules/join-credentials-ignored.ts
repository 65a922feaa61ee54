// join-credentials-ignored: MachinePassword without UnsecureJoin, Credentials beside UnsecureJoin or Provisioning: not used by Setup.
import { defineRule } from '../src/engine/rule.js';
import { given, identifications, joinFacts, type Identification, type JoinPart } from './_helpers/join.js';

const CREDENTIALS = [
  ['domain', 'Domain'],
  ['username', 'Username'],
  ['password', 'Password'],
] as const;

const PARTS: JoinPart[] = ['credentials', 'domain', 'username', 'password', 'unsecureJoin', 'machinePassword', 'accountData'];

export default defineRule({
  meta: {
    id: 'join-credentials-ignored',
    summary: 'No MachinePassword without UnsecureJoin true, and no Credentials beside UnsecureJoin true or Provisioning AccountData',
    category: 'correctness',
    severity: 'warn',
    facts: joinFacts(...PARTS),
    quietWithoutFacts: true,
    messages: {
      machinePassword: (d: { why: string }) =>
        `<MachinePassword> is ignored: it is used only when <UnsecureJoin> is true, and ${d.why}; remove MachinePassword, or join the pre-created computer account with UnsecureJoin true and no Credentials`,
      unsecure: (d: { written: string; line: number }) =>
        `<Credentials> sets ${d.written} although <UnsecureJoin> is true at line ${d.line}: an unsecure join is anonymous, and the UnsecureJoin page says Domain, Username and Password must not be specified then; remove the Credentials, or remove UnsecureJoin to join with this account`,
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
      const written = CREDENTIALS.filter(([part]) => given(id[part])).map(([, name]) => name);
      if (unsecure?.value === true && written.length > 0) {
        const at = id.credentials ?? id[CREDENTIALS.find(([part]) => given(id[part]))![0]]!;
        ctx.report('unsecure', at.range, { written: written.join(', '), line: ctx.lineOf(unsecure.range.start) }, {
          related: [{ message: 'UnsecureJoin', range: unsecure.range }],
        });
        return;
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
