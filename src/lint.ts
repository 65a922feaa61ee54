// Lints files and text with per-file configuration: the API behind the CLI and src/index.ts.
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { applyFixes } from './engine/fix.js';
import { encode } from './source/encode.js';
import { DIRECTIVE_RULE_ID, lintSource, lintStream, type EnabledRule, type LintOptions } from './engine/run.js';
import { loadKnowledgeBase } from './kb/load.js';
import { createPlan, UnknownFactError, type DispatchPlan } from './engine/plan.js';
import { ConfigError, createConfigLoader, createGlobs, type ConfigLoaderOptions, type ResolvedConfig } from './config/index.js';
import { parseTarget, TargetVersionError } from './kb/target.js';
import type { AnyRule } from './engine/rule.js';
import type { KnowledgeBase } from './kb/types.js';
import type { FileResult } from './types.js';
import { explainSource, type Explanation } from './explain.js';
import { showableFix } from './reporters/secrets.js';
import { addLineHashes } from './reporters/fingerprint.js';
import type { ByteReader } from './source/stream.js';
import { fsReason } from './util/fs-error.js';

export type ConfigLoader = ReturnType<typeof createConfigLoader>;

function enabledRules(config: ResolvedConfig, registry: Map<string, AnyRule>): EnabledRule[] {
  const out: EnabledRule[] = [];
  for (const [id, setting] of config.rules) {
    const rule = registry.get(id);
    if (rule && setting.severity > 0) out.push({ rule, severity: setting.severity as 1 | 2, options: setting.options });
  }
  return out;
}

export interface FixOptions {
  /** Apply only the fixes of findings with severity error (--quiet). */
  errorsOnly?: boolean;
}

export interface Linter {
  loader: ConfigLoader;
  /** True when the file's own config ignores it (its "ignores" globs), or an ignore pattern given to the linter does. */
  isIgnored(filePath: string): Promise<boolean>;
  lintBytes(bytes: Uint8Array | string, filePath: string): Promise<FileResult>;
  lintFile(filePath: string): Promise<FileResult>;
  /**
   * Lints, applies fixes and re-lints (up to 10 passes); the fixed bytes and what was fixed, nothing written.
   * `errorsOnly` (--quiet): only the fixes of error findings, as the report shows no warning.
   */
  fixBytes(bytes: Uint8Array, filePath: string, opts?: FixOptions): Promise<FixOutput>;
  /** fixBytes on a file, then writes the file when it changed (unless `write` is false); returns the last result. */
  fixFile(filePath: string, opts?: { write?: boolean } & FixOptions): Promise<FixedResult>;
  /** The file's scenario and pass-by-pass timeline (--explain), under the config that applies to it. */
  explainFile(filePath: string): Promise<Explanation>;
  /** Forgets what was read from a config file (or a directory), so that an edited config applies to the next lint. */
  invalidate(changed: string): void;
}

const MAX_FIX_PASSES = 10;

/** One fix that was applied: where, in the text of its pass (pass 1 is the file as read), and what it wrote. */
export interface AppliedFix {
  ruleId: string | null;
  message: string;
  line: number;
  column: number;
  range: [number, number];
  text: string;
  pass: number;
  /** False when the edit touches or carries a secret, so it must not be shown. */
  showable: boolean;
}

export interface FixOutput {
  /** The last lint, of the fixed text. */
  result: FileResult;
  /** The fixed bytes, in the file's own encoding; undefined when nothing was fixed. */
  output: Uint8Array | undefined;
  fixes: AppliedFix[];
  /** Set when the file has fixes that cannot be written back in its encoding (the fixes are then not applied). */
  notWritable?: string;
}

