// local-account: each LocalAccount has a valid, unique Name, known groups and a Password.
import { defineRule } from '../src/engine/rule.js';
import type { Fact } from '../src/engine/model.js';
import { named, scopeOf } from './_helpers/facts.js';
import { closest } from './_helpers/suggest.js';
import { forbiddenChars, isRestrictedName } from './_helpers/account-names.js';
import { anyBetween } from '../src/util/sorted.js';

const ACCOUNT = 'Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount';
const NAME = `${ACCOUNT}/Name` as const;
const GROUP = `${ACCOUNT}/Group` as const;
const PASSWORD = `${ACCOUNT}/Password` as const;

/** The local user name limit of the security accounts database (Setup's Name page allows 256, which creates no account). */
const MAX_NAME = 20;
/** value-length reports names over the page's own limit. */
const PAGE_MAX = 256;
/** Characters the Name page forbids, and the backslash, which separates domain and user. */
const FORBIDDEN = /["/\\[\]:;|=,+*?<>@%]/gu;

/** The language-neutral group names the LocalAccount Group page lists: Setup maps them to the image's language. */
const NEUTRAL_GROUPS = [
  'AccountOperators', 'Administrators', 'BackupOperators', 'CryptoOperators', 'DCOMUsers', 'Guests', 'IUsers',
  'NetworkConfigurationOperators', 'PerfLoggingUsers', 'PerfMonitoringUsers', 'PowerUsers', 'PrintOperators',
  'RemoteDesktopUsers', 'Replicator', 'SystemOperators', 'Users',
] as const;
/** English names of other built-in groups (right on English images; the page's own example writes "Power Users"). */
const ENGLISH_GROUPS = [
  'Access Control Assistance Operators', 'Account Operators', 'Backup Operators', 'Cryptographic Operators', 'Device Owners',
  'Distributed COM Users', 'Event Log Readers', 'Hyper-V Administrators', 'IIS_IUSRS', 'Network Configuration Operators',
  'OpenSSH Users', 'Performance Log Users', 'Performance Monitor Users', 'Power Users', 'Print Operators',
  'Remote Desktop Users', 'Remote Management Users', 'Server Operators', 'Storage Replica Administrators',
  'System Managed Accounts Group',
];
/** Localized names of Administrators and Users written in ASCII (non-ASCII names are taken as localized anyway). */
const LOCALIZED_GROUPS = [
  'Administrateurs', 'Utilisateurs', 'Administratoren', 'Benutzer', 'Administradores', 'Usuarios', 'Utilizadores',
  'Amministratori', 'Utenti', 'Administratorzy', 'Beheerders', 'Gebruikers', 'Administratorer', 'Brugere',
];
const squash = (g: string): string => g.replace(/\s+/g, '').toLowerCase();
const KNOWN_GROUPS: ReadonlySet<string> = new Set([...NEUTRAL_GROUPS, ...ENGLISH_GROUPS, ...LOCALIZED_GROUPS].map(squash));
const CANDIDATES: readonly string[] = NEUTRAL_GROUPS;

export default defineRule({
  meta: {
    id: 'local-account',
    summary: 'Each LocalAccount has a Name of at most 20 allowed characters, unique without regard to case, known group names and a Password',
    category: 'correctness',
    severity: 'warn',
    facts: [ACCOUNT, NAME, GROUP, PASSWORD],
    quietWithoutFacts: true,
    schema: {
      type: 'object',
      properties: { groups: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } },
      additionalProperties: false,
    },
    defaultOptions: { groups: [] as string[] },
    messages: {
      noName: () => '<LocalAccount> has no <Name>, so Setup has no account to create; add the Name of the account',
      tooLong: (d: { name: string; length: number }) =>
        `account name ${d.name} has ${d.length} characters: Windows user names are at most ${MAX_NAME}, and Setup cannot create this account; shorten the Name (DisplayName may be longer)`,
      forbidden: (d: { name: string; chars: string }) =>
        `account name ${d.name} contains ${d.chars}, which the LocalAccount Name page forbids (" / \\ [ ] : ; | = , + * ? < > @ %); Setup cannot create this account, so rename it`,
      dots: (d: { name: string }) =>
        `account name ${d.name} is only dots and spaces, which Windows does not accept as a user name; use a name with letters or digits`,
      restricted: (d: { name: string }) =>
        `account name ${d.name} is restricted: the LocalAccount Name page says not to use "NONE"; choose another name`,
      duplicate: (d: { name: string; line: number }) =>
        `account name ${d.name} is already given to another LocalAccount of this pass at line ${d.line} (user names are not case-sensitive), so Setup cannot create both; rename or remove one`,
      unknownGroup: (d: { group: string; suggestion?: string }) =>
        `group ${d.group} is not a built-in group name Setup knows${d.suggestion ? ` (did you mean "${d.suggestion}"?)` : ''}; if no such group exists on the image the account is not added to it: ` +
        `use a language-neutral name from the Group page (Administrators, Users, RemoteDesktopUsers, …), or list custom groups in this rule's "groups" option`,
      noPassword: () =>
        '<LocalAccount> has no <Password>, so the account is created without a password (a blank one); add a Password (blank-password reports an empty one)',
    },
  },
  create(ctx) {
    const extra = new Set(ctx.options.groups.map(squash));
    const quote = (f: Fact): string => ctx.quote(f.text!.trim(), f.valueRange!);
    return {
      onDocumentEnd(model) {
        const firstByName = new Map<string, Fact>();
        for (const account of model.all(ACCOUNT)) {
          const action = account.action?.trim().toLowerCase();
          if (action === 'remove') continue;
          const name = model.child(account, NAME);
          // An item that modifies an account creates none: what it leaves out stays as it was.
          if (action !== 'modify' && !model.child(account, PASSWORD)) ctx.report('noPassword', account.range, undefined);
          if (!name) {
            ctx.report('noName', account.range, undefined);
          } else if (named(name)) {
            const text = name.text!.trim();
            const length = [...text].length;
            const chars = forbiddenChars(text, FORBIDDEN);
            if (chars) ctx.report('forbidden', name.valueRange!, { name: quote(name), chars });
            else if (/^[.\s]+$/u.test(text)) ctx.report('dots', name.valueRange!, { name: quote(name) });
            else if (isRestrictedName(text)) ctx.report('restricted', name.valueRange!, { name: quote(name) });
            if (length > MAX_NAME && length <= PAGE_MAX) ctx.report('tooLong', name.valueRange!, { name: quote(name), length });
            const key = `${scopeOf(name)}\0${text.toLowerCase()}`;
            const first = firstByName.get(key);
            if (!first) firstByName.set(key, name);
            // The same spelling in one list is list-key-unique's; a template conditional between them makes alternatives.
            else if (!(first.text!.trim() === text && first.component === name.component) && !anyBetween(ctx.conditionals(), first.range.start, name.range.start)) {
              ctx.report('duplicate', name.valueRange!, { name: quote(name), line: ctx.lineOf(first.range.start) }, {
                related: [{ message: 'the other account of that name', range: first.valueRange! }],
              });
            }
          }
          for (const group of model.within(account, GROUP)) groups(group);
        }
      },
    };
    function groups(group: Fact): void {
      if (!named(group)) return;
      let offset = 0;
      for (const part of group.text!.split(';')) {
        const start = offset;
        offset += part.length + 1;
        const g = part.trim();
        // Non-ASCII names are localized group names, right on images of that language.
        if (!g || /[^\x20-\x7e]/.test(g) || KNOWN_GROUPS.has(squash(g)) || extra.has(squash(g))) continue;
        // Offsets into the value hold when the text was written without entities.
        const exact = group.text!.length === group.valueRange!.end - group.valueRange!.start;
        const at = group.valueRange!.start + start + part.indexOf(g);
        const range = exact ? { start: at, end: at + g.length } : group.valueRange!;
        const suggestion = closest(g, CANDIDATES);
        ctx.report('unknownGroup', range, { group: ctx.quote(g, range), ...(suggestion ? { suggestion } : {}) });
      }
    }
  },
});
