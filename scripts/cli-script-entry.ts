// Entry of bundle/cli.cjs, the CLI as one classic script that the installed command (bundle/bin.cjs) runs with V8's
// code cache. The public API is the ES bundle's (scripts/bundle-entry.ts).
import '../src/cli.js';
