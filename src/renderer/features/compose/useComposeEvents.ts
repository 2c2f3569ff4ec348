/**
 * Keeps the store's identities and outbox as main reports them (`identities.changed`,
 * `outbox.changed`), reloading both after the browser host's connection comes back, and says
 * what the outbox has to say (outboxNotices).
 */
import { useEffect } from 'react';
import type { OutboxItem } from '../../../shared/model/compose';
import { api, platform } from '../../api';
import { currentI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { outboxNotices } from '../outbox/outboxNotices';

function applyOutbox(items: OutboxItem[], told: Set<string>): void {
  const store = useStore.getState();
  store.setOutbox(items);
  for (const notice of outboxNotices(items, told, currentI18n().t)) store.pushToast(notice.tone, notice.text);
}

export function useComposeEvents(): void {
  useEffect(() => {
    const told = new Set<string>();
    let cancelled = false;
    const load = () => {
      void api.call('identities.list', {}).then((result) => {
        if (!cancelled && result.ok) useStore.getState().setIdentities(result.value);
      });
      void api.call('outbox.list', {}).then((result) => {
        if (!cancelled && result.ok) applyOutbox(result.value, told);
      });
    };
    load();
    const offs = [
      api.on('identities.changed', ({ identities }) => useStore.getState().setIdentities(identities)),
      api.on('outbox.changed', ({ items }) => applyOutbox(items, told)),
      platform.onReconnect(load),
    ];
    return () => {
      cancelled = true;
      for (const off of offs) off();
    };
  }, []);
}
