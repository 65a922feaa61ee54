// kb/overrides.json: hand corrections and additions, each with a reason and a public source.

import { isDeepStrictEqual } from 'node:util';
import type { ComponentData, SettingData } from '../src/kb/data-format.js';
import type { Tables } from './deprecations.js';

export interface Override {
  /** add: the reference lacks it (fails once a page appears); patch: change fields; expect: assert fields. */
  op: 'add' | 'patch' | 'expect';
  component: string;
  /** Element path below the component; absent for the component itself. */
  path?: string[];
  set?: Partial<SettingData> & Partial<ComponentData>;
  reason: string;
  source: string[];
}

export interface OverridesFile {
  $comment?: string;
  overrides: Override[];
}

const SOURCE = /^(https?:\/\/\S+|KB\d{6,7})$/;

/** Throws with the entry's index and target when an override is malformed or no longer applies. */
export function applyOverrides(tables: Tables, file: OverridesFile): void {
  file.overrides.forEach((o, i) => {
    const where = `kb/overrides.json #${i} (${o.op} ${[o.component, ...(o.path ?? [])].join('/')})`;
    if (!['add', 'patch', 'expect'].includes(o.op)) throw new Error(`${where}: unknown op`);
    if (typeof o.reason !== 'string' || o.reason.trim().length < 10) throw new Error(`${where}: needs a reason`);
    if (!Array.isArray(o.source) || o.source.length === 0 || !o.source.every((s) => SOURCE.test(s))) {
      throw new Error(`${where}: needs a source (URL or KB article)`);
    }
    if (o.path && o.path.length > 0) applySetting(tables, o, where);
    else applyComponent(tables, o, where);
  });
}

function applyComponent(tables: Tables, o: Override, where: string): void {
  const existing = tables.components.get(o.component);
  if (o.op === 'add') {
    if (existing) throw new Error(`${where}: the component now exists in the reference; remove or turn into a patch`);
    tables.components.set(o.component, { passes: [], pages: [], ...(o.set as Partial<ComponentData>) });
    tables.settings.set(o.component, new Map());
    return;
  }
  if (!existing) throw new Error(`${where}: no such component`);
  if (o.op === 'patch') Object.assign(existing, o.set);
  else expectFields(existing, o.set, where);
}

function applySetting(tables: Tables, o: Override, where: string): void {
  const records = tables.settings.get(o.component);
  if (!records) throw new Error(`${where}: no such component`);
  const key = o.path!.join('/');
  const existing = records.get(key);
  if (o.op === 'add') {
    if (existing) throw new Error(`${where}: the reference now documents this setting; remove the override or turn it into a patch`);
    const parentKey = o.path!.slice(0, -1).join('/');
    const parent = parentKey ? records.get(parentKey) : undefined;
    if (parentKey && !parent) throw new Error(`${where}: parent ${parentKey} is unknown`);
    if (parent && parent.kind === 'leaf') parent.kind = 'container';
    const record: SettingData = { passes: [], kind: 'leaf', ...(o.set as Partial<SettingData>) };
    if (!record.page && !record.url) record.url = o.source[0]!;
    records.set(key, record);
    return;
  }
  if (!existing) throw new Error(`${where}: no such setting in the generated data`);
  if (o.op === 'patch') Object.assign(existing, o.set);
  else expectFields(existing, o.set, where);
}

function expectFields(actual: object, expected: object | undefined, where: string): void {
  for (const [field, value] of Object.entries(expected ?? {})) {
    const got = (actual as Record<string, unknown>)[field];
    if (!isDeepStrictEqual(got, value)) {
      throw new Error(`${where}: expected ${field} = ${JSON.stringify(value)}, generated ${JSON.stringify(got)}`);
    }
  }
}
