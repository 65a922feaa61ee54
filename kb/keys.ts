// kb/data → src/kb/setting-keys.ts: the names rules use for settings and components, as types, so a misspelt key fails to compile.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentsFile, SettingsFile } from '../src/kb/data-format.js';
import { header } from './emit.js';

/** The TypeScript source of src/kb/setting-keys.ts for the given data files. */
export function renderSettingKeys(components: ComponentsFile['components'], settings: SettingsFile['settings']): string {
  const componentNames = Object.keys(components).sort();
  const keys = componentNames.flatMap((c) => Object.keys(settings[c] ?? {}).sort().map((k) => `${c}/${k}`));
  const union = (names: string[]): string => names.map((n) => `\n  | ${JSON.stringify(n).replace(/"/g, "'")}`).join('');
  return [
    `// ${header('kb/data/components.json and kb/data/settings.json by kb/keys.ts')}.`,
    '',
    '/** A component of the knowledge base, spelled as the reference spells it. */',
    `export type ComponentName =${union(componentNames)};`,
    '',
    '/** "Component/Path/To/Setting": every setting, container and list item of the knowledge base. */',
    `export type SettingKey =${union(keys)};`,
    '',
  ].join('\n');
}

export const keysFile = (root: string): string => join(root, 'src', 'kb', 'setting-keys.ts');

/** The key file's content for the data in `dataDir`. */
export function settingKeysFor(dataDir: string): string {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as T;
  return renderSettingKeys(read<ComponentsFile>('components.json').components, read<SettingsFile>('settings.json').settings);
}

export function writeSettingKeys(root: string, dataDir: string): void {
  writeFileSync(keysFile(root), settingKeysFor(dataDir));
}
