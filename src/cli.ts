#!/usr/bin/env node
// The command line: argv → config → lint files → reporter → output and exit code (the only module touching process.*).
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { closeSync, fstatSync, openSync, realpathSync, rmSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, relative, resolve } from 'node:path';
import { addFileLineHashes, FileReadError, type AppliedFix, type FixedResult, type Linter } from './lint.js';
import { fixOne, lintOne, lintOnThreads, linterFor, parseConcurrency, readProblem, threadCount, type Concurrency, type LinterSetup } from './parallel.js';
import { findFiles, PatternError, unmatchedMessage } from './files.js';
import { applySuppressions, pruneSuppressions, recordSuppressions, suppressionsFile, SuppressionsError, SUPPRESSIONS_FILE } from './suppressions.js';
import { toJsonResults } from './reporters/json.js';
import { maskSlice, secretRedactor } from './reporters/secrets.js';
import { displayPath } from './reporters/paths.js';
import { ConfigError, printConfig } from './config/index.js';
import { didYouMean } from './util/did-you-mean.js';
import { FORMAT_NAMES, isFormat, loadReport } from './reporters/index.js';
import { InternalError } from './engine/errors.js';
import { TOOL_NAME } from './meta.js';
import { toolVersion } from './version.js';
import { listRules } from './list-rules.js';
import { formatExplanation } from './explain.js';
import { fsReason, writeReason } from './util/fs-error.js';
import { makeDirectory } from './util/make-dir.js';
import type { FileResult } from './types.js';
import type { RuleMeta } from './engine/rule.js';

const HELP = `Usage: ${TOOL_NAME} [options] [files | dirs | globs]

Lints Windows Setup answer files (unattend.xml, autounattend.xml). Without arguments, lints the
current directory as "." would: every .xml file below it whose root element is <unattend>.

Options:
  -f, --format NAME          text (default), compact, json, sarif, github,
                             gitlab (code quality), checkstyle, junit
  -o, --output-file PATH     write the report to PATH instead of standard output
  -c, --config PATH          use this config file instead of searching for one
      --no-config-lookup     use no config file (built-in recommended rules and --rule)
      --no-inline-config     ignore unattend-lint-disable comments in the files
      --ignore-pattern GLOB  skip files matching GLOB, as in a config's "ignores" but relative to the
                             current directory (repeatable)
      --rule 'ID: SEVERITY'  set a rule, e.g. --rule 'mixed-architecture: off' (repeatable;
                             options as JSON: --rule 'id: ["warn", {"key": 1}]')
      --fix                  apply safe fixes to the files, then report what remains (one line per
                             fixed file on stderr)
      --fix-dry-run          print the fixed text instead of writing it (--format json: the edits);
                             works with --stdin
      --concurrency N|auto|off
                             lint on N threads; "off" (the default) one; "auto" several for runs of
                             hundreds of files on machines with four CPUs or more
      --max-warnings N       exit 1 when there are more than N warnings (-1: no limit)
      --quiet                report errors only (warnings count for nothing, nor for --max-warnings; --fix fixes errors only)
      --stdin                lint standard input
      --stdin-filename PATH  name (and config location) for standard input
      --no-error-on-unmatched-pattern
                             no error when no answer file is found or a glob matches nothing
      --suppress-all         record every finding in the suppressions file, so later runs hide them
      --suppress-rule ID     record the findings of rule ID (repeatable)
      --prune-suppressions   drop suppressions that no longer occur
      --suppressions-location PATH
                             suppressions file (default: ./${SUPPRESSIONS_FILE})
      --pass-on-unpruned-suppressions
                             do not fail when suppressions no longer occur
      --print-config FILE    print the configuration that applies to FILE and exit
      --explain FILE         print FILE's scenario and, pass by pass in the order Setup runs them,
                             what Setup applies and what it skips and why (--format json: as data)
      --list-rules           list the rules (with --format json: as JSON) and exit
      --color, --no-color    force colours on or off (default: on for a terminal; NO_COLOR,
                             FORCE_COLOR honoured)
      --debug                print stack traces of internal errors
  -v, --version              print the version and exit
  -h, --help                 print this help and exit

Exit codes: 0 no errors, 1 errors (or too many warnings, or a file that is not well-formed XML),
2 usage, configuration or internal error, or a path that cannot be read or written.`;

