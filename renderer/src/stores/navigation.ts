/**
 * Where the officer is, kept in the URL's hash: a reload, or the browser's back button, finds the
 * same queue or case again without a router library.
 */
import { create } from 'zustand';
import { QUEUE_KEYS, type QueueKey } from '../features/queue/queueModel';

export type Route =
  { name: 'queue'; queue: QueueKey } | { name: 'case'; caseId: string } | { name: 'settings' };

export const HOME: Route = { name: 'queue', queue: 'all' };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'case' && parts[1]) return { name: 'case', caseId: parts[1] };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'queue' && (QUEUE_KEYS as readonly string[]).includes(parts[1] ?? '')) {
    return { name: 'queue', queue: parts[1] as QueueKey };
  }
  return HOME;
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'queue':
      return `#/queue/${route.queue}`;
    case 'case':
      return `#/case/${encodeURIComponent(route.caseId)}`;
    case 'settings':
      return '#/settings';
  }
}

interface NavigationState {
  route: Route;
  /** The queue last shown, so "back to the queue" returns where the officer came from. */
  lastQueue: QueueKey;
  navigate: (route: Route) => void;
  syncFromLocation: () => void;
}

const initialRoute = typeof location === 'undefined' ? HOME : parseHash(location.hash);

export const useNavigation = create<NavigationState>()((set, get) => ({
  route: initialRoute,
  lastQueue: initialRoute.name === 'queue' ? initialRoute.queue : 'all',
  navigate(route) {
    const hash = formatRoute(route);
    if (typeof location !== 'undefined' && location.hash !== hash) location.hash = hash;
    set({ route, lastQueue: route.name === 'queue' ? route.queue : get().lastQueue });
  },
  syncFromLocation() {
    const route = parseHash(location.hash);
    set({ route, lastQueue: route.name === 'queue' ? route.queue : get().lastQueue });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useNavigation.getState().syncFromLocation());
}
