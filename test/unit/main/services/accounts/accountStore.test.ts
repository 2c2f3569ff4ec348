import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountSettings } from '../../../../../src/shared/model';
import { AccountStore } from '../../../../../src/main/services/accounts/accountStore';
import { assertSecurityAllowed } from '../../../../../src/main/services/accounts/settingsRules';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'postvak-accounts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const settings: AccountSettings = {
  email: 'alice@example.test',
  displayName: 'Alice',
  username: 'alice@example.test',
  imap: { host: 'imap.example.test', port: 993, security: 'tls' },
  smtp: { host: 'smtp.example.test', port: 587, security: 'starttls' },
};

describe('AccountStore', () => {
  it('adds, lists, updates and removes accounts, persisting them as 0600 JSON', async () => {
    const store = new AccountStore(dir);
    const added = await store.add(settings, true);
    expect(added.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const reopened = new AccountStore(dir);
    expect(await reopened.list()).toEqual([added]);
    expect((await stat(join(dir, 'accounts.json'))).mode & 0o777).toBe(0o600);
    const updated = await reopened.update(added.id, { ...settings, displayName: 'Alice B.' }, false);
    expect(updated).toMatchObject({ id: added.id, displayName: 'Alice B.', rememberPassword: false });
    await reopened.remove(added.id);
    expect(await new AccountStore(dir).list()).toEqual([]);
  });

  it('gives unrelated random ids', async () => {
    const store = new AccountStore(dir);
    const a = await store.add(settings, false);
    const b = await store.add({ ...settings, email: 'bob@example.test', username: 'bob@example.test' }, false);
    expect(a.id).not.toBe(b.id);
  });

  it('refuses the same account twice', async () => {
    const store = new AccountStore(dir);
    await store.add(settings, false);
    await expect(store.add({ ...settings, email: 'ALICE@example.test' }, false)).rejects.toMatchObject({ code: 'accountExists' });
  });

  it('reports unknown ids as accountNotFound', async () => {
    const store = new AccountStore(dir);
    await expect(store.get('nope')).rejects.toMatchObject({ code: 'accountNotFound' });
    await expect(store.update('nope', settings, false)).rejects.toMatchObject({ code: 'accountNotFound' });
    await expect(store.remove('nope')).rejects.toMatchObject({ code: 'accountNotFound' });
  });

  it('has no password field to store one in', async () => {
    const store = new AccountStore(dir);
    await store.add({ ...settings, password: 'hunter2' } as AccountSettings, true);
    expect(await readFile(join(dir, 'accounts.json'), 'utf8')).not.toContain('hunter2');
  });

  it('refuses a corrupt file instead of overwriting it', async () => {
    await writeFile(join(dir, 'accounts.json'), '{"version":1,"accounts":[{"id":1}]}');
    await expect(new AccountStore(dir).list()).rejects.toThrow(/valid accounts/);
    await writeFile(join(dir, 'accounts.json'), 'not json');
    await expect(new AccountStore(dir).add(settings, false)).rejects.toThrow(/not valid JSON/);
    expect(await readFile(join(dir, 'accounts.json'), 'utf8')).toBe('not json');
  });
});

describe('assertSecurityAllowed', () => {
  it('allows unencrypted connections to this computer only', () => {
    for (const host of ['127.0.0.1', 'localhost', 'LOCALHOST', '::1']) {
      expect(() => assertSecurityAllowed({ ...settings, imap: { host, port: 143, security: 'none' } })).not.toThrow();
    }
    expect(() => assertSecurityAllowed({ ...settings, imap: { host: 'mail.example.test', port: 143, security: 'none' } })).toThrow(
      expect.objectContaining({ code: 'invalidInput' }),
    );
    expect(() => assertSecurityAllowed({ ...settings, smtp: { host: '10.0.0.1', port: 25, security: 'none' } })).toThrow(/SMTP/);
  });
});
