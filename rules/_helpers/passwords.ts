// The answer file's password settings, read together: where each is, whether it is stored in clear text or in the
// "hidden" form Windows SIM writes, and (for comparisons only, never for messages) what the password is.
//
// The hidden form (PlainText false) is base64 of the UTF-16LE bytes of the password followed by a suffix: "Password"
// for AutoLogon and LocalAccount passwords, "AdministratorPassword" for the administrator's
// (microsoft-windows-shell-setup-useraccounts-administratorpassword-plaintext, …-localaccount-password-plaintext,
// …-autologon-password-plaintext and hide-sensitive-data-in-an-answer-file, whose examples decode so).
import type { AnswerModel, Fact } from '../../src/engine/model.js';
import type { SettingKey } from '../../src/kb/setting-keys.js';
import { decodeHidden, type Decoded } from '../../src/engine/hidden-password.js';
import { ownWords } from '../../src/engine/rule.js';

export { decodeHidden, type Decoded };

export interface PasswordKind {
  /** The container (<Password>, <AdministratorPassword>, …). */
  container: SettingKey;
  value: SettingKey;
  plainText: SettingKey;
  /** The suffix the hidden form ends with. */
  suffix: 'Password' | 'AdministratorPassword';
  /** "the AutoLogon password", for messages. */
  label: string;
  /** Reference page of the container. */
  page: string;
}

const SHELL = 'Microsoft-Windows-Shell-Setup';

function kind(path: string, suffix: PasswordKind['suffix'], label: string, page: string): PasswordKind {
  return {
    container: `${SHELL}/${path}` as SettingKey,
    value: `${SHELL}/${path}/Value` as SettingKey,
    plainText: `${SHELL}/${path}/PlainText` as SettingKey,
    suffix,
    label: ownWords(label),
    page,
  };
}

export const AUTOLOGON_PASSWORD = kind('AutoLogon/Password', 'Password', 'the AutoLogon password', 'microsoft-windows-shell-setup-autologon-password');
export const ADMINISTRATOR_PASSWORD = kind('UserAccounts/AdministratorPassword', 'AdministratorPassword', 'the administrator password', 'microsoft-windows-shell-setup-useraccounts-administratorpassword');
export const LOCAL_ACCOUNT_PASSWORD = kind('UserAccounts/LocalAccounts/LocalAccount/Password', 'Password', 'the local account password', 'microsoft-windows-shell-setup-useraccounts-localaccounts-localaccount-password');
// The offline pages show the administrator example's value ("…AdministratorPassword"), which also ends in the suffix
// "OfflineAdministratorPassword" would give: either is accepted, since both end with "AdministratorPassword".
export const OFFLINE_ADMINISTRATOR_PASSWORD = kind('OfflineUserAccounts/OfflineAdministratorPassword', 'AdministratorPassword', 'the offline administrator password', 'microsoft-windows-shell-setup-offlineuseraccounts-offlineadministratorpassword');
export const OFFLINE_LOCAL_ACCOUNT_PASSWORD = kind('OfflineUserAccounts/OfflineLocalAccounts/LocalAccount/Password', 'Password', 'the offline local account password', 'microsoft-windows-shell-setup-offlineuseraccounts-offlinelocalaccounts-localaccount-password');

/** Every password setting with a PlainText option (the ones Windows SIM can hide). */
export const PASSWORD_KINDS: readonly PasswordKind[] = [
  AUTOLOGON_PASSWORD,
  ADMINISTRATOR_PASSWORD,
  LOCAL_ACCOUNT_PASSWORD,
  OFFLINE_ADMINISTRATOR_PASSWORD,
  OFFLINE_LOCAL_ACCOUNT_PASSWORD,
];

/** The facts reading PASSWORD_KINDS needs. */
export const PASSWORD_FACTS: readonly SettingKey[] = PASSWORD_KINDS.flatMap((k) => [k.container, k.value, k.plainText]);

/** One password element as written. */
export interface StoredPassword {
  kind: PasswordKind;
  container: Fact;
  value: Fact | undefined;
  plainText: Fact | undefined;
  /**
   * 'plain' (PlainText true or absent: the default is true), 'hidden' (PlainText false), or 'unknown' (PlainText is
   * not a boolean or a template token: value-type's and template-placeholder's findings).
   */
  form: 'plain' | 'hidden' | 'unknown';
  /** The hidden form's decoding, once hiddenOf has made it. */
  decoded?: Decoded;
}

/** The file's password elements of `kinds`, by kind in that order, then in document order (read once per file). */
export function storedPasswords(model: AnswerModel, kinds: readonly PasswordKind[] = PASSWORD_KINDS): StoredPassword[] {
  const every = model.memo('storedPasswords', () => {
    const out: StoredPassword[] = [];
    for (const kind of PASSWORD_KINDS) {
      for (const container of model.all(kind.container)) {
        const value = model.child(container, kind.value);
        const plainText = model.child(container, kind.plainText);
        const form = !plainText ? 'plain' : plainText.value === true ? 'plain' : plainText.value === false ? 'hidden' : 'unknown';
        out.push({ kind, container, value, plainText, form });
      }
    }
    return out;
  });
  return kinds === PASSWORD_KINDS ? every : kinds.flatMap((k) => every.filter((p) => p.kind === k));
}

/** decodeHidden of a hidden password's value, worked out once however many rules ask. */
export function hiddenOf(p: StoredPassword): Decoded {
  return (p.decoded ??= decodeHidden(p.value?.text ?? ''));
}


/**
 * The password itself, to compare with another, or undefined when it cannot be known (no value, a template token,
 * an undecodable hidden form). Never put it in a message.
 */
export function passwordOf(p: StoredPassword): string | undefined {
  const v = p.value;
  if (!v || v.placeholder) return undefined;
  // An empty element has no text: an empty password.
  const text = v.text ?? '';
  if (p.form === 'plain') return text;
  if (p.form !== 'hidden') return undefined;
  const d = hiddenOf(p);
  if (!d.ok || !d.text.endsWith(p.kind.suffix)) return undefined;
  return d.text.slice(0, d.text.length - p.kind.suffix.length);
}

/** The password is blank: an empty value, or a hidden form that holds only its suffix. False when unknown. */
export function isBlankPassword(p: StoredPassword): boolean {
  const v = p.value;
  if (!v || v.placeholder) return false;
  if (p.form === 'plain') return (v.text ?? '') === '';
  if (p.form !== 'hidden') return false;
  return (v.text ?? '').trim() === '' || passwordOf(p) === '';
}

