// Rules quiet without their facts: made only for files holding one of them, with the same findings as when every rule is made.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintSource } from '../src/engine/run.js';
import { defineRule, type AnyRule } from '../src/engine/rule.js';
import { createPlan } from '../src/engine/plan.js';
import { InternalError } from '../src/engine/errors.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { builtinRules } from '../rules/index.js';
import { presetRules } from '../src/engine/presets.js';
import { ROOT, xmlFiles } from './helpers/paths.js';

const kb = loadKnowledgeBase();
const enable = (rules: readonly AnyRule[]) => presetRules('all', rules);

const SHELL = 'name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"';
const doc = (body: string): string =>
  `<?xml version="1.0"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="oobeSystem"><component ${SHELL}>${body}</component></settings></unattend>\n`;

test('every fixture gets the same findings whether quiet rules are skipped or made for every file', () => {
  const rules = enable(builtinRules);
  const plan = createPlan(rules, kb);
  const eager = { ...plan, quiet: plan.quiet.map(() => undefined) };
  assert.ok(plan.quiet.filter(Boolean).length >= 20, 'most answer-model rules are quiet without their facts');
  const files = xmlFiles(join(ROOT, 'fixtures'));
  assert.ok(files.length > 300);
  for (const file of files) {
    const bytes = readFileSync(file);
    const a = lintSource(bytes, { filePath: file, rules, kb, plan, settings: {} });
    const b = lintSource(bytes, { filePath: file, rules, kb, plan: eager, settings: {} });
    assert.equal(a.messages, b.messages, file);
  }
});

test('a quiet rule is made only for files that hold one of its facts', () => {
  let made = 0;
  const probe = defineRule({
    meta: { id: 'probe', summary: 'Probe', category: 'style', severity: 'warn', messages: {}, facts: ['Microsoft-Windows-Shell-Setup/ComputerName'], quietWithoutFacts: true },
    create: () => {
      made++;
      return { onDocumentEnd: () => undefined };
    },
  });
  const rules = enable([probe]);
  const plan = createPlan(rules, kb);
  lintSource(doc('<TimeZone>UTC</TimeZone>'), { filePath: 'a.xml', rules, kb, plan });
  assert.is(made, 0);
  lintSource(doc('<ComputerName>PC-1</ComputerName>'), { filePath: 'b.xml', rules, kb, plan });
  assert.is(made, 1);
});

test('a quiet rule with a hook other than onDocumentEnd is an internal error naming the rule', () => {
  const bad = defineRule({
    meta: { id: 'bad-quiet', summary: 'Bad', category: 'style', severity: 'warn', messages: {}, facts: ['Microsoft-Windows-Shell-Setup/ComputerName'], quietWithoutFacts: true },
    create: () => ({ onValue: () => undefined, onDocumentEnd: () => undefined }),
  });
  const rules = enable([bad]);
  assert.throws(
    () => lintSource(doc('<ComputerName>PC-1</ComputerName>'), { filePath: 'c.xml', rules, kb }),
    (e: unknown) => e instanceof InternalError && /bad-quiet.*onValue/.test(e.message),
  );
});

test('meta.elements: element hooks are called only for elements of those binding statuses', () => {
  const heard: string[] = [];
  const probe = defineRule({
    meta: { id: 'probe-elements', summary: 'Probe', category: 'style', severity: 'warn', messages: {}, elements: ['case', 'unknown'] },
    create: () => ({ onElement: (el) => void heard.push(`${el.local}:${el.binding.status}`) }),
  });
  const rules = enable([probe]);
  lintSource(doc('<computername>PC-1</computername><TimeZone>UTC</TimeZone><Nope/>'), { filePath: 'e.xml', rules, kb });
  assert.equal(heard, ['computername:case', 'Nope:unknown']);
});

test.run();
