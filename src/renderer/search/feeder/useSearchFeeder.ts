/**
 * The main window's feeder, for as long as it is mounted (issue #13 §3). The feeder and the
 * engine's client are fetched as their own chunk when it starts — a second after the first rows —
 * so they add nothing to what the first screen downloads (issue #11 §4).
 */
import { useEffect } from 'react';

export function useSearchFeeder(): void {
  useEffect(() => {
    let stop: (() => void) | null = null;
    let unmounted = false;
    void import('./appFeeder').then(({ startAppFeeder }) => {
      if (!unmounted) stop = startAppFeeder();
    });
    return () => {
      unmounted = true;
      stop?.();
    };
  }, []);
}
