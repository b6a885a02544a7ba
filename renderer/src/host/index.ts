// The one place the renderer gets its host: Electron when the preload put `deskHost` on window,
// the browser otherwise. Everything else in the renderer depends on the Host interface only.
import type { Host } from '../../../shared/host';
import { createBrowserHost } from './browserHost';
import { createElectronHost } from './electronHost';

export type { Host } from '../../../shared/host';
export { HostError, isHostError, type HostErrorCode } from '../../../shared/host';

export function selectHost(win: Pick<Window, 'deskHost'> | undefined): Host {
  return win?.deskHost ? createElectronHost(win.deskHost) : createBrowserHost();
}

let current: Host | null = null;

export function getHost(): Host {
  current ??= selectHost(typeof window === 'undefined' ? undefined : window);
  return current;
}
