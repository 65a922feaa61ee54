// The core type-checks with no Node types and no DOM (tsconfig.core.json): only ECMAScript and the Web APIs of
// src/web-globals.d.ts. So a Node module, a Node global or a browser-only API slipping into src/core.ts or anything
// it imports fails npm test here, before any build.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/temp.js';

function coreConfig(): ts.ParsedCommandLine {
  const file = join(ROOT, 'tsconfig.core.json');
  const read = ts.readConfigFile(file, (p) => ts.sys.readFile(p));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT, undefined, file);
}

/** Problems as "file(line): message", files relative to the repository. */
function problems(program: ts.Program): string[] {
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${relative(ROOT, d.file.fileName)}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})` : '(config)';
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

const config = coreConfig();

test('tsconfig.core.json checks src/core.ts without Node types or the DOM', () => {
  assert.equal(config.errors, []);
  assert.equal(config.options.types, []);
  assert.equal(config.options.lib, ['lib.es2022.d.ts']);
  assert.equal(config.fileNames.map((f) => relative(ROOT, f)).sort(), ['src/core.ts', 'src/web-globals.d.ts']);
});

test('the core and everything it imports compile under it, and no Node or DOM declaration is in the program', () => {
  // A probe beside the core: what the core must not use fails to compile here, line by line.
  const dir = tempDir('unattend-lint-core-types-');
  const probe = join(dir, 'probe.ts');
  writeFileSync(
    probe,
    [
      "import { readFileSync } from 'node:fs';",
      'export const a = Buffer.from(String(readFileSync));',
      'export const b = process.argv;',
      'export const c = document.title;',
      'export const d = new TextDecoder().decode(new TextEncoder().encode("ok"));',
      '',
    ].join('\n'),
  );
  const program = ts.createProgram({ rootNames: [...config.fileNames, probe], options: { ...config.options, rootDir: undefined } });
  const found = problems(program);
  const inProbe = found.filter((p) => p.startsWith(relative(ROOT, probe)));
  assert.equal(
    found.filter((p) => !inProbe.includes(p)),
    [],
    'the core compiles without Node types',
  );
  assert.equal(
    inProbe.map((p) => p.replace(/^.*\((\d+)\): /, '$1 ').replace(/^(\d+ \S+ \S+ \S+ \S+).*/, '$1')),
    ['1 Cannot find module \'node:fs\'', "2 Cannot find name 'Buffer'.", "3 Cannot find name 'process'.", "4 Cannot find name 'document'."],
  );
  const declared = program.getSourceFiles().map((f) => f.fileName).filter((f) => /@types[\\/]node|lib\.dom/.test(f));
  assert.equal(declared, []);
  const core = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.startsWith(dir)).map((f) => relative(ROOT, f.fileName));
  assert.ok(core.includes('src/engine/run.ts') && core.includes('rules/index.ts') && core.includes('src/reporters/sarif.ts'), core.join());
  for (const nodeOnly of ['src/lint.ts', 'src/cli.ts', 'src/files.ts', 'src/kb/load.ts', 'src/config/index.ts']) assert.not.ok(core.includes(nodeOnly), nodeOnly);
});

test.run();
