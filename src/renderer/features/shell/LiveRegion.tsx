/** One polite live region for sync state in words (errors also appear as alert toasts). */
import { useStore } from '../../store';

export function LiveRegion() {
  const announcement = useStore((state) => state.announcement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement}
    </div>
  );
}
