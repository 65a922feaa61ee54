// How a build script runs when it is the program (not imported by a test): its exit code, and a one-line error
// prefixed with its name instead of a stack trace.
import { fileURLToPath } from 'node:url';

export function runWhenMain(url: string, name: string, main: (argv: string[]) => Promise<number>): void {
  if (!process.argv[1] || fileURLToPath(url) !== process.argv[1]) return;
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
