import { BrowserWindow, Notification } from 'electron';
import type { NotifyOutcome, NotifyRequest } from '../../../shared/host/contract';
import type { HandlerContext } from '../ipc';

/**
 * Electron drops a notification's click handler when nothing holds the object any more, so each one
 * is held until it is clicked or closed.
 */
const shown = new Set<Notification>();

/** The system's notification; clicking it brings the desk's window to the front. */
export function notify(req: NotifyRequest, context: HandlerContext): NotifyOutcome {
  if (!Notification.isSupported()) return 'unsupported';
  const notification = new Notification({ title: req.title, body: req.body });
  shown.add(notification);
  const release = () => shown.delete(notification);
  notification.on('click', () => {
    release();
    const win = BrowserWindow.fromWebContents(context.sender);
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  notification.on('close', release);
  notification.show();
  return 'shown';
}

/** For tests: how many notifications are held. */
export function heldNotifications(): number {
  return shown.size;
}
