// Every setting the reference places in passes: accepted in each documented pass, reported in every other (by the pass
// rules; local-accounts-specialize reports the documented LocalAccounts-in-specialize contradiction).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintSource, type EnabledRule } from '../src/engine/run.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import type { SettingRecord } from '../src/kb/types.js';
import { PASS_NAMES } from '../src/parser/events.js';
import unknownComponent from '../rules/unknown-component.js';
import unknownSetting from '../rules/unknown-setting.js';
import componentPass from '../rules/component-pass.js';
import settingPass from '../rules/setting-pass.js';
import generalizeContent from '../rules/generalize-content.js';
import localAccountsSpecialize from '../rules/local-accounts-specialize.js';

const kb = loadKnowledgeBase();
const rules: EnabledRule[] = [unknownComponent, unknownSetting, componentPass, settingPass, localAccountsSpecialize, generalizeContent].map((rule) => ({
  rule,
  severity: 2,
  options: { ...(rule.meta.defaultOptions ?? {}) },
}));
const PASS_RULES = new Set(['component-pass', 'setting-pass', 'local-accounts-specialize', 'generalize-content']);

/** Passes from the setting's own reference page (not copied from an ancestor, not absent). */
const hasPagePasses = (r: SettingRecord): boolean => !!r.page && r.passes.length > 0 && !r.passesInferred;

/** The elements from the component down to `record`, with list items keyed as WSIM writes them. */
function settingXml(record: SettingRecord): string {
  let open = '';
  let close = '';
  record.path.forEach((name, i) => {
    const path = record.path.slice(0, i + 1);
    const r = kb.setting(record.component, path)!;
    if (i === record.path.length - 1 && r.kind === 'leaf') {
      open += `<${name}>1</${name}>`;
      return;
    }
    let attrs = '';
    let key = '';
    if (r.kind === 'listItem') {
      attrs = ` wcm:action="add"${r.keyedByKeyValue ? ' wcm:keyValue="1"' : ''}`;
      const keyPath = r.keyElement ? [...path, r.keyElement] : [];
      if (r.keyElement && !r.keyedByKeyValue && record.path[i + 1] !== r.keyElement && kb.setting(record.component, keyPath)) {
        key = `<${r.keyElement}>1</${r.keyElement}>`;
      }
    }
    open += `<${name}${attrs}>${key}`;
    close = `</${name}>${close}`;
  });
  return open + close;
}

function answerFile(record: SettingRecord, pass: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">\n' +
    `  <settings pass="${pass}">\n` +
    `    <component name="${record.component}" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">\n` +
    `      ${settingXml(record)}\n` +
    '    </component>\n  </settings>\n</unattend>\n'
  );
}

function findings(record: SettingRecord, pass: string): { ruleId: string; message: string }[] {
  const result = lintSource(answerFile(record, pass), { filePath: 'coverage.xml', rules, kb });
  return result.messages.map((m) => ({ ruleId: m.ruleId ?? 'fatal', message: m.message }));
}

const all = kb.allSettings();
const covered = all.filter(hasPagePasses);

test('the knowledge base places at least 1,050 settings in passes from their own pages', () => {
  assert.ok(covered.length >= 1050, `only ${covered.length} of ${all.length} settings have page passes`);
});

test('each covered setting is accepted in every documented pass and reported in every other', () => {
  const failures: string[] = [];
  let everyPass = 0;
  for (const record of covered) {
    const label = `${record.component}/${record.path.join('/')}`;
    for (const pass of PASS_NAMES) {
      const got = findings(record, pass);
      const documented = record.passes.includes(pass);
      if (documented && got.length > 0) {
        failures.push(`${label} in documented pass ${pass}: ${got.map((f) => `${f.ruleId}: ${f.message}`).join(' | ')}`);
      } else if (!documented && (got.length === 0 || got.some((f) => !PASS_RULES.has(f.ruleId)))) {
        failures.push(`${label} in undocumented pass ${pass}: ${got.length ? got.map((f) => `${f.ruleId}: ${f.message}`).join(' | ') : 'no finding'}`);
      }
    }
    if (record.passes.length === PASS_NAMES.length) everyPass++;
  }
  assert.ok(everyPass < covered.length / 10, `${everyPass} settings are valid in every pass; expected few`);
  assert.equal(failures.slice(0, 20), [], `${failures.length} placements disagree with the knowledge base (first 20 shown)`);
});

test.run();
