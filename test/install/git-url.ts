// `npm install -g <git URL>` of this repository at HEAD, into a temporary prefix: the committed bundle is the bin, and
// it runs. Needs git and a committed HEAD (so it runs from .ci/run through npm run test:install, not npm test).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURES, ROOT } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

const WIN = process.platform === 'win32';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

test('npm install -g git+file://<checkout>#<HEAD> installs a bin that reports the version and lints', () => {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  assert.is(head.status, 0, head.stderr);
  const prefix = tempDir('unattend-lint-git-');
  const url = `git+${pathToFileURL(ROOT).href.replace(/\/$/, '')}#${head.stdout.trim()}`;
  const r = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', url], { cwd: prefix, encoding: 'utf8', shell: WIN });
  assert.is(r.status, 0, r.stderr);
  const pkgDir = WIN ? join(prefix, 'node_modules', 'unattend-lint') : join(prefix, 'lib', 'node_modules', 'unattend-lint');
  assert.not.ok(lstatSync(pkgDir).isSymbolicLink(), 'installed as a copy, not a link to a temporary clone');
  const bin = WIN ? join(prefix, 'unattend-lint.cmd') : join(prefix, 'bin', 'unattend-lint');
  const run = (args: string[]) => spawnSync(bin, args, { cwd: FIXTURES, encoding: 'utf8', shell: WIN, env: { ...process.env, NO_COLOR: '1' } });
  assert.is(run(['--version']).stdout, `${VERSION}\n`);
  const broken = run(['--no-config-lookup', 'examples/sysprep-unattend.xml']);
  assert.is(broken.status, 1, broken.stderr);
  assert.match(broken.stdout, /duplicate-setting/);
  assert.is(run(['--no-config-lookup', 'examples/autounattend-uefi.xml']).status, 0);
});

test.run();
