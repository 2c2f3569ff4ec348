/**
 * Issue #10 §6: a password is bound to the login it was given for (user name; IMAP and SMTP
 * host, port, security) and handed out for exactly that login only.
 */
import { describe, expect, it } from 'vitest';
import { sameLogin } from '../../../../../src/shared/loginBinding';
import { AccountSecrets, legacyPasswordKey, loginKey } from '../../../../../src/main/services/accounts/accountSecrets';
import { MemorySecretStore } from '../../../../../src/main/services/secrets';

const account = {
  id: 'acc-1',
  username: 'alice@example.test',
  imap: { host: 'imap.example.test', port: 993, security: 'tls' as const },
  smtp: { host: 'smtp.example.test', port: 587, security: 'starttls' as const },
  rememberPassword: true,
};

const changes: [string, typeof account][] = [
  ['IMAP host', { ...account, imap: { ...account.imap, host: 'imap.evil.test' } }],
  ['IMAP port', { ...account, imap: { ...account.imap, port: 143 } }],
  ['IMAP security', { ...account, imap: { ...account.imap, security: 'starttls' as never } }],
  ['SMTP host', { ...account, smtp: { ...account.smtp, host: '127.0.0.2' } }],
  ['SMTP port', { ...account, smtp: { ...account.smtp, port: 465 } }],
  ['SMTP security', { ...account, smtp: { ...account.smtp, security: 'tls' as never } }],
  ['user name', { ...account, username: 'bob@example.test' }],
];

describe('sameLogin', () => {
  it('ignores the case of host names and a trailing root dot, nothing else', () => {
    expect(sameLogin(account, { ...account, imap: { ...account.imap, host: ' IMAP.Example.TEST. ' } })).toBe(true);
    for (const [, changed] of changes) expect(sameLogin(account, changed)).toBe(false);
  });
});

describe('AccountSecrets', () => {
  it('hands the password out for the login it was stored for', async () => {
    const secrets = new AccountSecrets(new MemorySecretStore());
    await secrets.set(account, 'alice-secret', true);
    expect(await secrets.password(account)).toBe('alice-secret');
    expect(await secrets.password({ ...account, rememberPassword: false })).toBe('alice-secret');
  });

  it.each(changes)('never hands it out for another %s, even when asked directly', async (_what, changed) => {
    const secrets = new AccountSecrets(new MemorySecretStore());
    await secrets.set(account, 'alice-secret', true);
    expect(await secrets.password(changed)).toBeNull();
  });

  it.each(changes)('drops it when the %s changes without a new password', async (_what, changed) => {
    const store = new MemorySecretStore();
    const secrets = new AccountSecrets(store);
    await secrets.set(account, 'alice-secret', true);
    await secrets.carryOver(account, changed);
    expect(await store.get(loginKey(account.id))).toBeNull();
    // Changing back does not bring it back: it is gone, not hidden.
    expect(await secrets.password(account)).toBeNull();
  });

  it('keeps it when only other settings change, and moves it when "remember" changes', async () => {
    const calls: boolean[] = [];
    const store = new MemorySecretStore();
    const spy = Object.assign(Object.create(store) as MemorySecretStore, {
      set: (key: string, value: string, persist: boolean) => (calls.push(persist), store.set(key, value, persist)),
    });
    const secrets = new AccountSecrets(spy);
    await secrets.set(account, 'alice-secret', true);
    await secrets.carryOver(account, { ...account, imap: { ...account.imap, host: 'IMAP.example.test' } });
    await secrets.carryOver(account, { ...account, rememberPassword: false });
    expect(await secrets.password(account)).toBe('alice-secret');
    expect(calls).toEqual([true, false]);
  });

  it('binds a password saved before bindings existed to the settings it was used with', async () => {
    const store = new MemorySecretStore();
    await store.set(legacyPasswordKey(account.id), 'old-secret', true);
    const secrets = new AccountSecrets(store);
    expect(await secrets.password(account)).toBe('old-secret');
    expect(await store.get(legacyPasswordKey(account.id))).toBeNull();
    expect(await secrets.password(changes[0]![1])).toBeNull();
  });

  it('removes every key of the account', async () => {
    const store = new MemorySecretStore();
    const secrets = new AccountSecrets(store);
    await secrets.set(account, 'alice-secret', true);
    await store.set(legacyPasswordKey(account.id), 'old-secret', true);
    await secrets.remove(account.id);
    expect(await store.get(loginKey(account.id))).toBeNull();
    expect(await store.get(legacyPasswordKey(account.id))).toBeNull();
  });
});
