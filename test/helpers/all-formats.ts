// Runs the CLI once per report format in one process and prints the runs as JSON: one process start, in the locale
// and time zone it was started with, for the determinism test's eight formats. Arguments: those of the CLI.
import { run } from '../../src/cli.js';

const FORMATS = ['text', 'compact', 'json', 'sarif', 'github', 'gitlab', 'checkstyle', 'junit'];

const out: Record<string, { code: number; stdout: string; stderr: string }> = {};
for (const format of FORMATS) {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv: ['-f', format, ...process.argv.slice(2)],
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    stdoutIsTTY: false,
    readStdin: async () => Buffer.alloc(0),
  });
  out[format] = { code, stdout, stderr };
}
process.stdout.write(JSON.stringify(out));