interface Io {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdoutIsTTY: boolean;
  readStdin: () => Promise<Buffer>;
}

class UsageError extends Error {}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'no-config-lookup': { type: 'boolean' },
  'no-inline-config': { type: 'boolean' },
  'ignore-pattern': { type: 'string', multiple: true },
  concurrency: { type: 'string' },
  rule: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  'suppress-all': { type: 'boolean' },
  'suppress-rule': { type: 'string', multiple: true },
  'prune-suppressions': { type: 'boolean' },
  'suppressions-location': { type: 'string' },
  'pass-on-unpruned-suppressions': { type: 'boolean' },
  quiet: { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'print-config': { type: 'string' },
  explain: { type: 'string' },
  'list-rules': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    // A misspelt option gets the nearest one (--quite: did you mean "--quiet"?), as ESLint says.
    const unknown = /^Unknown option '(--?[^']+)'$/.exec(message)?.[1];
    const names = Object.entries(OPTIONS).flatMap(([name, o]) => ['short' in o ? `-${o.short}` : [], `--${name}`].flat());
    throw new UsageError(unknown?.startsWith('--') ? `${message}${didYouMean(unknown, names)}` : message);
  }
}

function useColor(values: { color?: boolean; 'no-color'?: boolean }, io: Io, toFile: boolean): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (toFile) return false;
  if ('NO_COLOR' in io.env && io.env.NO_COLOR !== '') return false;
  if ('FORCE_COLOR' in io.env) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.stdoutIsTTY;
}

function quietResult(r: FileResult): FileResult {
  const messages = r.messages.filter((m) => m.severity === 2);
  return { ...r, messages, warningCount: 0, fixableWarningCount: 0 };
}

type Values = ReturnType<typeof parse>['values'];

