import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId, Mailbox } from '../../../../../src/shared/model';
import type { Identity } from '../../../../../src/shared/model/compose';
import { AppError } from '../../../../../src/shared/errors';
import { AccountStore } from '../../../../../src/main/services/accounts/accountStore';
import { IdentityService } from '../../../../../src/main/services/identities/IdentityService';

const settings = {
  email: 'carol@example.test',
  displayName: 'Carol',
  username: 'carol@example.test',
  imap: { host: 'imap.example.test', port: 993, security: 'tls' as const },
  smtp: { host: 'smtp.example.test', port: 587, security: 'starttls' as const },
};

let dir: string;
let accounts: AccountStore;
let broadcasts: Identity[][];
let discoveries: number;
let service: IdentityService;
let accountId: string;

const info = (id: string): Mailbox => ({
  id: `${id}:shared:info@example.test`, accountId: id as AccountId, kind: 'shared', source: 'discovered', address: 'info@example.test',
  displayName: 'Info', prefix: 'shared/info@example.test/', rights: 'lr', hidden: false, quota: null, offlineDays: 0,
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'postvak-identities-'));
  accounts = new AccountStore(dir);
  accountId = (await accounts.add(settings, false)).id;
  broadcasts = [];
  discoveries = 0;
  service = new IdentityService({
    accounts,
    discover: async (id) => {
      discoveries += 1;
      return { mailboxes: [info(id)], folders: [] };
    },
    broadcast: (list) => broadcasts.push(list),
    log: () => undefined,
    maxAgeMs: 60_000,
  });
});

afterEach(() => rm(dir, { recursive: true, force: true }));

describe('IdentityService', () => {
  it('discovers once, then answers from what it knows; read-only mailboxes default to none', async () => {
    const list = await service.forAccount(accountId);
    expect(list.map((i) => [i.address, i.sendMode])).toEqual([['carol@example.test', 'sendAs'], ['info@example.test', 'none']]);
    await service.all();
    expect(discoveries).toBe(1);
    expect(broadcasts).toHaveLength(1);
  });

  it('stores an update with the account and tells every client', async () => {
    await service.forAccount(accountId);
    const list = await service.update(accountId, [{ address: 'info@example.test', sendMode: 'sendAs' }]);
    expect(list.find((i) => i.address === 'info@example.test')).toMatchObject({ sendMode: 'sendAs', source: 'config' });
    expect((await accounts.get(accountId)).identities).toEqual([{ address: 'info@example.test', sendMode: 'sendAs' }]);
    expect(broadcasts.at(-1)?.find((i) => i.address === 'info@example.test')?.sendMode).toBe('sendAs');
  });

  it('imports a file by merging it into the configuration', async () => {
    await service.update(accountId, [{ address: 'info@example.test', sendMode: 'onBehalf', displayName: 'Ontvangst' }]);
    const list = await service.import(accountId, JSON.stringify({ identities: [{ address: 'INFO@example.test', sentCopies: 'both' }, { address: 'hallo@example.test' }] }));
    expect(list.find((i) => i.address === 'info@example.test')).toMatchObject({ sendMode: 'onBehalf', displayName: 'Ontvangst', sentCopies: 'both' });
    expect(list.find((i) => i.address === 'hallo@example.test')).toMatchObject({ kind: 'alias', sendMode: 'sendAs' });
  });

  it('refuses a file that is not JSON or not an identity configuration, with a clear code', async () => {
    for (const json of ['{not json', '{"identities":[{"address":"nope"}]}', '{"people":[]}']) {
      const error = await service.import(accountId, json).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalidIdentityFile');
    }
    expect((await accounts.get(accountId)).identities).toBeUndefined();
  });

  it('keeps the configuration across an account settings update', async () => {
    await service.update(accountId, [{ address: 'info@example.test', sendMode: 'sendAs' }]);
    // A later settings update keeps the identity configuration.
    await accounts.update(accountId, { ...settings, displayName: 'Carol B' }, false);
    expect((await accounts.get(accountId)).identities).toEqual([{ address: 'info@example.test', sendMode: 'sendAs' }]);
  });

  it('tells every client when an account is removed or renamed: its From addresses go at once (issue #10 §7)', async () => {
    const other = (await accounts.add({ ...settings, email: 'dave@example.test', username: 'dave@example.test' }, false)).id;
    await service.all();
    expect(broadcasts.at(-1)?.map((i) => i.address)).toEqual(['carol@example.test', 'info@example.test', 'dave@example.test', 'info@example.test']);
    await accounts.update(accountId, { ...settings, displayName: 'Carol B' }, false);
    await service.accountsChanged();
    expect(broadcasts.at(-1)?.find((i) => i.accountId === accountId && i.kind === 'own')?.displayName).toBe('Carol B');
    await accounts.remove(accountId);
    service.forget(accountId);
    await service.accountsChanged();
    expect(broadcasts.at(-1)?.map((i) => i.accountId)).toEqual([other, other]);
  });
});
