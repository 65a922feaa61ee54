// The JSON Schema of a config file: one builder for load-time shape checks and the published editor schema.
import { SCENARIOS } from '../engine/scenario.js';
import type { ErrorObject } from 'ajv';
import type { AnyRule } from '../engine/rule.js';
import { didYouMean } from './errors.js';
import type { SchemaCompiler, Validate } from './validators.js';

type Schema = Record<string, unknown>;

const COMMENTS = { '^//': {} };
const SEVERITY: Schema = {
  description: '"off" | "warn" | "error", or 0 | 1 | 2',
  enum: ['off', 'warn', 'error', 0, 1, 2],
};
const STRING_OR_LIST: Schema = { type: ['string', 'array'], items: { type: 'string' } };

function entrySchema(options: Schema): Schema {
  return {
    anyOf: [
      SEVERITY,
      { type: 'array', minItems: 1, maxItems: 1, items: [SEVERITY], additionalItems: false },
      { type: 'array', minItems: 2, maxItems: 2, items: [SEVERITY, options], additionalItems: false },
    ],
  };
}

/** A rule's options schema, also accepting "//" comment keys (editors would flag them otherwise). */
function optionsSchema(rule: AnyRule): Schema {
  const schema = rule.meta.schema ?? { type: 'object', maxProperties: 0 };
  const patternProperties = { ...COMMENTS, ...(schema['patternProperties'] as Schema | undefined) };
  return { ...schema, patternProperties };
}

function rulesSchema(rules: AnyRule[] | undefined): Schema {
  if (!rules) return { type: 'object' };
  const properties: Schema = {};
  for (const rule of rules) {
    properties[rule.meta.id] = { description: rule.meta.summary, ...entrySchema(optionsSchema(rule)) };
  }
  const pluginEntry = entrySchema({ type: 'object' });
  return {
    type: 'object',
    properties,
    patternProperties: { ...COMMENTS, '^[^/]+(/[^/]+)*/[^/]+$': pluginEntry },
    additionalProperties: false,
  };
}

function shapeSchema(rules: AnyRule[] | undefined): Schema {
  const ruleMap = rulesSchema(rules);
  const settings: Schema = {
    type: 'object',
    description: 'Shared settings, passed to every rule',
    properties: {
      targetVersion: {
        description:
          'a release id such as "windows-10", "windows-10-1809", "windows-11" or "windows-11-24h2", or a build number (the Windows release the answer file targets); Windows Server releases are "windows-server-2012-r2" … "windows-server-2025", and "auto", the default, takes the release the file\'s image names',
        type: ['string', 'integer'],
        pattern: '^(auto|windows-(vista|7|8|8\\.1|10|11)(-[0-9a-z]+)?|windows-server-[0-9]{4}(-r2)?|\\d+(\\.\\d+)*)$',
        minimum: 0,
        examples: ['auto', 'windows-10', 'windows-11', 'windows-server-2022', 22631],
      },
      scenario: {
        description: 'how the answer file is used, which decides the passes Setup runs: "auto" (the default) infers it from the passes present and the file name',
        enum: ['auto', ...SCENARIOS],
      },
    },
  };
  const override: Schema = {
    type: 'object',
    required: ['files'],
    properties: {
      files: { ...STRING_OR_LIST, description: 'Globs relative to the config file; without "/" they match the base name' },
      excludedFiles: STRING_OR_LIST,
      rules: ruleMap,
      settings,
    },
    patternProperties: COMMENTS,
    additionalProperties: false,
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'unattend-lint configuration',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      extends: {
        ...STRING_OR_LIST,
        description: '"unattend-lint:recommended" (the default when absent; [] starts from nothing), "unattend-lint:all", "plugin:<name>/<config>", a path or a package',
      },
      plugins: {
        type: ['array', 'object'],
        items: { type: 'string' },
        additionalProperties: { type: 'string' },
        description: 'Plugin paths or packages; the object form names each plugin',
      },
      rules: ruleMap,
      overrides: { type: 'array', items: override },
      ignores: { type: 'array', items: { type: 'string' }, description: 'Globs relative to the config file' },
      settings,
    },
    patternProperties: COMMENTS,
    additionalProperties: false,
  };
}

/** JSON Schema (draft-07) of the config file, with each rule's options schema, for docs and editors. */
export function configJsonSchema(rules: AnyRule[]): object {
  return shapeSchema(rules);
}

let shape: Schema | undefined;
/** The load-time shape check's schema (rule entries are checked one by one later, with better messages); one object. */
export function configShapeSchema(): Schema {
  return (shape ??= shapeSchema(undefined));
}

/** Compiles the load-time shape check. */
export function compileShapeCheck(compiler: SchemaCompiler): Validate {
  return compiler.compile(configShapeSchema());
}

/** The shape check, compiled (looked up among the precompiled validators) when the first config file is checked. */
export function lazyShapeCheck(compiler: SchemaCompiler): ShapeCheck {
  let compiled: Validate | undefined;
  const check = ((data: unknown) => {
    compiled ??= compileShapeCheck(compiler);
    const ok = compiled(data);
    check.errors = compiled.errors;
    return ok;
  }) as ShapeCheck;
  return check;
}

export type ShapeCheck = Validate;

/** One ajv error as a sentence: where, what is wrong, and a did-you-mean for unknown keys. */
export function describeAjvError(error: ErrorObject, root: string): string {
  const where = error.instancePath
    ? root + error.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')
    : root;
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params['additionalProperty']);
    const known = Object.keys((error.parentSchema?.['properties'] as Schema | undefined) ?? {});
    return `unknown key "${key}" in ${where}${didYouMean(key, known) || (known.length ? ` (expected: ${known.join(', ')})` : '')}`;
  }
  if (error.keyword === 'type') {
    const types = ([] as string[]).concat(error.params['type'] as string | string[]);
    return `${where} must be ${types.map((t) => (t === 'array' ? 'a list' : `a ${t}`)).join(' or ')}`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v));
    return `${where} must be one of ${allowed.join(', ')}`;
  }
  if (error.keyword === 'pattern' && typeof error.parentSchema?.['description'] === 'string') {
    return `${where} is ${JSON.stringify(error.data)}; expected ${error.parentSchema['description']}`;
  }
  return `${where} ${error.message ?? 'is invalid'}`;
}
