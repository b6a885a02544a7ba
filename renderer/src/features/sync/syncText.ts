/** What the header says about sync, as an i18n key and its values (pure: tested without React). */
import type { SyncStatus } from '../../../../shared/sync';

export interface StatusText {
  key: string;
  values?: Record<string, string | number>;
  tone: 'ok' | 'busy' | 'warn' | 'error';
}

/** HH:mm of an instant on this computer's clock (the officer's day). */
function hhmm(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function statusText(status: SyncStatus | null, online: boolean): StatusText {
  if (!status) return { key: 'sync.status.notEnrolled', tone: 'warn' };
  if (status.phase === 'revoked') return { key: 'sync.status.revoked', tone: 'error' };
  if (status.phase === 'unauthorized') return { key: 'sync.status.unauthorized', tone: 'error' };
  if (status.problems > 0 && status.phase !== 'syncing') {
    return { key: 'sync.status.problems', values: { count: status.problems }, tone: 'error' };
  }
  if (status.phase === 'syncing' && status.progress) {
    const p = status.progress;
    if (p.filesTotal > 0 && p.files < p.filesTotal)
      return { key: 'sync.status.uploading', values: { done: p.files, total: p.filesTotal }, tone: 'busy' };
    if (p.eventsTotal > 0 && p.events < p.eventsTotal)
      return { key: 'sync.status.sending', values: { done: p.events, total: p.eventsTotal }, tone: 'busy' };
    return { key: 'sync.status.pulling', values: { count: p.cases }, tone: 'busy' };
  }
  if (!online || status.phase === 'offline') {
    return { key: 'sync.status.offline', values: { count: status.pending }, tone: 'warn' };
  }
  if (status.phase === 'failed') return { key: 'sync.status.failed', tone: 'error' };
  if (status.pending > 0)
    return { key: 'sync.status.pending', values: { count: status.pending }, tone: 'warn' };
  if (status.lastSyncedAt)
    return { key: 'sync.status.upToDate', values: { time: hhmm(status.lastSyncedAt) }, tone: 'ok' };
  return { key: 'sync.status.never', tone: 'warn' };
}
