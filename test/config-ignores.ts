// Tests: overrides (files, excludedFiles, base-name patterns, order) and ignores (globs, directories, negation, defaults).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createConfigLoader } from '../src/config/index.js';
import { fakeRules, fixture } from './config-fakes.js';

const configs = createConfigLoader({ cwd: fixture(), builtinRules: fakeRules });
const at = (...parts: string[]) => configs.forFile(fixture('nested', ...parts));
const severities = async (...parts: string[]) => {
  const config = await at(...parts);
  return { envelope: config.rules.get('envelope')?.severity, passName: config.rules.get('pass-name')?.severity };
};

test('no override matches: the base rules and settings', async () => {
  assert.equal(await severities('unattend.xml'), { envelope: 2, passName: 2 });
  assert.equal((await at('unattend.xml')).settings, { targetVersion: 'windows-11', site: { name: 'hq', region: 'eu' } });
});

test('"lab/**" matches below lab/ only; override settings merge deeply', async () => {
  assert.equal(await severities('lab', 'unattend.xml'), { envelope: 2, passName: 0 });
  assert.equal(await severities('lab', 'deeper', 'unattend.xml'), { envelope: 2, passName: 0 });
  assert.equal(await severities('other', 'lab.xml'), { envelope: 2, passName: 2 });
  assert.equal((await at('lab', 'unattend.xml')).settings, { targetVersion: 'windows-10', site: { name: 'lab', region: 'eu' } });
});

test('a pattern without "/" matches the base name at any depth; excludedFiles wins', async () => {
  assert.equal(await severities('site.lab.xml'), { envelope: 1, passName: 1 });
  assert.equal(await severities('a', 'b', 'site.lab.xml'), { envelope: 1, passName: 1 });
  assert.equal(await severities('keep', 'site.lab.xml'), { envelope: 2, passName: 2 });
});

test('overrides apply in order, later wins', async () => {
  assert.equal(await severities('lab', 'x.lab.xml'), { envelope: 1, passName: 1 });
});

test('a file outside the config directory matches no override', async () => {
  const configs2 = createConfigLoader({ cwd: fixture(), builtinRules: fakeRules, configFile: fixture('nested', '.unattendlintrc.json') });
  const config = await configs2.forFile(fixture('elsewhere', 'lab', 'site.lab.xml'));
  assert.equal(config.rules.get('pass-name')?.severity, 2);
});

test('ignores: globs, directory names at any depth, negation, node_modules and .git', async () => {
  const ignored = async (...parts: string[]) => configs.isIgnored(fixture('nested', ...parts), await at(...parts));
  assert.ok(await ignored('generated', 'a.xml'));
  assert.ok(await ignored('generated', 'deep', 'a.xml'));
  assert.ok(await ignored('old', 'a.xml'));
  assert.ok(await ignored('x', 'old', 'a.xml'));
  assert.not.ok(await ignored('old', 'keep.xml'), '"!old/keep.xml" re-includes it');
  assert.not.ok(await ignored('older', 'a.xml'));
  assert.ok(await ignored('drafts', 'a.xml'), '"drafts/" ignores the directory');
  assert.not.ok(await ignored('unattend.xml'));
  assert.not.ok(await ignored('lab', 'generated.xml'));
  assert.ok(await ignored('node_modules', 'pkg', 'unattend.xml'));
  assert.ok(await ignored('lab', '.git', 'unattend.xml'));
});

test('ignores are relative to basePath; files outside it are not matched by them', async () => {
  const config = await at('unattend.xml');
  assert.is(config.basePath, fixture('nested'));
  assert.not.ok(configs.isIgnored(fixture('generated', 'a.xml'), config));
  assert.ok(configs.isIgnored(fixture('node_modules', 'a.xml'), config));
});

test('without a config only node_modules and .git are ignored', async () => {
  const plain = createConfigLoader({ cwd: fixture(), builtinRules: fakeRules, noConfigLookup: true });
  const config = await plain.forFile(fixture('nested', 'generated', 'a.xml'));
  assert.equal(config.ignores, []);
  assert.not.ok(plain.isIgnored(fixture('nested', 'generated', 'a.xml'), config));
  assert.ok(plain.isIgnored(fixture('node_modules', 'x', 'a.xml'), config));
  assert.ok(plain.isIgnored('.git/a.xml', config), 'relative paths resolve against cwd');
});

test.run();
