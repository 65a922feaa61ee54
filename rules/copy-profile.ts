// copy-profile: CopyProfile belongs in the file given to sysprep /generalize, not in the file that installs Windows.
import { defineRule } from '../src/engine/rule.js';
import { inRemovedItem, named } from './_helpers/facts.js';
import { SCENARIO_FACTS, scenarioNote, scenarioOf } from '../src/engine/scenario.js';

const COPY = 'Microsoft-Windows-Shell-Setup/CopyProfile';
const ACCOUNT = 'Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount';
const JOIN = 'Microsoft-Windows-UnattendedJoin/Identification/JoinDomain';


export default defineRule({
  meta: {
    id: 'copy-profile',
    summary: 'CopyProfile only in the file given to sysprep /generalize, not in the answer file that installs Windows',
    category: 'correctness',
    severity: 'warn',
    facts: [COPY, ACCOUNT, JOIN, ...SCENARIO_FACTS],
    quietWithoutFacts: true,
    messages: {
      installFile: (d: { also: string; scenario: string }) =>
        `CopyProfile is set in the answer file that installs Windows: customise the built-in Administrator in audit mode, then set CopyProfile in the file you give to sysprep /generalize /unattend; the install file must not contain it${d.also} ${d.scenario}`,
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        // CopyProfile outside specialize is setting-pass's error; false copies nothing.
        const copies = model.all(COPY).filter((f) => f.pass === 'specialize' && f.value === true);
        if (copies.length === 0) return;
        const scenario = scenarioOf(model, ctx.filePath, ctx.settings['scenario']);
        if (scenario?.name !== 'media') return;
        const also: string[] = [];
        // An account being removed (wcm:action="remove") is not created.
        const account = model.all(ACCOUNT).find((f) => !inRemovedItem(f));
        if (account) also.push(`creates local accounts (line ${ctx.lineOf(account.range.start)}), whose profile may be copied instead of the Administrator's`);
        const join = model.all(JOIN).find(named);
        if (join) also.push(`joins a domain (line ${ctx.lineOf(join.range.start)}), and customisations made with a domain account are lost when sysprep removes the computer from the domain`);
        for (const copy of copies) {
          ctx.report('installFile', copy.range, { also: also.length > 0 ? `; this file also ${also.join(' and ')}` : '', scenario: scenarioNote(scenario) });
        }
      },
    };
  },
});
