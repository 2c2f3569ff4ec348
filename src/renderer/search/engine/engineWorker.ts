/**
 * The engine's Worker (issue #13 §3): SQLite FTS5 on a file in the origin-private file system,
 * through the `opfs-sahpool` VFS — synchronous access handles, so no SharedArrayBuffer and no
 * COOP/COEP headers. The pool is exclusive to one connection: client.ts starts this Worker only
 * in the window that holds the profile's Web Lock. Without OPFS (an insecure context, a browser
 * without it) the index lives in memory and the feeder rebuilds it from the cache; stats() says
 * which.
 */
import { EngineCore } from './engineCore';
import { loadSqlite } from './sqlite';
import { serveEngine, type WorkerScope } from './workerHost';

async function open(name: string): Promise<EngineCore> {
  const sqlite3 = await loadSqlite();
  let pool: Awaited<ReturnType<typeof sqlite3.installOpfsSAHPoolVfs>>;
  try {
    // One pool directory per profile's index, so two profiles' pools never meet.
    pool = await sqlite3.installOpfsSAHPoolVfs({ name: `sahpool-${name}`, directory: `.search-${name}` });
  } catch (error) {
    console.warn('search index: no OPFS, the index is kept in memory', error);
    return new EngineCore(new sqlite3.oo1.DB(':memory:', 'c'), 'memory');
  }
  const file = `/${name}.sqlite3`;
  const openFile = (): EngineCore => {
    const db = new pool.OpfsSAHPoolDb(file);
    try {
      // The index is rebuilt from the cache when lost: a power cut may cost the last commits,
      // never consistency (the journal still guards each transaction).
      db.exec('PRAGMA synchronous = NORMAL');
      return new EngineCore(db, 'opfs');
    } catch (error) {
      db.close();
      throw error;
    }
  };
  try {
    return openFile();
  } catch (error) {
    // A damaged file: the index heals like the cache (issue #13 §3) — start it anew, the feeder refills it.
    console.warn('search index: the file could not be opened; starting anew', error);
    pool.unlink(file);
    return openFile();
  }
}

serveEngine(self as unknown as WorkerScope, open);
