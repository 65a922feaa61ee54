// import() of a user's module (a config file, a plugin), by file URL.
//
// The installed command (bundle/bin.cjs) runs the CLI as a classic script compiled with V8's code cache, where an
// import() would need Node's experimental vm loader (and print a warning); the launcher passes its own import in as
// UNATTEND_LINT_IMPORT, a parameter of the function it wraps the script in. Everywhere else the name is not defined.
declare const UNATTEND_LINT_IMPORT: ((href: string) => Promise<unknown>) | undefined;

export function importFile(href: string): Promise<unknown> {
  return typeof UNATTEND_LINT_IMPORT === 'function' ? UNATTEND_LINT_IMPORT(href) : import(href);
}
