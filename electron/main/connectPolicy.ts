// The mutable parts of the app:// Content-Security-Policy: the central system the installation is
// configured for, and the signing services (the TSA, the OCSP responder) of the signing settings.
// The renderer tells main through host:set-server-origin and host:set-signing-origins when a
// setting changes; main keeps both in the shell settings so that the next start serves the right
// policy from the first page. A page keeps the policy it was served with, so a change applies from
// the next page load, and the answer says whether this page is already up to date.
import type { ServerOriginStatus } from '../../shared/host/contract';
import { contentSecurityPolicy } from '../../shared/host/csp';

export interface ConnectPolicy {
  /** The header value for a response; `document` marks the page itself (its policy is now fixed). */
  header(document: boolean): string;
  serverOrigin(): string | null;
  signingOrigins(): readonly string[];
  setServerOrigin(origin: string | null): Promise<ServerOriginStatus>;
  setSigningOrigins(origins: readonly string[]): Promise<ServerOriginStatus>;
}

/** The app:// policy: production always (Electron never loads a dev server), with the origins. */
export function appContentSecurityPolicy(
  serverOrigin: string | null,
  signingOrigins: readonly string[] = [],
): string {
  return contentSecurityPolicy({ mode: 'production', serverOrigin, signingOrigins }, 'header');
}

export interface SigningOriginsStore {
  initial: readonly string[];
  persist: (origins: readonly string[]) => Promise<void>;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * `signing` is where the signing services' origins are kept (main: the shell settings); without
 * it there are none at the start and a change is kept for this run only (tests of the server part).
 */
export function createConnectPolicy(
  initial: string | null,
  persist: (origin: string | null) => Promise<void>,
  signing: SigningOriginsStore = { initial: [], persist: () => Promise.resolve() },
): ConnectPolicy {
  let current = initial;
  let services: readonly string[] = [...signing.initial];
  // What the page on screen was served with; undefined until the first page is served.
  let served: { server: string | null; services: readonly string[] } | undefined;
  // One change at a time, so the file and the state never disagree about the last one.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = (change: () => Promise<ServerOriginStatus>): Promise<ServerOriginStatus> => {
    const next = queue.then(change);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    header(document) {
      if (document) served = { server: current, services };
      return appContentSecurityPolicy(current, services);
    },
    serverOrigin: () => current,
    signingOrigins: () => services,
    setServerOrigin: (origin) =>
      enqueue(async () => {
        if (origin !== current) {
          // Stored first: if the disk refuses, nothing changed, and the renderer hears 'io'.
          await persist(origin);
          current = origin;
        }
        return served === undefined || served.server === origin ? 'in-effect' : 'after-reload';
      }),
    setSigningOrigins: (origins) =>
      enqueue(async () => {
        const next = [...new Set(origins)];
        if (!sameList(next, services)) {
          await signing.persist(next);
          services = next;
        }
        return served === undefined || sameList(served.services, next) ? 'in-effect' : 'after-reload';
      }),
  };
}
