// Where a misplaced component or setting should go instead: the pass to suggest and the Windows PE twins.
import { PASS_NAMES, type PassName } from '../../src/parser/events.js';
import type { BoundComponent } from '../../src/binder/bind.js';

function isPassName(pass: string | undefined): pass is PassName {
  return (PASS_NAMES as readonly string[]).includes(pass ?? '');
}

export interface PlacedComponent {
  /** The knowledge base's spelling of the component. */
  name: string;
  /** Passes the component is applied in; [] when the knowledge base has none (no verdict). */
  passes: readonly string[];
  pass: PassName;
}

/** A known component declared in a valid pass; undefined for what the pass rules do not judge. */
export function placedComponent(node: BoundComponent): PlacedComponent | undefined {
  const entry = node.element.binding.component;
  if (!isPassName(node.pass) || !entry) return undefined;
  return { name: entry.name, passes: entry.record.passes, pass: node.pass };
}

/** Valid passes in the order Setup runs them, for messages. */
export function passList(passes: readonly string[]): string {
  return PASS_NAMES.filter((p) => passes.includes(p)).join(', ');
}

// specialize runs on every deployment (media install and after every generalize); oobeSystem on every
// OOBE; windowsPE only from setup media; offlineServicing mostly with DISM; generalize only with
// sysprep /generalize; the audit passes only in audit mode (how-configuration-passes-work).
const PREFERENCE: readonly PassName[] = ['specialize', 'oobeSystem', 'windowsPE', 'offlineServicing', 'generalize', 'auditSystem', 'auditUser'];

/** The valid pass most answer files mean when they misplace something. */
export function suggestedPass(passes: readonly string[]): string {
  return PREFERENCE.find((p) => passes.includes(p)) ?? passes[0] ?? '';
}

const INTL = 'Microsoft-Windows-International-Core';
const PNP = 'Microsoft-Windows-PnpCustomizations';
const SETUP = 'Microsoft-Windows-Setup';
const DEPLOYMENT = 'Microsoft-Windows-Deployment';
const SHELL = 'Microsoft-Windows-Shell-Setup';

/**
 * The Windows PE twin of a component declared in a pass it is not applied in, given which top-level
 * settings (and whether UserData/ProductKey) it holds. Windows PE has its own components for language,
 * drivers, commands and the product key (best-practices-for-authoring-answer-files, §Specify Language
 * Settings; microsoft-windows-setup-runsynchronous; microsoft-windows-shell-setup-productkey).
 */
export function componentTwin(component: string, pass: string, has: (setting: string) => boolean, hasProductKey: boolean): string | undefined {
  const pe = pass === 'windowsPE';
  switch (component) {
    case INTL:
      return pe ? `in windowsPE use "${INTL}-WinPE"` : undefined;
    case `${INTL}-WinPE`:
      return pe ? undefined : `outside windowsPE use "${INTL}" (specialize, oobeSystem)`;
    case `${PNP}NonWinPE`:
      return pe ? `in windowsPE use "${PNP}WinPE"` : undefined;
    case `${PNP}WinPE`:
      return pe ? undefined : `outside windowsPE use "${PNP}NonWinPE" (offlineServicing, auditSystem)`;
    case DEPLOYMENT:
      return pe && (has('RunSynchronous') || has('RunAsynchronous')) ? `commands in windowsPE go in "${SETUP}" RunSynchronous` : undefined;
    case SETUP: {
      if (pe) return undefined;
      const hints = [
        has('RunSynchronous') ? `commands after windowsPE go in "${DEPLOYMENT}" RunSynchronous (specialize, auditUser)` : '',
        hasProductKey ? `the product key after windowsPE goes in "${SHELL}" ProductKey (specialize)` : '',
      ].filter(Boolean);
      return hints.length ? hints.join('; ') : undefined;
    }
    default:
      return undefined;
  }
}

/** The twin of a setting placed in a pass its own component applies, but it does not. */
export function settingTwin(component: string, path: readonly string[], pass: string): string | undefined {
  if (component === SHELL && path.length === 1 && path[0] === 'ProductKey' && pass === 'windowsPE') {
    return `in windowsPE the product key goes in "${SETUP}" UserData/ProductKey/Key`;
  }
  return undefined;
}

/**
 * Documented contradictions: the reference's pass table for UserAccounts and LocalAccounts says auditSystem
 * and oobeSystem, while best-practices-for-authoring-answer-files shows LocalAccounts in specialize with
 * sysprep /generalize to change an existing account (RULES.md §3 #20).
 */
export function contradictedPlacement(component: string, path: readonly string[], pass: string): boolean {
  return component === SHELL && pass === 'specialize' && path.length === 2 && path[0] === 'UserAccounts' && path[1] === 'LocalAccounts';
}

/** The container whose children decide between that contradiction and a plain misplacement. */
export function holdsContradiction(component: string, path: readonly string[], pass: string): boolean {
  return component === SHELL && pass === 'specialize' && path.length === 1 && path[0] === 'UserAccounts';
}
