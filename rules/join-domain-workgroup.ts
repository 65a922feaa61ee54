// join-domain-workgroup: with JoinDomain and JoinWorkgroup both set, Setup joins the domain and ignores the workgroup.
import { defineRule } from '../src/engine/rule.js';
import { named } from './_helpers/facts.js';
import { alternatives } from './_helpers/seen.js';

const DOMAIN = 'Microsoft-Windows-UnattendedJoin/Identification/JoinDomain';
const WORKGROUP = 'Microsoft-Windows-UnattendedJoin/Identification/JoinWorkgroup';


export default defineRule({
  meta: {
    id: 'join-domain-workgroup',
    summary: 'UnattendedJoin sets JoinDomain or JoinWorkgroup, not both (Setup joins the domain and ignores the workgroup)',
    category: 'correctness',
    severity: 'warn',
    facts: [DOMAIN, WORKGROUP],
    quietWithoutFacts: true,
    messages: {
      both: (d: { workgroup: string; domain: string; line: number }) =>
        `<JoinWorkgroup> ${d.workgroup} is ignored: this Identification also sets <JoinDomain> ${d.domain}, and Setup joins the domain; remove one of them, JoinDomain at line ${d.line}`,
    },
  },
  create(ctx) {
    return {
      onDocumentEnd(model) {
        for (const workgroup of model.all(WORKGROUP)) {
          if (!named(workgroup)) continue;
          // The same Identification: the same component occurrence (one per pass; duplicates are duplicate-component's).
          // Two sides of a template conditional ({% if %} JoinDomain {% else %} JoinWorkgroup) are alternatives.
          const domain = model.all(DOMAIN).find((d) => d.component === workgroup.component && named(d) && !alternatives(ctx, d.range, workgroup.range));
          if (!domain) continue;
          ctx.report(
            'both',
            workgroup.range,
            {
              workgroup: ctx.quote(workgroup.text!.trim(), workgroup.valueRange!),
              domain: ctx.quote(domain.text!.trim(), domain.valueRange!),
              line: ctx.lineOf(domain.range.start),
            },
            { related: [{ message: 'JoinDomain, which wins', range: domain.range }] },
          );
        }
      },
    };
  },
});
