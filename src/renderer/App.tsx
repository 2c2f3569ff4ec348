/**
 * The root: starts the sync loop once, then shows the screen the state calls for — set-up when
 * there is no account yet, settings, the calendar (issue #5) or the mail view. A composer in its
 * own window (`#compose/<id>`, issue #4) shows only the composer and does not sync.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api';
import { AccountSetup } from './features/accounts/AccountSetup';
import { parseRoute } from './features/compose/appRoute';
import { CalendarView } from './features/calendar/CalendarView';
import { ComposeWindow } from './features/compose/ComposeWindow';
import { useComposeEvents } from './features/compose/useComposeEvents';
import { MailView } from './features/mail/MailView';
import { ReminderCenter } from './features/reminders/ReminderCenter';
import { useUnreadBadge } from './features/mail/useWindowTitle';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { LiveRegion } from './features/shell/LiveRegion';
import { StartScreen } from './features/shell/StartScreen';
import { Toasts } from './features/shell/Toasts';
import { useI18n } from './i18n/useI18n';
import { useStore } from './store';
import { startSync } from './sync/startSync';
import type { SyncLoop } from './sync/syncLoop';

/** Starts the app; returns a retry for when the accounts could not be loaded. */
function useStartup(): () => void {
  const loopRef = useRef<SyncLoop | null>(null);
  useEffect(() => {
    let cancelled = false;
    void api.call('app.info', {}).then((result) => {
      if (!cancelled && result.ok) useStore.getState().setAppInfo(result.value);
    });
    const loop = startSync();
    loopRef.current = loop;
    return () => {
      cancelled = true;
      loop.stop();
      loopRef.current = null;
    };
  }, []);
  return useCallback(() => {
    useStore.getState().setStartError(null);
    void loopRef.current?.refresh();
  }, []);
}

export function App() {
  // Read once: the composer window keeps its route; the main window never navigates by hash.
  const [route] = useState(() => parseRoute(window.location.hash));
  return route.name === 'compose' ? <ComposeWindow draftId={route.draftId} /> : <MainApp />;
}

function MainApp() {
  const retry = useStartup();
  useComposeEvents();
  useUnreadBadge();
  const { localeTag } = useI18n();
  const accounts = useStore((state) => state.accounts);
  const screen = useStore((state) => state.screen);

  useEffect(() => {
    document.documentElement.lang = localeTag;
  }, [localeTag]);

  let content;
  if (accounts === null) content = <StartScreen onRetry={retry} />;
  else if (accounts.length === 0) content = <AccountSetup firstRun />;
  else if (screen.name === 'accountSetup') content = <AccountSetup accountId={screen.accountId} kind={screen.kind} />;
  else if (screen.name === 'settings') content = <SettingsScreen />;
  else if (screen.name === 'calendar') content = <CalendarView />;
  else content = <MailView />;

  return (
    <>
      {content}
      <ReminderCenter />
      <Toasts />
      <LiveRegion />
    </>
  );
}
