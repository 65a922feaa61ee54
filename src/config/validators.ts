// Validators of JSON schemas: precompiled ones for the built-in rules' options and the config shape (ajv standalone
// code that scripts/validators.ts writes to precompiled.ts), and ajv only for a schema without one (a plugin's rule).
import type { Ajv, ErrorObject } from 'ajv';

/** The ajv options every validator is made with, at build time and at run time. */
export const AJV_OPTIONS = { useDefaults: true, verbose: true, strict: false, allErrors: false } as const;

/** A validator: true for valid data (completed with the schema's defaults); else its errors say why. */
export type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** What validates config values: an Ajv instance is one too. */
export interface SchemaCompiler {
  /** The validator of `schema`; throws ajv's error for a schema it cannot compile. */
  compile(schema: object): Validate;
}

export interface Validators extends SchemaCompiler {
  /**
   * Gets ready to compile these schemas without waiting: loads the precompiled validators and, when one of the
   * schemas has none, ajv. compile() only takes schemas that a prepare() saw.
   */
  prepare(schemas: Iterable<object | undefined>): Promise<void>;
}

/** A precompiled validator for each schema the build saw, keyed by the schema's JSON text. */
export type Precompiled = ReadonlyMap<string, Validate>;

const loadPrecompiled = async (): Promise<Precompiled> => (await import('./precompiled.js')).PRECOMPILED as Precompiled;

async function loadAjv(): Promise<Ajv> {
  // ajv is CommonJS: its module.exports is the class, with the class as .Ajv too.
  const mod = (await import('ajv')) as unknown as { default: { Ajv: typeof import('ajv').Ajv } };
  return new mod.default.Ajv(AJV_OPTIONS);
}

/** One set of validators (with its own ajv when one is needed), shared by everything a config loader reads. */
export function createValidators(): Validators {
  let precompiled: Precompiled | undefined;
  let ajv: Ajv | undefined;
  const texts = new WeakMap<object, string>();
  const textOf = (schema: object): string => {
    let text = texts.get(schema);
    if (text === undefined) texts.set(schema, (text = JSON.stringify(schema)));
    return text;
  };
  return {
    async prepare(schemas) {
      precompiled ??= await loadPrecompiled();
      for (const schema of schemas) {
        if (!schema || ajv || precompiled.has(textOf(schema))) continue;
        ajv = await loadAjv();
      }
    },
    compile(schema) {
      const found = precompiled?.get(textOf(schema));
      if (found) return found;
      if (!ajv) throw new Error('a schema was compiled before the validators were prepared for it');
      // ajv caches compiled schemas by object identity, so compiling again costs a map lookup.
      return ajv.compile(schema);
    },
  };
}
