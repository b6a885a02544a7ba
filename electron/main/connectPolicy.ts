// The one mutable part of the app:// Content-Security-Policy: the central system the installation
// is configured for. The renderer tells main through host:set-server-origin when the setting
// changes; main keeps it in the shell settings so that the next start serves the right policy from
// the first page. A page keeps the policy it was served with, so a change applies from the next
// page load, and the answer says whether this page is already up to date.
import type { ServerOriginStatus } from '../../shared/host/contract';
import { contentSecurityPolicy } from '../../shared/host/csp';

export interface ConnectPolicy {
  /** The header value for a response; `document` marks the page itself (its policy is now fixed). */
  header(document: boolean): string;
  serverOrigin(): string | null;
  setServerOrigin(origin: string | null): Promise<ServerOriginStatus>;
}

/** The app:// policy: production always (Electron never loads a dev server), with the server origin. */
export function appContentSecurityPolicy(serverOrigin: string | null): string {
  return contentSecurityPolicy({ mode: 'production', serverOrigin }, 'header');
}

export function createConnectPolicy(
  initial: string | null,
  persist: (origin: string | null) => Promise<void>,
): ConnectPolicy {
  let current = initial;
  // What the page on screen was served with; undefined until the first page is served.
  let served: string | null | undefined;
  // One change at a time, so the file and `current` never disagree about the last one.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    header(document) {
      if (document) served = current;
      return appContentSecurityPolicy(current);
    },
    serverOrigin: () => current,
    setServerOrigin(origin) {
      const change = queue.then(async (): Promise<ServerOriginStatus> => {
        if (origin !== current) {
          // Stored first: if the disk refuses, nothing changed, and the renderer hears 'io'.
          await persist(origin);
          current = origin;
        }
        return served === undefined || served === origin ? 'in-effect' : 'after-reload';
      });
      queue = change.catch(() => undefined);
      return change;
    },
  };
}
