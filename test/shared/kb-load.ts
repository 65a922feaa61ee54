// The committed knowledge base against the real-world corpus in ../shared: the documented settings
// those files use resolve in it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { exampleElements } from '../../kb/xml-example.js';
import { SHARED } from '../helpers/paths.js';

const kb = loadKnowledgeBase();
const dir = join(SHARED, 'corpus', 'real');

test('documented settings used in the real corpus resolve (exactly or by case) in the knowledge base', () => {
  let resolved = 0;
  const missing = new Set<string>();
  for (const file of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, file));
    const text = bytes[0] === 0xff || bytes[0] === 0xfe ? bytes.toString('utf16le') : bytes.toString('utf8');
    for (const e of exampleElements(text)) {
      if (!e.component || e.name.includes(':')) continue;
      const component = kb.findComponentCaseInsensitive(e.component);
      if (!component || kb.component(component)!.removed) continue;
      const path = [...e.ancestors, e.name];
      const ok = path.every((_, i) => kb.findChildCaseInsensitive(component, path.slice(0, i), path[i]!) !== undefined);
      if (ok) resolved++;
      else missing.add(`${component}/${path.join('/')}`);
    }
  }
  assert.ok(resolved > 10_000, `resolved ${resolved}`);
  // Settings these files use that no Microsoft source documents (kept out on purpose, see kb/README.md).
  for (const m of missing) {
    assert.ok(
      /\/(Extensions|ShowWindowsLive|DoNotCleanTaskBar|ConfigureChatAutoInstall|ClientApplications|UserData|Hidden|Sensitive|DisableErrorReporting|FirstLogonCommands|DNSServerSearchOrder|IPAddress|SubnetMask|DefaultGateway|BypassNetworkCheck|ShowWindowsMail|Diskwq)(\/|$)/.test(m),
      `unexpected unknown setting ${m}`,
    );
  }
});

test.run();
