/**
 * An account's password together with the login it was given for (issue #10 §6): stored as
 * `{password, binding}` under `account:<id>:login`, where the binding is the user name and the
 * IMAP and SMTP host, port and security (src/shared/loginBinding.ts). `password(account)` hands
 * it out only for exactly those servers — checked where it is used (every IMAP login and SMTP
 * submission asks here with the settings it connects to), not only when settings change — so a
 * password is never sent to a server it was not typed for.
 */
import { loginBinding, sameLogin, type LoginBinding } from '../../../shared/loginBinding';
import type { AccountSettings } from '../../../shared/model';
import type { SecretStore } from '../types';

type Login = Pick<AccountSettings, 'username' | 'imap' | 'smtp'> & { id: string };

/** Before issue #10 the bare password lived here; read once to bind it, then removed. */
export function legacyPasswordKey(id: string): string {
  return `account:${id}:password`;
}

export function loginKey(id: string): string {
  return `account:${id}:login`;
}

/** Every key an account may have in the SecretStore (all removed with the account). */
export function secretKeys(id: string): string[] {
  return [loginKey(id), legacyPasswordKey(id)];
}

interface Stored {
  v: 1;
  password: string;
  binding: LoginBinding;
}

function parse(raw: string | null): Stored | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<Stored>;
    if (value?.v !== 1 || typeof value.password !== 'string' || typeof value.binding !== 'object' || value.binding === null) return null;
    return value as Stored;
  } catch {
    return null;
  }
}

export class AccountSecrets {
  constructor(private readonly store: SecretStore) {}

  /** The password for `account`'s servers as configured now; null when none is held for exactly those. */
  async password(account: Login & { rememberPassword: boolean }): Promise<string | null> {
    const stored = parse(await this.store.get(loginKey(account.id)));
    if (stored) return sameLogin(stored.binding, account) ? stored.password : null;
    // A password saved before bindings existed was last used with these settings: bind it to them.
    const legacy = await this.store.get(legacyPasswordKey(account.id));
    if (legacy === null) return null;
    await this.set(account, legacy, account.rememberPassword);
    await this.store.delete(legacyPasswordKey(account.id));
    return legacy;
  }

  async set(account: Login, password: string, persist: boolean): Promise<void> {
    const value: Stored = { v: 1, password, binding: loginBinding(account) };
    await this.store.set(loginKey(account.id), JSON.stringify(value), persist);
  }

  /**
   * After the settings changed without a new password: the password stays only when the login
   * is the same (re-stored when "remember" changed, so it moves in or out of the file);
   * otherwise it is deleted and the person is asked again.
   */
  async carryOver(before: Login & { rememberPassword: boolean }, after: Login & { rememberPassword: boolean }): Promise<void> {
    const password = await this.password(before);
    if (password === null || !sameLogin(before, after)) {
      await this.remove(after.id);
      return;
    }
    if (before.rememberPassword !== after.rememberPassword) await this.set(after, password, after.rememberPassword);
  }

  async remove(accountId: string): Promise<void> {
    for (const key of secretKeys(accountId)) await this.store.delete(key);
  }
}
