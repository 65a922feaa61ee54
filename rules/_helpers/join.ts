// The join rules' shared reading of UnattendedJoin: one Identification per component block, and domain names compared by labels.
import type { AnswerModel, Fact, FactComponent } from '../../src/engine/model.js';
import type { SettingKey } from '../../src/kb/setting-keys.js';

const ID = 'Microsoft-Windows-UnattendedJoin/Identification';

/** The Identification settings the join rules read, by a short name. */
export const JOIN_KEYS = {
  joinDomain: `${ID}/JoinDomain`,
  credentials: `${ID}/Credentials`,
  domain: `${ID}/Credentials/Domain`,
  username: `${ID}/Credentials/Username`,
  password: `${ID}/Credentials/Password`,
  unsecureJoin: `${ID}/UnsecureJoin`,
  machinePassword: `${ID}/MachinePassword`,
  machineObjectOU: `${ID}/MachineObjectOU`,
  accountData: `${ID}/Provisioning/AccountData`,
} as const satisfies Record<string, SettingKey>;

export type JoinPart = keyof typeof JOIN_KEYS;

/** One Identification: the first fact of each setting in one component block (repeats are duplicate-setting's). */
export type Identification = { component: FactComponent } & Partial<Record<JoinPart, Fact>>;

/** The settings of `parts` as meta.facts. */
export const joinFacts = (...parts: JoinPart[]): SettingKey[] => parts.map((p) => JOIN_KEYS[p]);

/**
 * The Identifications of a file, in document order. Each component block is its own: a file with an amd64 and an
 * arm64 block has two, of which Setup applies the one for its architecture.
 */
export function identifications(model: AnswerModel, parts: readonly JoinPart[]): Identification[] {
  const byComponent = new Map<FactComponent, Identification>();
  for (const part of parts) {
    for (const fact of model.all(JOIN_KEYS[part])) {
      let id = byComponent.get(fact.component);
      if (!id) byComponent.set(fact.component, (id = { component: fact.component }));
      id[part] ??= fact;
    }
  }
  return [...byComponent.values()].sort((a, b) => a.component.range.start - b.component.range.start);
}

/**
 * Whether Setup leaves this Identification's Credentials unused: a provisioned join (Provisioning AccountData) or
 * an unsecure one (UnsecureJoin true). join-credentials-ignored reports the Credentials; what they say is moot.
 */
export const credentialsUnused = (id: Identification): boolean => given(id.accountData) || id.unsecureJoin?.value === true;

/** A value that names something: not empty and not a template token (those are other rules' findings). */
export { named } from './facts.js';

/** A value that is or will be there: a name or a template token, not an empty element. */
export const given = (f: Fact | undefined): f is Fact => !!f && !!f.text?.trim();

/**
 * A domain name as Windows compares it: trimmed, without a root dot, lower case. JoinDomain may also name the
 * domain controller to use as "domain\dc" (NetJoinDomain's lpDomain): only the domain counts.
 */
export function domainName(text: string): string {
  return text.trim().split('\\')[0]!.replace(/\.$/, '').toLowerCase();
}

/** A DNS name (has a dot); a NetBIOS domain name has none and cannot be compared with DNS labels. */
export const isFqdn = (name: string): boolean => name.includes('.') && !name.startsWith('.');

/** True when one DNS name is the other or a parent or child of it: corp.contoso.com and contoso.com are related. */
export function relatedDomains(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short === long || long.endsWith(`.${short}`);
}

/** A case-insensitive whole-string matcher for a glob-like pattern: * any run of characters, ? one character. */
export function globMatcher(pattern: string): (text: string) => boolean {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  const re = new RegExp(`^${source}$`, 'is');
  return (text) => re.test(text);
}
