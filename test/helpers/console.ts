// Captures what code under test prints, for tests of entry points that report on the console.
/** Runs f with console.log and console.error captured. */
export function quiet<T>(f: () => T): { result: T; out: string } {
  const [log, error] = [console.log, console.error];
  let out = '';
  console.log = console.error = (...args: unknown[]) => void (out += `${args.join(' ')}\n`);
  try {
    return { result: f(), out };
  } finally {
    [console.log, console.error] = [log, error];
  }
}
