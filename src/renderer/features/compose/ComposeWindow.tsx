/**
 * A composer in a window of its own (`#compose/<id>`): Electron opens it with app.openWindow,
 * the browser host in a new tab. It loads the draft main holds for that id (saved just before
 * the window opened) and shows nothing but the composer; closing or sending closes the window.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { Spinner } from '../../components/Spinner';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { Toasts } from '../shell/Toasts';
import { Composer } from './Composer';
import { reopen } from './openComposer';
import { useComposeEvents } from './useComposeEvents';

export function ComposeWindow({ draftId }: { draftId: string }) {
  const { t } = useI18n();
  const composer = useStore((state) => state.composer);
  const closeComposer = useStore((state) => state.closeComposer);
  const [phase, setPhase] = useState<'loading' | 'open' | 'missing' | 'closed'>('loading');
  useComposeEvents();

  useEffect(() => {
    let cancelled = false;
    void api.call('app.info', {}).then((result) => {
      if (!cancelled && result.ok) useStore.getState().setAppInfo(result.value);
    });
    void api.call('drafts.local', {}).then(async (result) => {
      const draft = result.ok ? result.value.find((d) => d.id === draftId) : undefined;
      if (cancelled) return;
      if (!draft) return setPhase('missing');
      await reopen(draft);
      setPhase('open');
    });
    return () => {
      cancelled = true;
    };
  }, [draftId]);

  useEffect(() => {
    if (composer) document.title = `${t('app.name')} — ${composer.message.subject.trim() || t('compose.title.new')}`;
  }, [composer, t]);

  return (
    <main className="compose-window">
      {phase === 'loading' && (
        <p className="pane__note" role="status">
          <Spinner /> {t('compose.loading')}
        </p>
      )}
      {phase === 'missing' && <p className="pane__note">{t('compose.missing')}</p>}
      {phase === 'closed' && !composer && <p className="pane__note">{t('compose.windowClosed')}</p>}
      {phase !== 'loading' && composer && (
        <Composer
          key={composer.openedAt}
          session={composer}
          standalone
          onClosed={() => {
            closeComposer();
            setPhase('closed');
            // Stay while "Undo" is on offer (it reopens the composer here), then go.
            const wait = useStore.getState().undoSendSeconds * 1000;
            setTimeout(() => {
              if (!useStore.getState().composer) window.close();
            }, wait);
          }}
        />
      )}
      <Toasts />
    </main>
  );
}
