// fixed-identity-in-image: a file given to sysprep /generalize is read by every machine deployed from the image.
import { defineRule } from '../src/engine/rule.js';
import { inRemovedItem, named } from './_helpers/facts.js';
import { isMacAddress } from './_helpers/network.js';
import type { Fact } from '../src/engine/model.js';
import type { SettingKey } from '../src/kb/setting-keys.js';
import { SCENARIO_FACTS, scenarioNote, scenarioOf } from '../src/engine/scenario.js';

const NAME = 'Microsoft-Windows-Shell-Setup/ComputerName';
const GENERALIZE = 'Microsoft-Windows-Deployment/Generalize';
const ADDRESS = 'Microsoft-Windows-TCPIP/Interfaces/Interface/UnicastIpAddresses/IpAddress';
const IDENTIFIERS: readonly SettingKey[] = [
  'Microsoft-Windows-TCPIP/Interfaces/Interface/Identifier',
  'Microsoft-Windows-DNS-Client/Interfaces/Interface/Identifier',
  'Microsoft-Windows-NetBT/Interfaces/Interface/Identifier',
];


export default defineRule({
  meta: {
    id: 'fixed-identity-in-image',
    summary: 'No fixed computer name, MAC-bound interface or static address in the file given to sysprep /generalize, which every deployed machine shares',
    category: 'correctness',
    severity: 'warn',
    facts: [NAME, ADDRESS, ...IDENTIFIERS, ...SCENARIO_FACTS],
    quietWithoutFacts: true,
    messages: {
      fixedName: (d: { name: string; scenario: string }) =>
        `ComputerName ${d.name} is fixed in the file given to sysprep /generalize: every machine deployed from the image gets this name; use * for a generated name, or set it in each machine's deployment file ${d.scenario}`,
      macIdentifier: (d: { id: string; scenario: string }) =>
        `interface ${d.id} is a MAC address in the file given to sysprep /generalize: only one machine's adapter has it, so on the others these settings apply to no interface; name the interface by its alias (such as "Ethernet"), or set it in each machine's deployment file ${d.scenario}`,
      staticAddress: (d: { address: string; scenario: string }) =>
        `static address ${d.address} is in the file given to sysprep /generalize: every machine deployed from the image is configured with it, and the addresses conflict; use DHCP, or set the address in each machine's deployment file ${d.scenario}`,
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        const scenario = scenarioOf(model, ctx.filePath, ctx.settings['scenario']);
        // Only a file shown to be given to sysprep /generalize: a specialize pass alone may be one machine's file, but
        // not one whose auditUser pass generalizes the machine (Deployment Generalize), which then images it with this file.
        const generalizes = model.all(GENERALIZE).some((f) => f.pass === 'auditUser');
        if (scenario?.name !== 'sysprep-generalize' || (scenario.basis !== 'config' && scenario.basis !== 'generalize' && !generalizes)) return;
        const note = scenarioNote(scenario);
        const quote = (f: Fact): string => ctx.quote(f.text!.trim(), f.valueRange!);
        // A removed item (wcm:action="remove") configures no machine.
        const specialize = (key: SettingKey): Fact[] => model.all(key).filter((f) => f.pass === 'specialize' && named(f) && !inRemovedItem(f));
        for (const f of specialize(NAME)) if (f.text!.trim() !== '*') ctx.report('fixedName', f.valueRange!, { name: quote(f), scenario: note });
        for (const key of IDENTIFIERS) {
          for (const f of specialize(key)) if (isMacAddress(f.text!)) ctx.report('macIdentifier', f.valueRange!, { id: quote(f), scenario: note });
        }
        for (const f of specialize(ADDRESS)) ctx.report('staticAddress', f.valueRange!, { address: quote(f), scenario: note });
      },
    };
  },
});