/** Option combinations and values that parseArgs cannot check; returns what the run needs from them. */
function checkUsage(values: Values, positionals: string[]) {
  const format = values.format ?? 'text';
  if (!isFormat(format) && !values['list-rules']) {
    // ESLint's default formatter is "stylish": text is that layout.
    const hint = format.toLowerCase() === 'stylish' ? '; did you mean "text" (ESLint\'s stylish layout)?' : didYouMean(format, FORMAT_NAMES);
    throw new UsageError(`unknown format "${format}"; use text, compact, json, sarif, github, gitlab, checkstyle or junit${hint}`);
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    // -1 is no limit, as in ESLint (written --max-warnings=-1: a value starting with "-" reads as an option).
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings needs a whole number (or -1 for no limit), got "${values['max-warnings']}"`);
  }
  if (values['stdin-filename'] && !values.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (values.stdin && positionals.length) throw new UsageError('--stdin lints standard input; do not name files as well');
  if (values.stdin && values.fix) throw new UsageError('--fix writes files and cannot be used with --stdin; use --fix-dry-run');
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix writes the fixes and --fix-dry-run prints them: use one');
  if (values['fix-dry-run'] && format !== 'text' && format !== 'json') throw new UsageError(`--fix-dry-run prints the fixed text or, with --format json, the edits; not "${format}"`);
  const suppressing = [values['suppress-all'], values['suppress-rule']?.length, values['prune-suppressions']].filter(Boolean).length;
  if (suppressing > 1) throw new UsageError('--suppress-all, --suppress-rule and --prune-suppressions cannot be combined');
  if (suppressing && (values.stdin || values['fix-dry-run'])) throw new UsageError('--suppress-all, --suppress-rule and --prune-suppressions record files; not with --stdin or --fix-dry-run');
  if (values.explain !== undefined) {
    if (format !== 'text' && format !== 'json') throw new UsageError(`--explain prints text or json, not "${format}"`);
    if (positionals.length || values.stdin || values.fix || values['fix-dry-run']) throw new UsageError('--explain takes one file; do not name other files, --stdin or --fix as well');
  }
  if (values['print-config'] !== undefined && (positionals.length || values.stdin)) {
    throw new UsageError('--print-config takes one file; do not name other files or --stdin as well');
  }
  const concurrency = parseConcurrency(values.concurrency);
  if (concurrency === undefined) throw new UsageError(`--concurrency needs a number of threads, "auto" or "off", got "${values.concurrency}"`);
  return { format, maxWarnings, concurrency };
}

interface Linted {
  results: FileResult[];
  problems: string[];
  /** Per file path, the fixes applied (--fix) or that would be (--fix-dry-run). */
  fixes: Map<string, { fixes: AppliedFix[]; notWritable?: string }>;
}

/** Lints standard input or every file found; argument, read and rule problems are collected, not thrown. */
/** What the report calls standard input without --stdin-filename. */
const STDIN = '<stdin>';

async function lintAll(linter: Linter, setup: LinterSetup, concurrency: Concurrency, values: Values, positionals: string[], io: Io, debug: boolean): Promise<Linted> {
  const out: Linted = { results: [], problems: [], fixes: new Map() };
  const dryRun = !!values['fix-dry-run'];
  if (values.stdin) {
    const name = resolve(io.cwd, values['stdin-filename'] || STDIN);
    const bytes = await io.readStdin();
    // A name the config's ignores cover is skipped, as a named file is (an editor or hook passes every file).
    if (values['stdin-filename'] && (await linter.isIgnored(name))) return out;
    // Without --stdin-filename the config is the one for a file in cwd, and the report names the input <stdin>.
    const named = (r: FileResult): FileResult => (values['stdin-filename'] ? r : Object.assign(r, { filePath: STDIN }));
    if (!dryRun) out.results.push(named(await linter.lintBytes(bytes, name)));
    else {
      const { result, fixes, notWritable } = await linter.fixBytes(bytes, name, { errorsOnly: !!values.quiet });
      out.results.push(named(result));
      out.fixes.set(result.filePath, { fixes, ...(notWritable ? { notWritable } : {}) });
    }
    return out;
  }
  let search;
  try {
    search = findFiles(positionals, io.cwd);
  } catch (err) {
    if (err instanceof PatternError) throw new UsageError(err.message);
    throw err;
  }
  const allowUnmatched = !!values['no-error-on-unmatched-pattern'];
  const unmatched = new Set(search.unmatched.map(unmatchedMessage));
  out.problems.push(...search.errors.filter((e) => !(allowUnmatched && unmatched.has(e))));
  // What could not be read while walking counts unless the config ignores it, as it would ignore a file there.
  let unreadable = 0;
  for (const u of search.unreadable) {
    if (await linter.isIgnored(u.path)) continue;
    out.problems.push(u.message);
    unreadable++;
  }
  let ignoredByName = 0;
  let failed = 0;
  const fixing = !!values.fix || dryRun;
  // Several threads only to lint (fixes write files, and re-lint them, one at a time).
  const threads = fixing ? 1 : threadCount(concurrency, search.files.length);
  const paths = search.files.map((f) => f.path);
  const outcomes = threads > 1 ? await lintOnThreads(linter, setup, paths, threads) : undefined;
  const fixed = (r: FixedResult): void => void out.fixes.set(r.filePath, { fixes: r.fixes, ...(r.notWritable ? { notWritable: r.notWritable } : {}) });
  for (const [i, f] of search.files.entries()) {
    // A file the config ignores is skipped, also when named: hooks pass every staged file.
    const outcome = outcomes?.[i] ?? (fixing ? await fixOne(linter, f.path, io.cwd, !dryRun, fixed, !!values.quiet) : await lintOne(linter, f.path, io.cwd, f.bytes));
    // What the walk read of the file is not kept past its lint.
    delete f.bytes;
    if (outcome.kind === 'ignored') {
      if (f.explicit) ignoredByName++;
    } else if (outcome.kind === 'result') out.results.push(outcome.result);
    else {
      failed++;
      // A fix that could not be written back still reports the file's findings, beside the problem.
      if (outcome.result) out.results.push(outcome.result);
      out.problems.push(outcome.message);
      if (debug && outcome.stack) io.stderr(`${outcome.stack}\n`);
    }
  }
  // No silent pass: a run that lints nothing says so, unless asked not to or the only files were named and ignored.
  if (out.results.length === 0 && failed === 0 && search.errors.length === 0 && unreadable === 0 && ignoredByName === 0 && !allowUnmatched) {
    const where = positionals.length ? positionals.join(' ') : '.';
    out.problems.push(search.files.length === 0
      ? `no answer files found in ${where} (.xml files whose root element is <unattend>); --no-error-on-unmatched-pattern allows that`
      : `every answer file found in ${where} is ignored (the config's "ignores" or --ignore-pattern); --no-error-on-unmatched-pattern allows that`);
  }
  return out;
}

/** A file that could not be read or written, named relative to the current directory as reports name it. */

/** Pieces of a report are written in batches of about this many characters. */
const WRITE_BATCH = 1 << 16;

/** A failure to write the output file, kept apart from a failure to make the report. */
class OutputError extends Error {
  constructor(readonly reason: unknown) {
    super('cannot write the output file');
  }
}

/** Writes the pieces in batches; standard output always ends with a line end, a file gets the report exactly. */
function writePieces(output: string | Iterable<string>, write: (s: string) => void, lineEnd: boolean): void {
  let batch = '';
  let last = '';
  for (const piece of typeof output === 'string' ? [output] : output) {
    if (!piece) continue;
    batch += piece;
    last = piece;
    if (batch.length >= WRITE_BATCH) {
      write(batch);
      batch = '';
    }
  }
  if (lineEnd && last && !last.endsWith('\n')) batch += '\n';
  if (batch) write(batch);
}

/**
 * Writes the report to stdout or --output-file as it is made. When the file cannot be written, what was written of
 * it is removed and the report goes to standard output, so that it is not lost; the problem line is returned.
 */
function writeReport(report: () => string | Iterable<string>, outFile: string | undefined, io: Io): string | undefined {
  if (outFile === undefined) {
    writePieces(report(), io.stdout, true);
    return undefined;
  }
  const path = resolve(io.cwd, outFile);
  let fd: number | undefined;
  try {
    try {
      makeDirectory(dirname(path));
      fd = openSync(path, 'w');
    } catch (err) {
      throw new OutputError(new Error(writeReason(err)));
    }
    const out = fd;
    writePieces(report(), (s) => {
      try {
        // A write may take only part of the bytes (a full disk, a file size limit); the next one then says why.
        const bytes = Buffer.from(s);
        for (let done = 0; done < bytes.length;) done += writeSync(out, bytes, done);
      } catch (err) {
        throw new OutputError(err);
      }
    }, false);
    return undefined;
  } catch (err) {
    if (!(err instanceof OutputError)) throw err;
    if (fd !== undefined && fstatSync(fd).isFile()) {
      closeSync(fd);
      fd = undefined;
      try {
        rmSync(path, { force: true });
      } catch {
        // A file that may be opened for writing but not removed (/proc, a directory without write access): the
        // report still goes to standard output, and the reason says why the file could not be written.
      }
    }
    writePieces(report(), io.stdout, true);
    return `cannot write the report to ${outFile}: ${fsReason(err.reason)}; it went to standard output instead`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Runs the CLI and returns the exit code. */
export async function run(io: Io): Promise<number> {
  let debug = io.argv.includes('--debug');
  try {
    const { values, positionals } = parse(io.argv);
    debug = !!values.debug;
    if (values.help) return io.stdout(`${HELP}\n`), 0;
    if (values.version) return io.stdout(`${toolVersion()}\n`), 0;
    const { format, maxWarnings, concurrency } = checkUsage(values, positionals);
    const setup: LinterSetup = {
      cwd: io.cwd,
      ...(values.config ? { configFile: resolve(io.cwd, values.config) } : {}),
      noConfigLookup: !!values['no-config-lookup'],
      cliRules: values.rule ?? [],
      inlineConfig: !values['no-inline-config'],
      ignorePatterns: values['ignore-pattern'] ?? [],
    };
    const linter = linterFor(setup);
    // What the three other modes print goes where a report would (-o), and one that cannot be written is exit 2.
    const print = (text: string): number => {
      const unwritable = writeReport(() => text, values['output-file'], io);
      if (unwritable) io.stderr(`${TOOL_NAME}: ${unwritable}\n`);
      return unwritable ? 2 : 0;
    };
    if (values['list-rules']) {
      // Load the config of the current directory so that plugin rules are listed too.
      await linter.loader.forFile(resolve(io.cwd, '__list-rules__.xml'));
      return print(listRules([...linter.loader.rules().values()], format === 'json' ? 'json' : 'text'));
    }
    if (values['print-config']) {
      const cfg = await linter.loader.forFile(resolve(io.cwd, values['print-config']));
      return print(`${JSON.stringify(printConfig(cfg), null, 2)}\n`);
    }

    if (values.explain !== undefined) return await explain(linter, values.explain, format, io, debug, print);

    const linted = await lintAll(linter, setup, concurrency, values, positionals, io, debug);
    const { problems } = linted;
    const notes = fixNotes(linted, io.cwd, !!values['fix-dry-run']);
    const suppressed = suppress(linted.results, values, linter, io.cwd);
    notes.push(...suppressed.notes);
    problems.push(...suppressed.problems);
    const results = suppressed.results;
    const errors = results.reduce((n, r) => n + r.errorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    // --quiet reports errors only, and (as in ESLint 9, where warning rules then do not run) counts no warnings.
    const tooMany = maxWarnings >= 0 && !values.quiet && warnings > maxWarnings;
    const shown = values.quiet ? results.map(quietResult) : results;
    // Fingerprints are made of line hashes, which a file linted as a stream has only once its file is read again.
    if (format === 'sarif' || format === 'gitlab') for (const r of shown) addFileLineHashes(r);
    const reportOf = values['fix-dry-run'] ? undefined : await loadReport(format);
    const report = () => values['fix-dry-run']
      ? dryRunOutput(shown, linted, format, io.cwd)
      : reportOf?.(shown, {
        cwd: io.cwd,
        rules: new Map<string, RuleMeta>([...linter.loader.rules()].map(([id, r]) => [id, r.meta])),
        color: useColor(values, io, !!values['output-file']),
        toolVersion: toolVersion(),
      }) ?? [];
    const unwritable = writeReport(report, values['output-file'], io);
    if (unwritable) problems.push(unwritable);
    for (const n of notes) io.stderr(`${TOOL_NAME}: ${n}\n`);
    for (const p of problems) io.stderr(`${TOOL_NAME}: ${p}\n`);
    if (problems.some((p) => p.startsWith('internal error')) && !debug) io.stderr(`${TOOL_NAME}: run with --debug for details\n`);
    // The verdict goes to stderr in every format, so that it is seen beside JSON or SARIF written to a file or a pipe.
    if (tooMany) io.stderr(`${TOOL_NAME} found too many warnings (${warnings}, maximum: ${maxWarnings})\n`);
    if (problems.length) return 2;
    return errors > 0 || tooMany ? 1 : 0;
  } catch (err) {
    return reportFailure(err, io, debug);
  }
}

/** One line per file that --fix changed (or --fix-dry-run would), naming how many fixes of which rules. */
function fixNotes(linted: Linted, cwd: string, dryRun: boolean): string[] {
  const notes: string[] = [];
  for (const [filePath, { fixes, notWritable }] of linted.fixes) {
    const path = displayPath(filePath, cwd);
    if (notWritable) notes.push(`${path}: ${notWritable}`);
    if (fixes.length === 0) continue;
    const byRule = new Map<string, number>();
    for (const f of fixes) byRule.set(f.ruleId ?? '(no rule)', (byRule.get(f.ruleId ?? '(no rule)') ?? 0) + 1);
    const rules = [...byRule].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ');
    notes.push(`${dryRun ? 'would fix' : 'fixed'} ${path}: ${fixes.length} fix${fixes.length === 1 ? '' : 'es'} (${rules})`);
  }
  return notes;
}

/**
 * --fix-dry-run's report. text: the fixed text of each file (secrets masked, so it is for reading, not for saving);
 * one file is printed as it is, several each after a "==> path <==" line, those without fixes left out. json: the
 * ESLint-compatible results of the fixed text, each with the edits applied ("fixes", pass by pass).
 */
function dryRunOutput(results: FileResult[], linted: Linted, format: string, cwd: string): string {
  const fixesOf = (r: FileResult) => linted.fixes.get(r.filePath)?.fixes ?? [];
  if (format === 'json') {
    const json = toJsonResults(results).map((j, i) => {
      const file = results[i]!;
      const redact = secretRedactor(file);
      // Edits of the first pass are over the text as read, later ones over the text the pass before gave.
      const fixes = fixesOf(file).map((f) => ({
        ruleId: f.ruleId, message: redact(f.message), line: f.line, column: f.column, pass: f.pass,
        ...(f.showable ? { range: f.range, text: f.text } : { withheld: true }),
      }));
      return { ...j, fixes };
    });
    return `${JSON.stringify(json)}\n`;
  }
  const texts = results.map((r) => {
    const source = r.source ?? '';
    return secretRedactor(r)(maskSlice(source, 0, source.length, r.secretRanges ?? []).text);
  });
  if (results.length === 1) return texts[0]!;
  return results.flatMap((r, i) => (fixesOf(r).length ? [`==> ${displayPath(r.filePath, cwd)} <==\n${texts[i]}`] : [])).join('\n');
}

/** Bulk suppressions: records them (--suppress-all, --suppress-rule), prunes them, or hides what they cover. */
function suppress(results: FileResult[], values: Values, linter: Linter, cwd: string) {
  const file = suppressionsFile(resolve(cwd, values['suppressions-location'] ?? SUPPRESSIONS_FILE));
  const shownPath = displayPath(file.path, cwd);
  const notes: string[] = [];
  const problems: string[] = [];
  const existing = file.read();
  let current = existing;
  const rules = values['suppress-rule'];
  if (values['suppress-all'] || rules?.length) {
    const known = linter.loader.rules();
    for (const id of rules ?? []) if (!known.has(id)) throw new UsageError(`--suppress-rule: unknown rule "${id}"${didYouMean(id, known.keys())}`);
    current = recordSuppressions(existing, results, file.keyOf, rules ? new Set(rules) : undefined);
  } else if (values['prune-suppressions']) current = pruneSuppressions(existing, results, file.keyOf, dirname(file.path));
  if (current !== existing) {
    file.write(current);
    notes.push(`wrote ${shownPath}`);
  }
  const applied = applySuppressions(results, current, file.keyOf);
  if (applied.hidden) notes.push(`${applied.hidden} finding${applied.hidden === 1 ? '' : 's'} suppressed by ${shownPath}`);
  if (applied.unmatched.length && !values['pass-on-unpruned-suppressions']) {
    const [first] = applied.unmatched;
    const more = applied.unmatched.length > 1 ? ` and ${applied.unmatched.length - 1} more` : '';
    problems.push(`${shownPath} suppresses findings that no longer occur (${first!.file}: ${first!.rule}, ${first!.suppressed} suppressed, ${first!.found} found${more}); run with --prune-suppressions to drop them`);
  }
  return { results: applied.results, notes, problems };
}

/** --explain FILE: 0, or 1 when the file is not well-formed; 2 when it cannot be read. */
async function explain(linter: Linter, file: string, format: string, io: Io, debug: boolean, print: (text: string) => number): Promise<number> {
  try {
    const e = await linter.explainFile(file);
    const shown = { ...e, filePath: relative(io.cwd, e.filePath) || e.filePath };
    return print(format === 'json' ? `${JSON.stringify(shown, null, 2)}\n` : formatExplanation(shown)) || (e.fatal ? 1 : 0);
  } catch (err) {
    if (!(err instanceof FileReadError) && !(err instanceof InternalError)) throw err;
    io.stderr(`${TOOL_NAME}: ${err instanceof InternalError ? `internal error: ${err.message}` : readProblem(err, io.cwd)}\n`);
    if (debug && err instanceof InternalError && err.cause instanceof Error && err.cause.stack) io.stderr(`${err.cause.stack}\n`);
    return 2;
  }
}

/** Usage and config errors get their message; anything else is our fault: a message, the stack only with --debug. */
function reportFailure(err: unknown, io: Io, debug: boolean): 2 {
  if (err instanceof UsageError || err instanceof ConfigError || err instanceof SuppressionsError) {
    io.stderr(`${TOOL_NAME}: ${err.message}\n`);
    if (err instanceof UsageError) io.stderr(`Run "${TOOL_NAME} --help" for usage.\n`);
  } else {
    io.stderr(`${TOOL_NAME}: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (!debug) io.stderr(`${TOOL_NAME}: run with --debug for details\n`);
  }
  if (debug && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
  return 2;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The program started is this module (the bundle, or dist/src/cli.js), or the bundle's launcher beside it (bin.cjs). */
function isEntryPoint(): boolean {
  try {
    if (!isMainThread || !process.argv[1]) return false;
    const started = realpathSync(process.argv[1]);
    return started === fileURLToPath(import.meta.url) || started === fileURLToPath(new URL('./bin.cjs', import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // A reader that stops early (`| head`) closes the pipe: the rest of the report is dropped, the exit code stays.
  // Any other write error (a full disk behind `> report.sarif`) means the report is lost: one line, and exit 2.
  let stdoutClosed = false;
  let stdoutFailed = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    stdoutClosed = true;
    if (err.code === 'EPIPE' || stdoutFailed) return;
    stdoutFailed = true;
    process.stderr.write(`${TOOL_NAME}: cannot write the report to standard output: ${fsReason(err)}\n`);
    process.exitCode = 2;
  });
  run({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => {
      if (!stdoutClosed) process.stdout.write(s);
    },
    stderr: (s) => process.stderr.write(s),
    stdoutIsTTY: !!process.stdout.isTTY,
    readStdin,
  }).then((code) => {
    finished = true;
    process.exitCode = stdoutFailed ? 2 : code;
  });
  // Node ends a process whose event loop has nothing left to do even while a promise is pending, with exit code 0:
  // a config file or plugin whose top-level await never settles would pass the run with no report at all.
  let finished = false;
  process.once('beforeExit', () => {
    if (finished) return;
    process.stderr.write(
      `${TOOL_NAME}: the run stopped before it had a result: something it waited for can never finish (a config file or plugin whose loading waits on a promise that never settles)\n`,
    );
    process.exitCode = 2;
  });
}
