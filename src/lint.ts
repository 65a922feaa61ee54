// Lints files and text with per-file configuration: the API behind the CLI and src/index.ts.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { applyFixes } from './engine/fix.js';
import { encode } from './source/encode.js';
import { DIRECTIVE_RULE_ID, lintSource, summarise, type EnabledRule } from './engine/run.js';
import { loadKnowledgeBase } from './kb/load.js';
import { createPlan, UnknownFactError, type DispatchPlan } from './engine/plan.js';
import { ConfigError, createConfigLoader, createGlobs, type ConfigLoaderOptions, type ResolvedConfig } from './config/index.js';
import { parseTarget, TargetVersionError } from './kb/target.js';
import type { AnyRule } from './engine/rule.js';
import type { KnowledgeBase } from './kb/types.js';
import type { FileResult } from './types.js';
import { explainSource, type Explanation } from './explain.js';

export type ConfigLoader = ReturnType<typeof createConfigLoader>;

function enabledRules(config: ResolvedConfig, registry: Map<string, AnyRule>): EnabledRule[] {
  const out: EnabledRule[] = [];
  for (const [id, setting] of config.rules) {
    const rule = registry.get(id);
    if (rule && setting.severity > 0) out.push({ rule, severity: setting.severity as 1 | 2, options: setting.options });
  }
  return out;
}

export interface Linter {
  loader: ConfigLoader;
  /** True when the file's own config ignores it (its "ignores" globs), or an ignore pattern given to the linter does. */
  isIgnored(filePath: string): Promise<boolean>;
  lintBytes(bytes: Uint8Array | string, filePath: string): Promise<FileResult>;
  lintFile(filePath: string): Promise<FileResult>;
  /** Lints, applies fixes and re-lints (up to 10 passes), writes the file when it changed; returns the last result. */
  fixFile(filePath: string): Promise<FileResult & { fixed: boolean }>;
  /** The file's scenario and pass-by-pass timeline (--explain), under the config that applies to it. */
  explainFile(filePath: string): Promise<Explanation>;
}

const MAX_FIX_PASSES = 10;

export function createLinter(
  opts: Omit<ConfigLoaderOptions, 'builtinRules'> & {
    builtinRules: readonly AnyRule[];
    kb?: KnowledgeBase;
    inlineConfig?: boolean;
    /** Extra ignores (--ignore-pattern), relative to cwd, with the same meaning as a config's "ignores". */
    ignorePatterns?: string[];
  },
): Linter {
  const globs = createGlobs();
  const loader = createConfigLoader({ ...opts, builtinRules: [...opts.builtinRules] });
  const kb = opts.kb ?? loadKnowledgeBase();
  // What a config means for linting is worked out once per config, not once per file: its settings are
  // validated, its enabled rules looked up, and its rule ids (every id it knows, off ones included)
  // kept for telling unknown rule names in inline directives.
  const prepared = new WeakMap<ResolvedConfig, { rules: EnabledRule[]; plan: DispatchPlan; known: ReadonlySet<string> }>();
  const prepare = (config: ResolvedConfig) => {
    let p = prepared.get(config);
    if (!p) {
      checkSettings(config, kb);
      const rules = enabledRules(config, loader.rules());
      p = { rules, plan: planFor(config, rules, kb), known: new Set(config.rules.keys()) };
      prepared.set(config, p);
    }
    return p;
  };
  const lintBytes = async (bytes: Uint8Array | string, filePath: string): Promise<FileResult> => {
    const config = await loader.forFile(filePath);
    const { rules, plan, known } = prepare(config);
    return lintSource(bytes, {
      filePath,
      rules,
      plan,
      kb,
      settings: config.settings,
      knownRuleIds: known,
      directiveSeverity: config.rules.get(DIRECTIVE_RULE_ID)?.severity ?? 1,
      inlineConfig: opts.inlineConfig !== false,
    });
  };
  const read = async (abs: string): Promise<Buffer> => {
    try {
      // One file at a time, as the CLI lints them: a synchronous read costs less than a trip through the thread pool.
      return readFileSync(abs);
    } catch (err) {
      throw new FileReadError(`cannot read ${abs} (${(err as NodeJS.ErrnoException).code ?? 'EIO'})`, abs);
    }
  };
  return {
    loader,
    async isIgnored(filePath) {
      if (opts.ignorePatterns?.length && globs.isIgnored(opts.ignorePatterns, opts.cwd, filePath)) return true;
      return loader.isIgnored(filePath, await loader.forFile(filePath));
    },
    lintBytes,
    async lintFile(filePath) {
      const abs = resolve(opts.cwd, filePath);
      return lintBytes(await read(abs), abs);
    },
    async explainFile(filePath) {
      const abs = resolve(opts.cwd, filePath);
      const config = await loader.forFile(abs);
      prepare(config);
      return explainSource(await read(abs), { filePath: abs, kb, settings: config.settings });
    },
    async fixFile(filePath) {
      const abs = resolve(opts.cwd, filePath);
      let bytes: Buffer = await read(abs);
      let result = await lintBytes(bytes, abs);
      let fixed = false;
      for (let pass = 0; pass < MAX_FIX_PASSES && result.fatalErrorCount === 0 && result.source !== undefined; pass++) {
        const { text, applied } = applyFixes(result.source, result.messages);
        const out = applied ? encode(text, result.encoding, result.bom) : undefined;
        if (!out) break;
        bytes = out;
        fixed = true;
        result = await lintBytes(bytes, abs);
      }
      if (fixed) {
        try {
          await writeFile(abs, bytes);
        } catch (err) {
          throw new FileReadError(`cannot write the fixed ${abs} (${(err as NodeJS.ErrnoException).code ?? 'EIO'})`, abs);
        }
      }
      return { ...result, fixed };
    },
  };
}

/** The config's dispatch plan; a rule option naming a setting the knowledge base lacks is a configuration error. */
function planFor(config: ResolvedConfig, rules: EnabledRule[], kb: KnowledgeBase): DispatchPlan {
  try {
    return createPlan(rules, kb);
  } catch (err) {
    if (!(err instanceof UnknownFactError)) throw err;
    throw new ConfigError(`${config.configFile ?? '--rule/defaults'}: ${err.message}`, config.configFile);
  }
}

/** Settings that need the knowledge base to validate (the config schema only checks their shape). */
function checkSettings(config: ResolvedConfig, kb: KnowledgeBase): void {
  try {
    parseTarget(kb, config.settings['targetVersion']);
  } catch (err) {
    if (!(err instanceof TargetVersionError)) throw err;
    throw new ConfigError(`${config.configFile ?? '--rule/defaults'}: ${err.message}`, config.configFile);
  }
}

export class FileReadError extends Error {
  constructor(message: string, readonly filePath: string) {
    super(message);
    this.name = 'FileReadError';
  }
}

/** A result that only says the file was skipped because the config ignores it (ESLint's warning). */
export function ignoredResult(filePath: string): FileResult {
  return summarise(filePath, [
    {
      ruleId: null,
      severity: 1,
      message: 'file ignored because of a matching ignore pattern; remove it from the command line or the "ignores" list',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    },
  ]);
}
