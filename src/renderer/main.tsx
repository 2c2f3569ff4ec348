import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { db } from './db/db';
import { parseRoute } from './features/compose/appRoute';
import { prewarmLastFolder } from './features/mail/openDefaultFolder';
import { startSync } from './sync/startSync';
import type { SyncLoop } from './sync/syncLoop';
import './styles/base.css';
import './styles/layout.css';
import './styles/mail.css';
import './styles/compose.css';
import './styles/calendar.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Read once: the composer window keeps its route; the main window never navigates by hash.
const route = parseRoute(window.location.hash);
// The main window opens its cache and starts syncing before the first render: both wait on
// I/O (IndexedDB, main), which the render need not wait for. A failed open surfaces at the
// cache's first use. A composer window does not sync.
let sync: SyncLoop | null = null;
if (route.name === 'main') {
  void db.open().catch(() => undefined);
  prewarmLastFolder(db);
  sync = startSync();
}
createRoot(root).render(
  <StrictMode>
    <App route={route} sync={sync} />
  </StrictMode>,
);
