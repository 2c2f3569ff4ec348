/**
 * The root: shows the screen the state calls for — set-up when
 * there is no account yet, settings, the calendar (issue #5) or the mail view. A composer in its
 * own window (`#compose/<id>`, issue #4) shows only the composer and does not sync.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api } from './api';
import { db } from './db/db';
import { noteFirstReminderCheck } from './db/queries/reminderState';
import { sessionStartedAt } from './sessionStart';
import type { AppRoute } from './features/compose/appRoute';
import { useComposeEvents } from './features/compose/useComposeEvents';
import { useSearchFeeder } from './search/feeder/useSearchFeeder';
import { MailView } from './features/mail/MailView';
import { useUnreadBadge } from './features/mail/useWindowTitle';
import { LiveRegion } from './features/shell/LiveRegion';
import { StartScreen } from './features/shell/StartScreen';
import { Toasts } from './features/shell/Toasts';
import { useI18n } from './i18n/useI18n';
import { useStore } from './store';
import type { SyncLoop } from './sync/syncLoop';

// Loaded when first needed, so the mail view's code (what a start waits for) is all the first
// download holds: the calendar with ical.js, the reminders (which expand recurrences with it)
// and the settings come in their own chunks, a moment later; so do account set-up (a first run
// or an added account) and the composer's own window (issue #11 §4 "a smaller entry bundle").
const AccountSetup = lazy(() => import('./features/accounts/AccountSetup').then((m) => ({ default: m.AccountSetup })));
const ComposeWindow = lazy(() => import('./features/compose/ComposeWindow').then((m) => ({ default: m.ComposeWindow })));
const CalendarView = lazy(() => import('./features/calendar/CalendarView').then((m) => ({ default: m.CalendarView })));
const ReminderCenter = lazy(() => import('./features/reminders/ReminderCenter').then((m) => ({ default: m.ReminderCenter })));
const SettingsScreen = lazy(() => import('./features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

/**
 * The reminders start a second after start, at the browser's first idle moment, so that their
 * code (with ical.js) is not parsed while the newest mail is on its way — measured: starting
 * them at once cost ~100–250 ms before the first rows. Nothing is lost meanwhile: the scheduler
 * shows what fell due since the last check, and a first start notes its time at once
 * (noteFirstReminderCheck) for "missed while closed" to count from (issue #5 §6).
 */
const REMINDERS_AFTER_MS = 1_000;

function useRemindersDue(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    void noteFirstReminderCheck(db, sessionStartedAt).catch(() => undefined);
  }, []);
  useEffect(() => {
    let handle: number | null = null;
    const timer = window.setTimeout(() => {
      if (typeof window.requestIdleCallback === 'function') handle = window.requestIdleCallback(() => setIdle(true), { timeout: 1_000 });
      else setIdle(true);
    }, REMINDERS_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      if (handle !== null) window.cancelIdleCallback(handle);
    };
  }, []);
  return idle;
}

/** Loads the app's facts; returns a retry for when the accounts could not be loaded. */
function useStartup(sync: SyncLoop | null): () => void {
  useEffect(() => {
    let cancelled = false;
    void api.call('app.info', {}).then((result) => {
      if (!cancelled && result.ok) useStore.getState().setAppInfo(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return useCallback(() => {
    useStore.getState().setStartError(null);
    void sync?.refresh();
  }, [sync]);
}

/**
 * @param route read once at start (main.tsx): a composer window keeps its route.
 * @param sync the main window's sync loop, started before the first render; null in a composer window.
 */
export function App({ route, sync }: { route: AppRoute; sync: SyncLoop | null }) {
  return route.name === 'compose' ? (
    <Suspense fallback={null}>
      <ComposeWindow draftId={route.draftId} />
    </Suspense>
  ) : (
    <MainApp sync={sync} />
  );
}

function MainApp({ sync }: { sync: SyncLoop | null }) {
  const retry = useStartup(sync);
  useComposeEvents();
  useUnreadBadge();
  // The search index follows the cache in the window that holds it (issue #13 §3).
  useSearchFeeder();
  const { localeTag } = useI18n();
  const accounts = useStore((state) => state.accounts);
  const screen = useStore((state) => state.screen);
  const remindersDue = useRemindersDue();

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
      <Suspense fallback={null}>{content}</Suspense>
      {/* Its own boundary: the mail view never waits for the reminders' chunk. */}
      {remindersDue && (
        <Suspense fallback={null}>
          <ReminderCenter />
        </Suspense>
      )}
      <Toasts />
      <LiveRegion />
    </>
  );
}
