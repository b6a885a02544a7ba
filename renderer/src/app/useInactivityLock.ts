import { useEffect } from 'react';
import { useSession } from '../stores/sessionStore';

/** What counts as someone at the desk. Reading without touching anything for the whole limit does not. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** How often the limit is checked; the lock comes at most this late. */
const CHECK_EVERY_MS = 5000;

/**
 * Locks the desk after `lockAfterMs` without activity while someone is signed in. The check also
 * runs when the tab comes back into view (a laptop opened after lunch locks at once).
 */
export function useInactivityLock(lockAfterMs: number): void {
  const signedIn = useSession((s) => s.user !== null && !s.locked);
  useEffect(() => {
    if (!signedIn) return;
    const session = useSession.getState;
    const touch = () => session().touch();
    const check = () => {
      const { user, locked, lastActiveAt } = session();
      if (user && !locked && Date.now() - lastActiveAt >= lockAfterMs) session().lock();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { capture: true, passive: true });
    document.addEventListener('visibilitychange', check);
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
      document.removeEventListener('visibilitychange', check);
      clearInterval(timer);
    };
  }, [signedIn, lockAfterMs]);
}
