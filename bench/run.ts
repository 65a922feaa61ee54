// npm run bench: speed and memory of a full lint as ratios against a plain saxes parse measured in the same run.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { lintSource } from '../src/engine/run.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { builtinRules } from '../rules/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A large but realistic answer file: many list items and settings across passes. */
function syntheticFile(items: number): string {
  const cmds = Array.from({ length: items }, (_, i) =>
    `        <RunSynchronousCommand wcm:action="add"><Order>${i + 1}</Order><Path>cmd /c echo step ${i} &gt;&gt; C:\\Windows\\Temp\\log.txt</Path><Description>step ${i}</Description></RunSynchronousCommand>`,
  ).join('\n');
  const base = readFileSync(join(ROOT, 'fixtures', 'examples', 'autounattend-uefi.xml'), 'utf8');
  return base.replace(
    '<settings pass="specialize">',
    `<settings pass="specialize">
    <component name="Microsoft-Windows-Deployment" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <RunSynchronous>
${cmds}
      </RunSynchronous>
    </component>`,
  );
}

function inputs(): { name: string; bytes: Buffer }[] {
  const examples = join(ROOT, 'fixtures', 'examples');
  const list = readdirSync(examples).map((f) => ({ name: f, bytes: readFileSync(join(examples, f)) }));
  list.push({ name: 'synthetic-500-commands', bytes: Buffer.from(syntheticFile(500)) });
  list.push({ name: 'synthetic-20000-commands', bytes: Buffer.from(syntheticFile(20000)) });
  return list;
}

function timeIt(fn: () => void, minMs = 300): number {
  fn();
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs || runs < 3) {
    fn();
    runs++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return elapsed / runs;
}

const kb = loadKnowledgeBase();
const rules = builtinRules.map((rule) => ({ rule, severity: (rule.meta.severity === 'error' ? 2 : 1) as 1 | 2, options: { ...(rule.meta.defaultOptions ?? {}) } }));
const lint = (b: Buffer): void => void lintSource(b, { filePath: 'bench.xml', rules, kb, settings: {} });
const parseOnly = (b: Buffer): void => {
  const p = new SaxesParser({ xmlns: true, position: true });
  p.on('opentag', () => undefined);
  p.write(b.toString('utf8')).close();
};

console.log('file                          bytes   saxes ms   lint ms   lint/saxes');
for (const { name, bytes } of inputs()) {
  const base = timeIt(() => parseOnly(bytes));
  const full = timeIt(() => lint(bytes));
  console.log(`${name.padEnd(28)} ${String(bytes.length).padStart(8)} ${base.toFixed(2).padStart(10)} ${full.toFixed(2).padStart(9)} ${(full / base).toFixed(2).padStart(12)}`);
}

// Memory: heap growth while linting the largest file, against the file's own size.
const big = inputs().at(-1)!.bytes;
globalThis.gc?.();
const before = process.memoryUsage().heapUsed;
let peak = before;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 1);
lint(big);
peak = Math.max(peak, process.memoryUsage().heapUsed);
clearInterval(timer);
console.log(`\nheap growth while linting ${big.length} bytes: ${((peak - before) / big.length).toFixed(1)}× the file size` +
  (globalThis.gc ? '' : ' (run with node --expose-gc for a steadier figure)'));
