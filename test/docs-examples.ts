// The XML examples of every rule doc are linted: a `## Bad` example gives at least one finding of its rule, a
// `## Good` example none. Doc examples are fragments; test/helpers/doc-examples.ts says how they are made whole.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { createLinter } from '../src/lint.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { bytesOf, docConfig, docExamples, fileNameOf, wrapFragment, NOT_LINTED, TARGET_VERSION, WITH_CONFIG } from './helpers/doc-examples.js';
import { ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

const kb = loadKnowledgeBase();
let notLinted = 0;

test('the wrapping convention makes whole answer files of each kind of fragment (a test that can fail)', () => {
  const bare = wrapFragment('<TimeZone>UTC</TimeZone>', kb);
  assert.match(bare!, /<settings pass="(specialize|oobeSystem)">\s*<component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35"/);
  assert.match(bare!, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend">/);
  const component = wrapFragment('<component name="Microsoft-Windows-Deployment" …>\n  <Reseal><Mode>Audit</Mode></Reseal>\n</component>', kb)!;
  assert.match(component, /<settings pass="oobeSystem">\s*<component name="Microsoft-Windows-Deployment" processorArchitecture=/);
  assert.not.match(component, /…/);
  assert.match(wrapFragment('<settings pass="windowsPE"></settings>', kb)!, /<unattend [^>]*>\s*<settings pass="windowsPE">/);
  assert.is(wrapFragment('<NoSuchSetting>1</NoSuchSetting>', kb), undefined, 'a bare fragment no component defines cannot be wrapped');
});

for (const rule of builtinRules) {
  const id = rule.meta.id;
  const doc = readFileSync(join(ROOT, 'rules', `${id}.md`), 'utf8');
  const defaults = createLinter({ cwd: ROOT, builtinRules, noConfigLookup: true, kb, cliRules: [`${id}: error`] });
  const configured = (targetVersion?: string): ReturnType<typeof createLinter> => {
    const config = targetVersion ? { rules: {}, settings: { targetVersion } } : docConfig(doc);
    const entry = config.rules[id];
    const configFile = join(tempDir('doc-example-'), '.unattendlintrc.json');
    const rules = { ...config.rules, [id]: Array.isArray(entry) ? ['error', ...entry.slice(1)] : 'error' };
    writeFileSync(configFile, JSON.stringify({ rules, settings: config.settings }));
    return createLinter({ cwd: ROOT, builtinRules, configFile, kb });
  };
  for (const example of docExamples(doc)) {
    if (NOT_LINTED.test(example.xml)) {
      notLinted++;
      continue;
    }
    test(`rules/${id}.md: the ${example.section} example at line ${example.line} gives ${example.section === 'Bad' ? 'a' : 'no'} ${id} finding`, async () => {
      const xml = wrapFragment(example.xml, kb);
      assert.ok(xml, 'the fragment names no known component or setting to wrap it in; mark it <!-- not linted: why -->');
      const target = TARGET_VERSION.exec(example.xml)?.[1];
      const linter = WITH_CONFIG.test(example.xml) || target ? configured(target) : defaults;
      const result = await linter.lintBytes(bytesOf(xml!), join(ROOT, 'doc-examples', fileNameOf(example.xml)));
      const own = result.messages.filter((m) => m.ruleId === id);
      const shown = `\n${xml}\n${result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message}`).join('\n')}`;
      if (example.section === 'Bad') assert.ok(own.length > 0, `no ${id} finding in${shown}`);
      else assert.is(own.length, 0, `${id} findings in${shown}`);
    });
  }
}

test('few examples are left unlinted (each marked <!-- not linted: why -->)', () => {
  assert.ok(notLinted <= 5, `${notLinted} examples are marked not linted`);
});

test.run();
