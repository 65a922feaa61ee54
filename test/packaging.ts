// The npm package holds only what runs, and installs without devDependencies (as `npm install -g` of a tarball or
// a git checkout does): packed, installed offline into a temporary prefix, its bin reports the version and lints.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleOutputs } from '../scripts/bundle.js';
import { FIXTURES, ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

interface Pkg {
  version: string;
  bin: Record<string, string>;
  main: string;
  exports: Record<string, string>;
  files: string[];
  license: string;
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
  dependencies?: Record<string, string>;
  scripts: Record<string, string>;
}
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Pkg;
const WIN = process.platform === 'win32';

const npm = (args: string[], cwd = ROOT) => {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', shell: WIN, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('the tarball holds the bundle (its entry and the modules split off it), its third-party licences, README, LICENSE and package.json, nothing else', async () => {
  const r = npm(['pack', '--dry-run', '--json', '--ignore-scripts']);
  assert.is(r.code, 0, r.stderr);
  const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
  const bundle = [...(await bundleOutputs()).keys()];
  assert.ok(bundle.includes('bundle/unattend-lint.mjs') && bundle.some((f) => f.startsWith('bundle/lib/')), bundle.join());
  assert.equal(files, ['LICENSE', 'README.md', ...bundle, 'package.json'].sort());
  for (const target of [...Object.values(PKG.bin), PKG.main, ...Object.values(PKG.exports)]) {
    assert.ok(files.includes(target.replace(/^\.\//, '')), `${target} is in the tarball`);
  }
});

test('package.json: MIT with a LICENSE file, repository, homepage, bugs; no runtime dependencies and nothing to build on install', () => {
  assert.is(PKG.license, 'MIT');
  assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License\n/);
  assert.match(PKG.repository.url, /^git\+https:\/\/github\.com\//);
  assert.match(PKG.homepage, /^https:\/\//);
  assert.match(PKG.bugs.url, /\/issues$/);
  // Everything that runs is in the bundle. Any of these scripts makes npm "prepare" a git dependency: install every
  // devDependency to run them, and (npm 11, npm install -g git+…) leave a link to the deleted temporary clone.
  assert.equal(Object.keys(PKG.dependencies ?? {}), []);
  for (const hook of ['build', 'prepare', 'prepack', 'preinstall', 'install', 'postinstall']) assert.is(PKG.scripts[hook], undefined, hook);
});

test('packed and installed with --omit=dev into a temporary prefix, locally and globally, the bin runs', () => {
  const tmp = tempDir('unattend-lint-pack-');
  const packed = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', tmp]);
  assert.is(packed.code, 0, packed.stderr);
  const tarball = join(tmp, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  const offline = ['--omit=dev', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'];
  const local = join(tmp, 'local');
  const global = join(tmp, 'global');
  const installs = [
    { args: ['install', ...offline, '--prefix', local, tarball], bin: join(local, 'node_modules', '.bin', 'unattend-lint') },
    { args: ['install', '-g', ...offline, '--prefix', global, tarball], bin: WIN ? join(global, 'unattend-lint') : join(global, 'bin', 'unattend-lint') },
  ];
  for (const { args, bin } of installs) {
    const installed = npm(args, tmp);
    assert.is(installed.code, 0, installed.stderr);
    const run = (a: string[]) => spawnSync(bin, a, { cwd: FIXTURES, encoding: 'utf8', shell: WIN, env: { ...process.env, NO_COLOR: '1' } });
    const version = run(['--version']);
    assert.is(version.stdout, `${PKG.version}\n`, version.stderr);
    const broken = run(['--no-config-lookup', 'examples/sysprep-unattend.xml']);
    assert.is(broken.status, 1, broken.stderr);
    assert.match(broken.stdout, /pass "oobesystem" is not a configuration pass/);
    const clean = run(['--no-config-lookup', 'examples/autounattend-uefi.xml']);
    assert.is(clean.status, 0, clean.stdout + clean.stderr);
  }
});

test.run();
