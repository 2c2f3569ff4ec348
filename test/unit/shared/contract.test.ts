import { describe, expect, it } from 'vitest';
import { eventNames, methodNames } from '../../../src/shared/api';

/**
 * The contract's surface, written out: adding or renaming a method or event must change this
 * file, so every new entry is a visible, reviewed change (HOUSE_STYLE.md "The contract").
 */
describe('contract surface', () => {
  it('has exactly these methods', () => {
    expect([...methodNames].sort()).toEqual(
      [
        'accounts.add',
        'accounts.guess',
        'accounts.list',
        'accounts.remove',
        'accounts.test',
        'accounts.update',
        'app.info',
        'app.openExternal',
        'app.openWindow',
        'app.setBadge',
        'mailboxes.addManual',
        'mailboxes.removeManual',
        'mailboxes.setHidden',
        'mailboxes.setOffline',
        'mailboxes.setRoute',
        'files.save',
        'identities.list',
        'identities.update',
        'identities.import',
        'drafts.save',
        'drafts.open',
        'drafts.local',
        'drafts.discard',
        'outbox.list',
        'outbox.retry',
        'outbox.cancel',
        'message.answers',
        'calendar.ensure',
        'calendar.save',
        'calendar.delete',
        'calendar.import',
        'calendar.export',
        'deletions.list',
        'message.body',
        'message.remoteImages',
        'message.saveAttachment',
        'search.cancel',
        'search.offlineTexts',
        'search.server',
        'sync.ack',
        'sync.focus',
        'sync.start',
        'sync.stop',
        'tasks.queue',
      ].sort(),
    );
  });

  it('has exactly these events', () => {
    expect([...eventNames].sort()).toEqual([
      'accounts.changed',
      'identities.changed',
      'outbox.changed',
      'search.results',
      'sync.batch',
      'sync.status',
    ]);
  });

  it('names methods domain.verb and events domain.event', () => {
    for (const name of [...methodNames, ...eventNames]) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });
});
