// Tests: looking for a config file loads cosmiconfig only where a directory may hold one, and finds what cosmiconfig
// finds (its search places, package.json with a key, .config/).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createConfigLoader } from '../src/config/index.js';
import { MODULE_NAME, SEARCH_NAMES } from '../src/config/files.js';
import { assertConfigError, fakeRules, project } from './config-fakes.js';
import { ROOT } from './helpers/paths.js';

test("every search place of cosmiconfig's is one of the names the quick search looks for (or under .config/)", () => {
  const { getDefaultSearchPlaces } = createRequire(import.meta.url)('cosmiconfig/dist/defaults.js') as { getDefaultSearchPlaces: (name: string) => string[] };
  const places = getDefaultSearchPlaces(MODULE_NAME);
  assert.ok(places.length > 10);
  for (const place of places) assert.ok(SEARCH_NAMES.includes(place) || (place.startsWith('.config/') && SEARCH_NAMES.includes('.config')), place);
});

/** Config found for a file in `files`' project, or undefined. */
async function found(files: Record<string, string>, sub = 'a/b'): Promise<string | undefined> {
  const dir = project({ ...files, [`${sub}/.keep`]: '' });
  const loader = createConfigLoader({ cwd: dir, builtinRules: fakeRules });
  const config = await loader.forFile(join(dir, sub, 'unattend.xml'));
  return config.configFile?.slice(dir.length + 1);
}

test('configs are found where cosmiconfig finds them: rc files, .config/, package.json with the key, nearest first', async () => {
  assert.is(await found({ '.unattendlintrc.yaml': 'rules: {}\n' }), '.unattendlintrc.yaml');
  assert.is(await found({ 'a/.unattendlintrc': '{}' }), 'a/.unattendlintrc');
  assert.is(await found({ 'a/.config/unattendlintrc.json': '{}' }), 'a/.config/unattendlintrc.json');
  assert.is(await found({ 'unattendlint.config.mjs': 'export default {};\n' }), 'unattendlint.config.mjs');
  assert.is(await found({ 'a/package.json': '{"unattendlint": {}}' }), 'a/package.json');
  assert.is(await found({ 'a/package.json': '{"name": "x"}', '.unattendlintrc.json': '{}' }), '.unattendlintrc.json');
  assert.is(await found({ 'a/b/.unattendlintrc.json': '{}', 'a/.unattendlintrc.json': '{}' }), 'a/b/.unattendlintrc.json');
  // An empty config file counts (as an empty config).
  assert.is(await found({ 'a/.unattendlintrc.json': '' }), 'a/.unattendlintrc.json');
});

test('a package.json that is not JSON on the way up is reported, as cosmiconfig reports it', async () => {
  const dir = project({ 'a/package.json': '{ nope', 'a/b/.keep': '' });
  const loader = createConfigLoader({ cwd: dir, builtinRules: fakeRules });
  await assertConfigError(() => loader.forFile(join(dir, 'a', 'b', 'unattend.xml')), 'package.json', 'invalid JSON');
});

test('a config the search finds but cannot read stops the run: a dangling link, a directory (never passed over)', async () => {
  const dir = project({ 'a/b/.keep': '', 'c/.keep': '', 'd/.unattendlintrc.json': '{}', 'd/e/.keep': '' });
  fs.symlinkSync(join('..', 'nowhere', 'shared.json'), join(dir, 'a', '.unattendlintrc.json'));
  fs.mkdirSync(join(dir, 'c', '.unattendlintrc.yaml'));
  const loader = createConfigLoader({ cwd: dir, builtinRules: fakeRules });
  await assertConfigError(() => loader.forFile(join(dir, 'a', 'b', 'unattend.xml')), '.unattendlintrc.json', 'symbolic link to ../nowhere/shared.json, which does not exist');
  await assertConfigError(() => loader.forFile(join(dir, 'c', 'unattend.xml')), '.unattendlintrc.yaml', 'is a directory, not a config file');
  // A readable config first in the search order is what is read.
  assert.ok(await loader.forFile(join(dir, 'd', 'e', 'unattend.xml')));
});

test('a run that finds no config file (directories with package.json files without the key) never loads cosmiconfig', () => {
  const dir = project({ 'package.json': '{"name": "x"}', 'a/b/.keep': '' });
  const script = (file: string) => `
    import { createRequire } from 'node:module';
    import { createConfigLoader } from '../src/config/index.js';
    const loader = createConfigLoader({ cwd: ${JSON.stringify(dir)}, builtinRules: [] });
    const config = await loader.forFile(${JSON.stringify(file)});
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ cosmiconfig: cache.some((k) => /[\\\\/]node_modules[\\\\/]cosmiconfig[\\\\/]/.test(k)), configFile: config.configFile ?? null }));
  `;
  const run = (file: string) => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script(file)], { cwd: join(ROOT, 'dist', 'test'), encoding: 'utf8' });
    assert.is(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as { cosmiconfig: boolean; configFile: string | null };
  };
  // Above the temporary directory lie the system's directories, none holding a config for this tool.
  assert.equal(run(join(dir, 'a', 'b', 'unattend.xml')), { cosmiconfig: false, configFile: null });
  // The same run loads it once a directory on the way holds a config file.
  const withConfig = project({ '.unattendlintrc.json': '{}' });
  assert.equal(run(join(withConfig, 'unattend.xml')), { cosmiconfig: true, configFile: join(withConfig, '.unattendlintrc.json') });
});

test.run();
