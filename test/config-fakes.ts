// Shared by the config tests: fake rules with the ids the real rules will have, and fixture helpers.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as assert from 'uvu/assert';
import type { AnyRule } from '../src/engine/rule.js';
import { ConfigError } from '../src/config/index.js';
import { tempDir } from './helpers/temp.js';

const noop = () => ({});
const msg = { bad: () => 'bad' };

export const fakeRules: AnyRule[] = [
  { meta: { id: 'envelope', summary: 'envelope', category: 'correctness', severity: 'error', messages: msg }, create: noop },
  { meta: { id: 'pass-name', summary: 'pass names', category: 'correctness', severity: 'error', messages: msg }, create: noop },
  {
    meta: {
      id: 'duplicate-setting',
      summary: 'duplicates',
      category: 'correctness',
      severity: 'warn',
      messages: msg,
      schema: { type: 'object', properties: { ignoreCase: { type: 'boolean' } }, additionalProperties: false },
      defaultOptions: { ignoreCase: false },
    },
    create: noop,
  },
  {
    meta: {
      id: 'mixed-architecture',
      summary: 'architectures',
      category: 'correctness',
      severity: 'warn',
      recommended: false,
      messages: msg,
      schema: {
        type: 'object',
        properties: { allow: { type: 'array', items: { enum: ['x86', 'amd64', 'arm64'] } } },
        additionalProperties: false,
      },
      defaultOptions: { allow: [] },
    },
    create: noop,
  },
  {
    meta: {
      id: 'template-placeholder',
      summary: 'placeholders',
      category: 'policy',
      severity: 'warn',
      messages: msg,
      schema: {
        type: 'object',
        properties: {
          patterns: { type: 'array', items: { type: 'string' } },
          caseSensitive: { type: 'boolean', default: false },
        },
        additionalProperties: false,
      },
      defaultOptions: { patterns: ['CHANGEME'] },
    },
    create: noop,
  },
];

/** Absolute path under fixtures/config (tests run from dist/test). */
export function fixture(...parts: string[]): string {
  return fileURLToPath(new URL(['../../fixtures/config', ...parts].join('/'), import.meta.url));
}

/** A temporary project directory holding `files` (relative path → content). */
export function project(files: Record<string, string> = {}): string {
  const dir = tempDir('unattend-lint-config-');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Awaits `action` and asserts it fails with a ConfigError whose message contains every fragment. */
export async function assertConfigError(action: () => Promise<unknown>, ...fragments: string[]): Promise<ConfigError> {
  try {
    await action();
  } catch (error) {
    assert.instance(error, ConfigError, `expected ConfigError, got ${String(error)}`);
    const message = (error as ConfigError).message;
    for (const fragment of fragments) assert.ok(message.includes(fragment), `"${message}" lacks "${fragment}"`);
    assert.not.ok(message.includes('\n'), `message spans lines (a stack or code frame?): ${message}`);
    return error as ConfigError;
  }
  assert.unreachable('expected a ConfigError');
  throw new Error('unreachable');
}