export type FixedResult = FileResult & { fixed: boolean; fixes: AppliedFix[]; notWritable?: string };

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
  const lintOptions = async (filePath: string): Promise<LintOptions> => {
    const config = await loader.forFile(filePath);
    const { rules, plan, known } = prepare(config);
    return {
      filePath,
      rules,
      plan,
      kb,
      settings: config.settings,
      knownRuleIds: known,
      directiveSeverity: config.rules.get(DIRECTIVE_RULE_ID)?.severity ?? 1,
      inlineConfig: opts.inlineConfig !== false,
    };
  };
  const lintBytes = async (bytes: Uint8Array | string, filePath: string): Promise<FileResult> => lintSource(bytes, await lintOptions(filePath));
  // A large file is linted as a stream, its bytes read in chunks from its descriptor; a small one is read whole (and
  // closed before its config is looked for, so that many files linted at once hold no descriptors).
  const lintPath = async (abs: string): Promise<FileResult> => {
    const fail = (err: unknown): never => {
      throw new FileReadError(`cannot read ${abs}: ${fsReason(err)}`, abs);
    };
    let fd: number | undefined;
    let size = 0;
    let bytes: Uint8Array | undefined;
    let streamed = false;
    try {
      fd = openSync(abs, 'r');
      size = fstatSync(fd).size;
      if (size < STREAM_BYTES) bytes = readFileSync(fd);
      else streamed = true;
    } catch (err) {
      fail(err);
    } finally {
      if (fd !== undefined && !streamed) closeSync(fd);
    }
    if (bytes) return lintSource(bytes, await lintOptions(abs));
    const file = fd!;
    try {
      return lintStream(descriptorReader(file, size, fail), await lintOptions(abs));
    } finally {
      closeSync(file);
    }
  };
  const read = async (abs: string): Promise<Uint8Array> => {
    try {
      // One file at a time, as the CLI lints them: a synchronous read costs less than a trip through the thread pool.
      return readFileSync(abs);
    } catch (err) {
      throw new FileReadError(`cannot read ${abs}: ${fsReason(err)}`, abs);
    }
  };
  const fixBytes = async (input: Uint8Array, filePath: string, fixOpts: FixOptions = {}): Promise<FixOutput> => {
    let result = await lintBytes(input, filePath);
    let output: Uint8Array | undefined;
    const fixes: AppliedFix[] = [];
    let notWritable: string | undefined;
    for (let pass = 1; pass <= MAX_FIX_PASSES && result.fatalErrorCount === 0 && result.source !== undefined; pass++) {
      const { text, fixed } = applyFixes(result.source, fixOpts.errorsOnly ? result.messages.filter((m) => m.severity === 2) : result.messages);
      if (fixed.length === 0) break;
      const bytes = encode(text, result.encoding, result.bom);
      if (!bytes) {
        notWritable = `its fixes are not applied: it is read as ${result.encoding} and holds text outside ASCII, which --fix does not re-encode; save it as UTF-8 first`;
        break;
      }
      for (const d of fixed) {
        const [start, end] = d.fix!.range;
        const showable = showableFix(d.fix, result) !== undefined;
        fixes.push({ ruleId: d.ruleId, message: d.message, line: d.line, column: d.column, range: [start, end], text: d.fix!.text, pass, showable });
      }
      output = bytes;
      result = await lintBytes(bytes, filePath);
    }
    // What could not be written is not offered again: the report would call those findings fixable with --fix.
    if (notWritable) result = withoutFixes(result);
    return { result, output, fixes, ...(notWritable ? { notWritable } : {}) };
  };
  return {
    loader,
    async isIgnored(filePath) {
      if (opts.ignorePatterns?.length && globs.isIgnored(opts.ignorePatterns, opts.cwd, filePath)) return true;
      return loader.isIgnored(filePath, await loader.forFile(filePath));
    },
    lintBytes,
    lintFile: (filePath) => lintPath(resolve(opts.cwd, filePath)),
    async explainFile(filePath) {
      const abs = resolve(opts.cwd, filePath);
      // As a named file is for a lint: a FIFO or a device is never opened (reading one may never end).
      let stat;
      try {
        stat = statSync(abs, { throwIfNoEntry: false });
      } catch (err) {
        throw new FileReadError(`cannot read ${abs}: ${fsReason(err)}`, abs);
      }
      if (!stat) throw new FileReadError(`cannot read ${abs}: there is no such file (ENOENT)`, abs);
      if (!stat.isFile() && !stat.isDirectory()) throw new FileReadError(`cannot read ${abs}: it is not a regular file or a directory`, abs);
      const config = await loader.forFile(abs);
      prepare(config);
      return explainSource(await read(abs), { filePath: abs, kb, settings: config.settings });
    },
    fixBytes,
    invalidate: (changed) => loader.invalidate(changed),
    async fixFile(filePath, { write = true, errorsOnly = false } = {}) {
      const abs = resolve(opts.cwd, filePath);
      const bytes = await read(abs);
      const { result, output, fixes, notWritable } = await fixBytes(bytes, abs, { errorsOnly });
      if (output && write) {
        try {
          await writeFile(abs, output);
        } catch (err) {
          // The file is as it was: its findings are those of what it still says.
          throw new FileWriteError(`cannot write the fixed ${abs}: ${fsReason(err)}`, abs, await lintBytes(bytes, abs));
        }
      }
      return { ...result, fixed: output !== undefined, fixes, ...(notWritable ? { notWritable } : {}) };
    },
  };
}

/** Files from this size on are linted as a stream: read in chunks, their bytes and text never held whole. */
export const STREAM_BYTES = 4 * 1024 * 1024;

/** Positioned reads of an open file; a failed read goes to `fail`. */
function descriptorReader(fd: number, size: number, fail: (err: unknown) => never): ByteReader {
  return {
    size,
    read: (buffer, position) => {
      try {
        return readSync(fd, buffer, 0, buffer.length, position);
      } catch (err) {
        return fail(err);
      }
    },
  };
}

/**
 * Adds to a result linted as a stream the line hashes of its findings' lines (SARIF's partialFingerprints, GitLab's
 * fingerprints), reading its file again in chunks. A file that went away or changed since gets none.
 */
export function addFileLineHashes(result: FileResult): void {
  if (!result.excerpt || result.excerpt.lineHashes) return;
  let fd: number;
  try {
    fd = openSync(result.filePath, 'r');
  } catch {
    return;
  }
  try {
    addLineHashes(result, descriptorReader(fd, fstatSync(fd).size, (err) => {
      throw err;
    }));
  } catch {
    // Unreadable or changed since it was linted: its results go without line hashes, as results without text do.
  } finally {
    closeSync(fd);
  }
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

/** A fixed file that could not be written back; `result` is the lint of the file as it still is. */
export class FileWriteError extends FileReadError {
  constructor(message: string, filePath: string, readonly result: FileResult) {
    super(message, filePath);
    this.name = 'FileWriteError';
  }
}

/** A result whose findings offer no fix (those --fix could not write back). */
function withoutFixes(result: FileResult): FileResult {
  for (const d of result.messages) delete d.fix;
  result.fixableErrorCount = 0;
  result.fixableWarningCount = 0;
  return result;
}
