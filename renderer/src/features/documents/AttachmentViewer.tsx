import { useCallback, useEffect, useState } from 'react';
import { sha256Hex } from '../../db';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { pdfViewerText } from './viewerText';
import { PdfViewer } from './PdfViewer';
import type { AttachmentRef } from '../../../../shared/workflow';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'pdf'; bytes: Uint8Array }
  | { kind: 'image'; url: string }
  | { kind: 'problem'; problem: 'missing' | 'corrupt' | 'unsupported' | 'storage' };

/**
 * One attachment inside the desk. Whatever is wrong with the file (not stored, altered, not what
 * its type says) ends here as a message; the case behind the dialog stays usable.
 */
export function AttachmentViewer({
  attachment,
  onClose,
}: {
  attachment: AttachmentRef;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const corrupt = useCallback(() => setLoaded({ kind: 'problem', problem: 'corrupt' }), []);

  useEffect(() => {
    let cancelled = false;
    let url: string | undefined;
    const set = (l: Loaded) => {
      if (!cancelled) setLoaded(l);
    };
    (async () => {
      const stored = await desk?.attachments.get(attachment.sha256);
      if (!stored) return set({ kind: 'problem', problem: 'missing' });
      const bytes = new Uint8Array(await stored.blob.arrayBuffer());
      // The bytes must be the ones the portal delivered; a changed file is not shown as if it were.
      if ((await sha256Hex(bytes)) !== attachment.sha256.toLowerCase())
        return set({ kind: 'problem', problem: 'corrupt' });
      const type = stored.meta.mimeType || attachment.mimeType;
      if (type === 'application/pdf') return set({ kind: 'pdf', bytes });
      if (type.startsWith('image/')) {
        url = URL.createObjectURL(new Blob([bytes], { type }));
        return set({ kind: 'image', url });
      }
      set({ kind: 'problem', problem: 'unsupported' });
    })().catch(() => set({ kind: 'problem', problem: 'storage' }));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [desk, attachment]);

  return (
    <Dialog
      title={`${t(`documentKind.${attachment.kind}`)}: ${attachment.fileName}`}
      onClose={onClose}
      footer={
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <div className="viewer">
        {loaded.kind === 'loading' ? <p role="status">{t('documents.viewer.loading')}</p> : null}
        {loaded.kind === 'problem' ? (
          <Alert tone="error">{t(`documents.viewer.${loaded.problem}`)}</Alert>
        ) : null}
        {loaded.kind === 'image' ? (
          <img src={loaded.url} alt={attachment.fileName} className="viewer-image" onError={corrupt} />
        ) : null}
        {loaded.kind === 'pdf' ? (
          <PdfViewer bytes={loaded.bytes} onError={corrupt} text={pdfViewerText(t)} />
        ) : null}
      </div>
    </Dialog>
  );
}
