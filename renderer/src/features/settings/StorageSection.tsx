/**
 * Settings → storage: how much the desk keeps in this browser (and, in the Electron desk, in its file
 * store on this computer) and whether the browser may evict it.
 * Self-contained (reads the open desk from the store), so the settings screen places it in one line.
 */
import { useEffect, useState } from 'react';
import type { StorageStatus } from '../../db';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { Alert } from '../../ui/Alert';

const K = 'storageSection';

/** A size in the unit people read, with the unit's key in `storageSection.unit`. */
export function storageSize(bytes: number): { value: string; unit: 'MB' | 'GB' } {
  const mb = bytes / 1024 / 1024;
  return mb < 1024 ? { value: mb.toFixed(1), unit: 'MB' } : { value: (mb / 1024).toFixed(1), unit: 'GB' };
}

/** Which sentence describes the eviction risk. */
export function persistenceKey(status: StorageStatus): 'persisted' | 'evictable' | 'unknown' {
  return status.persisted === null ? 'unknown' : status.persisted ? 'persisted' : 'evictable';
}

export function StorageSection() {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const [status, setStatus] = useState<StorageStatus>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!desk) return;
    let live = true;
    void desk.storage.status().then((s) => {
      if (live) setStatus(s);
    });
    return () => {
      live = false;
    };
  }, [desk]);

  async function ask() {
    if (!desk || busy) return;
    setBusy(true);
    try {
      await desk.storage.requestPersistence();
      setStatus(await desk.storage.status());
    } finally {
      setBusy(false);
    }
  }

  const size = (bytes: number) => {
    const s = storageSize(bytes);
    return `${s.value} ${t(`${K}.unit.${s.unit}`)}`;
  };
  const key = status ? persistenceKey(status) : undefined;
  return (
    <section className="panel" aria-labelledby="storage-title" data-testid="storage-section">
      <h3 id="storage-title">{t(`${K}.title`)}</h3>
      {status ? (
        <>
          <p data-testid="storage-usage">
            {status.usageBytes === null
              ? t(`${K}.usageUnknown`)
              : status.quotaBytes === null
                ? t(`${K}.usage`, { used: size(status.usageBytes) })
                : t(`${K}.usageOf`, { used: size(status.usageBytes), quota: size(status.quotaBytes) })}
          </p>
          {status.hostFiles ? (
            // The Electron desk: the files' bytes are in its folder on this computer, not in IndexedDB.
            <p data-testid="storage-host-files">
              {t(`${K}.hostFiles`, { count: status.hostFiles.count, used: size(status.hostFiles.bytes) })}
            </p>
          ) : null}
          <Alert tone={key === 'persisted' ? 'success' : key === 'evictable' ? 'warning' : 'info'}>
            <span data-testid="storage-persistence">{t(`${K}.${key ?? 'unknown'}`)}</span>
          </Alert>
          {key === 'evictable' ? (
            <div className="form-actions">
              <button type="button" disabled={busy} onClick={() => void ask()}>
                {t(`${K}.ask`)}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
