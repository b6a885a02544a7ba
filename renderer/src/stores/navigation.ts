/**
 * Where the officer is, kept in the URL's hash: a reload, or the browser's back button, finds the
 * same queue or case again without a router library. The hash is input from outside (a link in an
 * e-mail, a bookmark, a mistyped address), so reading it never throws: a link the desk cannot read
 * leads to the home queue, and the officer is told.
 */
import { create } from 'zustand';
import { QUEUE_KEYS, type QueueKey } from '../features/queue/queueModel';

export type Route =
  | { name: 'queue'; queue: QueueKey }
  | { name: 'case'; caseId: string }
  | { name: 'settings' }
  /** "Check a signature" (issue 8): any signed PDF or CMS from disk. */
  | { name: 'check-signature' }
  | { name: 'dashboard' };

export const HOME: Route = { name: 'queue', queue: 'all' };

/**
 * Where a person starts after signing in: an officer from her own cases, the head from what waits
 * for the head's approval, the administrator from the settings.
 */
export function homeOf(role: 'officer' | 'head' | 'admin'): Route {
  if (role === 'admin') return { name: 'settings' };
  return { name: 'queue', queue: role === 'head' ? 'awaiting-approval' : 'mine' };
}

/** Longer than any case id the desk makes; a longer one is not a link to a case. */
const MAX_CASE_ID = 200;

export interface ReadLink {
  route: Route;
  /** False when the hash named something the desk cannot open: bad %-escapes, an unknown place. */
  valid: boolean;
}

/** The route a hash names. Never throws: a malformed or unknown link reads as HOME, not valid. */
export function readHash(hash: string): ReadLink {
  const path = hash.replace(/^#\/?/, '').replace(/\/$/, '');
  if (path === '') return { route: HOME, valid: true };
  let parts: string[];
  try {
    parts = path.split('/').map(decodeURIComponent);
  } catch {
    // decodeURIComponent throws URIError on escapes that are not UTF-8, e.g. #/case/%E0%A4%A.
    return { route: HOME, valid: false };
  }
  const [place, id, ...rest] = parts;
  if (rest.length > 0) return { route: HOME, valid: false };
  if (place === 'case' && id !== undefined && id !== '' && id.length <= MAX_CASE_ID) {
    return { route: { name: 'case', caseId: id }, valid: true };
  }
  if (place === 'settings' && id === undefined) return { route: { name: 'settings' }, valid: true };
  if (place === 'check' && id === undefined) return { route: { name: 'check-signature' }, valid: true };
  if (place === 'dashboard' && id === undefined) return { route: { name: 'dashboard' }, valid: true };
  if (place === 'queue' && (QUEUE_KEYS as readonly string[]).includes(id ?? '')) {
    return { route: { name: 'queue', queue: id as QueueKey }, valid: true };
  }
  return { route: HOME, valid: false };
}

export function parseHash(hash: string): Route {
  return readHash(hash).route;
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'queue':
      return `#/queue/${route.queue}`;
    case 'case':
      return `#/case/${encodeURIComponent(route.caseId)}`;
    case 'settings':
      return '#/settings';
    case 'check-signature':
      return '#/check';
    case 'dashboard':
      return '#/dashboard';
  }
}

interface NavigationState {
  route: Route;
  /** The queue last shown, so "back to the queue" returns where the officer came from. */
  lastQueue: QueueKey;
  /** The last link could not be opened and the home queue is shown instead; cleared on navigating. */
  badLink: boolean;
  navigate: (route: Route) => void;
  syncFromLocation: () => void;
  dismissBadLink: () => void;
}

/**
 * The route of the current location. A bad link is replaced in the address bar (without a new
 * history entry) by the route shown, so that a reload does not read it again.
 */
function fromLocation(): ReadLink {
  if (typeof location === 'undefined') return { route: HOME, valid: true };
  const link = readHash(location.hash);
  if (!link.valid && typeof history !== 'undefined')
    history.replaceState(history.state, '', formatRoute(link.route));
  return link;
}

const initial = fromLocation();

export const useNavigation = create<NavigationState>()((set, get) => ({
  route: initial.route,
  lastQueue: initial.route.name === 'queue' ? initial.route.queue : 'all',
  badLink: !initial.valid,
  navigate(route) {
    const hash = formatRoute(route);
    if (typeof location !== 'undefined' && location.hash !== hash) location.hash = hash;
    set({ route, lastQueue: route.name === 'queue' ? route.queue : get().lastQueue, badLink: false });
  },
  syncFromLocation() {
    const { route, valid } = fromLocation();
    set({ route, lastQueue: route.name === 'queue' ? route.queue : get().lastQueue, badLink: !valid });
  },
  dismissBadLink() {
    set({ badLink: false });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useNavigation.getState().syncFromLocation());
}
