// autologon: AutoLogon enabled with what it needs (Username, a password, LogonCount; AdministratorPassword in auditSystem),
// and with the password of the account it logs on to.
import { defineRule, ownWords } from '../src/engine/rule.js';
import type { AnswerModel, Fact } from '../src/engine/model.js';
import { named, sameArchitecture } from './_helpers/facts.js';
import { forbiddenChars, isRestrictedName } from './_helpers/account-names.js';
import {
  ADMINISTRATOR_PASSWORD,
  AUTOLOGON_PASSWORD,
  LOCAL_ACCOUNT_PASSWORD,
  PASSWORD_FACTS,
  passwordOf,
  storedPasswords,
  type StoredPassword,
} from './_helpers/passwords.js';

const SHELL = 'Microsoft-Windows-Shell-Setup';
const AUTOLOGON = `${SHELL}/AutoLogon` as const;
const ENABLED = `${AUTOLOGON}/Enabled` as const;
const USERNAME = `${AUTOLOGON}/Username` as const;
const DOMAIN = `${AUTOLOGON}/Domain` as const;
const LOGON_COUNT = `${AUTOLOGON}/LogonCount` as const;
const ACCOUNT = `${SHELL}/UserAccounts/LocalAccounts/LocalAccount` as const;
const ACCOUNT_NAME = `${ACCOUNT}/Name` as const;
const COMPUTER_NAME = `${SHELL}/ComputerName` as const;
/** The characters the Username page says not to use. */
const USERNAME_FORBIDDEN = /["/[\]:|<>+=;,?*%@]/gu;

/** A Domain that still means the local computer. */
function localDomain(model: AnswerModel, domain: Fact | undefined): boolean {
  if (!named(domain)) return true;
  const d = domain.text!.trim().toLowerCase();
  if (d === '.' || d === 'localhost') return true;
  return model.all(COMPUTER_NAME).some((c) => named(c) && c.text!.trim().toLowerCase() === d);
}

export default defineRule({
  meta: {
    id: 'autologon',
    summary: 'AutoLogon with Enabled true has a Username, a password and a LogonCount, AdministratorPassword beside it in auditSystem, and the password of the account it logs on to',
    category: 'correctness',
    severity: 'warn',
    facts: [AUTOLOGON, ENABLED, USERNAME, DOMAIN, LOGON_COUNT, ACCOUNT, ACCOUNT_NAME, COMPUTER_NAME, ...PASSWORD_FACTS],
    quietWithoutFacts: true,
    messages: {
      noUsername: () =>
        '<AutoLogon> is enabled but has no <Username>, so Windows has no account to log on to; add the Username of the account to log on as',
      usernameChars: (d: { user: string; chars: string }) =>
        `<AutoLogon> <Username> ${d.user} contains ${d.chars}, which its reference page says not to use (" / [ ] : | < > + = ; , ? * % @); write the account's name alone, and its domain in <Domain>`,
      usernameNone: (d: { user: string }) =>
        `<AutoLogon> <Username> ${d.user} is restricted: its reference page says not to use "NONE"; name the account to log on as`,
      noPassword: (d: { user: string }) =>
        `<AutoLogon> logs on as ${d.user} but has no <Password>, and that account is not one this file creates; unless its password is blank the automatic logon fails at the logon screen: add <Password> with the account's password`,
      noLogonCount: () =>
        '<AutoLogon> is enabled without <LogonCount>, which its reference page says must be specified when AutoLogon is used; add LogonCount with the number of automatic logons (Windows adds one to a value above 0)',
      zeroLogonCount: () =>
        '<LogonCount> is 0, with which Windows performs no automatic logon (its reference page), though <AutoLogon> is enabled; set LogonCount to the number of automatic logons minus one (Windows adds one to a value above 0), or disable AutoLogon',
      auditPair: () =>
        '<AutoLogon> in auditSystem needs <UserAccounts>/<AdministratorPassword> in auditSystem as well for the automatic logon to audit mode to work (its reference page says both are needed); add AdministratorPassword to this pass',
      blankForAccount: (d: { user: string; what: string; line: number }) =>
        `<AutoLogon> has no <Password>, so it logs on as ${d.user} with a blank password, but ${d.what} at line ${d.line} gives that account a password, so the automatic logon fails at the logon screen; add <Password> with the account's password`,
      mismatch: (d: { user: string; what: string; line: number }) =>
        `the AutoLogon password differs from ${d.what} at line ${d.line}, the password of ${d.user}, the account it logs on as, so the automatic logon fails at the logon screen; make them the same (hidden values are compared decoded; neither is shown)`,
    },
  },
  create(ctx) {
    const quote = (f: Fact): string => ctx.quote(f.text!.trim(), f.valueRange!);
    return {
      onDocumentEnd(model) {
        const passwords = storedPasswords(model, [AUTOLOGON_PASSWORD, ADMINISTRATOR_PASSWORD, LOCAL_ACCOUNT_PASSWORD]);
        for (const autologon of model.all(AUTOLOGON)) {
          const enabled = model.child(autologon, ENABLED);
          if (enabled?.value !== true) continue;
          const username = model.child(autologon, USERNAME);
          const own = passwords.find((p) => p.kind === AUTOLOGON_PASSWORD && p.container.component === autologon.component && p.container.range.start > autologon.range.start && p.container.range.start < autologon.elementRange.end);
          const logonCount = model.child(autologon, LOGON_COUNT);
          if (!logonCount) ctx.report('noLogonCount', autologon.range, undefined);
          else if (named(logonCount) && /^0+$/.test(logonCount.text!.trim())) ctx.report('zeroLogonCount', logonCount.valueRange!, undefined);
          if (autologon.pass === 'auditSystem' && !model.all(ADMINISTRATOR_PASSWORD.container).some((a) => a.pass === 'auditSystem' && sameArchitecture(a, autologon))) {
            ctx.report('auditPair', autologon.range, undefined);
          }
          if (!username) {
            ctx.report('noUsername', enabled.range, undefined);
            continue;
          }
          // Empty or templated Usernames are empty-value's and template-placeholder's.
          if (!named(username)) continue;
          const user = username.text!.trim();
          const chars = forbiddenChars(user, USERNAME_FORBIDDEN);
          if (chars) ctx.report('usernameChars', username.valueRange!, { user: quote(username), chars });
          else if (isRestrictedName(user)) ctx.report('usernameNone', username.valueRange!, { user: quote(username) });
          // Not an account name Windows logs on as: nothing to compare its password with.
          if (chars || isRestrictedName(user)) continue;
          const domain = model.child(autologon, DOMAIN);
          const local = localDomain(model, domain);
          const targets = local ? accountPasswords(model, passwords, user, autologon) : [];
          if (!own?.value) {
            // The built-in Administrator (enabled by AutoLogon even without AdministratorPassword) and accounts this
            // file creates without a password have a blank one, which AutoLogon without a Password logs on with.
            if (!local || !(user.toLowerCase() === 'administrator' || createsAccount(model, user))) ctx.report('noPassword', username.valueRange!, { user: quote(username) });
            // Unless the file gives the account a password (every definition of it, none blank): then the blank one fails.
            else if (targets.length > 0 && targets.every((t) => !!passwordOf(t))) {
              const first = targets[0]!;
              ctx.report('blankForAccount', username.valueRange!, { user: quote(username), what: passwordName(first), line: ctx.lineOf(first.container.range.start) }, {
                related: [{ message: "the account's password", range: first.container.range }],
              });
            }
            continue;
          }
          const mine = passwordOf(own);
          if (mine === undefined || targets.length === 0) continue;
          const known = targets.flatMap((t) => {
            const pw = passwordOf(t);
            return pw === undefined ? [] : [{ t, pw }];
          });
          // Any one of the account's definitions agreeing is enough (the passes may set it more than once).
          if (known.length !== targets.length || known.some((k) => k.pw === mine)) continue;
          const first = known[0]!.t;
          ctx.report('mismatch', own.value.range, { user: quote(username), what: passwordName(first), line: ctx.lineOf(first.container.range.start) }, {
            related: [{ message: "the account's password", range: first.container.range }],
          });
        }
      },
    };
  },
});

/** How a message names the setting that holds an account's password. */
const passwordName = (p: StoredPassword): string => ownWords(p.kind === ADMINISTRATOR_PASSWORD ? '<AdministratorPassword>' : 'the <LocalAccount> <Password>');

/** The file creates a LocalAccount of that name (account names are not case-sensitive). */
function createsAccount(model: AnswerModel, user: string): boolean {
  return model.all(ACCOUNT_NAME).some((n) => named(n) && n.text!.trim().toLowerCase() === user.toLowerCase());
}

/**
 * The passwords the file sets for the account AutoLogon names: AdministratorPassword for "Administrator" (only the
 * English name enables the built-in account, microsoft-windows-shell-setup-autologon-username), the LocalAccount of
 * that name (account names are not case-sensitive). Those of the same pass when there are any, else those of any pass.
 */
function accountPasswords(model: AnswerModel, passwords: readonly StoredPassword[], user: string, autologon: Fact): StoredPassword[] {
  const lower = user.toLowerCase();
  const matching = passwords.filter((p) => {
    if (!sameArchitecture(p.container, autologon)) return false;
    if (p.kind === ADMINISTRATOR_PASSWORD) return lower === 'administrator';
    if (p.kind !== LOCAL_ACCOUNT_PASSWORD) return false;
    const item = p.container.item;
    const name = model.all(ACCOUNT_NAME).find((n) => n.item?.id === item?.id && item !== undefined);
    return named(name) && name.text!.trim().toLowerCase() === lower;
  });
  const samePass = matching.filter((p) => p.container.pass === autologon.pass);
  return samePass.length > 0 ? samePass : matching;
}
