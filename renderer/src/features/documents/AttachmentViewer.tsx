import { useCallback, useEffect, useState } from 'react';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { pdfViewerText } from './viewerText';
import { PdfViewer } from './PdfViewer';
import { readableKind, verifiedBytes, type FileProblem, type FileRef } from './fileCheck';
import { useFileChecks } from './fileChecks';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'pdf'; bytes: Uint8Array }
  | { kind: 'image'; url: string }
  | { kind: 'problem'; problem: 'missing' | 'corrupt' | 'unsupported' | 'storage' };

const VIEWER_PROBLEM: Record<FileProblem, 'missing' | 'corrupt' | 'unsupported' | 'storage'> = {
  missing: 'missing',
  altered: 'corrupt',
  damaged: 'corrupt',
  unsupported: 'unsupported',
  storage: 'storage',
};

/** A file of the case as the viewer needs it: an attachment, or a document the desk produced. */
export type ViewedFile = FileRef & { fileName: string };

/**
 * One file of the case inside the desk. Whatever is wrong with the file (not stored, altered, not
 * what its type says) ends here as a message; the case behind the dialog stays usable.
 */
export function AttachmentViewer({
  file,
  title,
  onClose,
}: {
  file: ViewedFile;
  title: string;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const markUnreadable = useFileChecks((s) => s.markUnreadable);
  // What fails to draw cannot be read: the documents panel says so too, whatever it showed before.
  const corrupt = useCallback(() => {
    setLoaded({ kind: 'problem', problem: 'corrupt' });
    markUnreadable(file.sha256);
  }, [file.sha256, markUnreadable]);

  useEffect(() => {
    let cancelled = false;
    let url: string | undefined;
    const set = (l: Loaded) => {
      if (!cancelled) setLoaded(l);
    };
    (async () => {
      if (!desk) return set({ kind: 'problem', problem: 'storage' });
      const verified = await verifiedBytes(file, (sha) => desk.attachments.get(sha));
      if ('problem' in verified) return set({ kind: 'problem', problem: VIEWER_PROBLEM[verified.problem] });
      const { bytes, mimeType } = verified;
      const kind = readableKind(mimeType);
      if (kind === 'pdf') return set({ kind: 'pdf', bytes });
      if (kind === 'image') {
        url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
        return set({ kind: 'image', url });
      }
      set({ kind: 'problem', problem: 'unsupported' });
    })().catch(() => set({ kind: 'problem', problem: 'storage' }));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [desk, file]);

  return (
    <Dialog
      title={title}
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
          <img src={loaded.url} alt={file.fileName} className="viewer-image" onError={corrupt} />
        ) : null}
        {loaded.kind === 'pdf' ? (
          <PdfViewer bytes={loaded.bytes} onError={corrupt} text={pdfViewerText(t)} />
        ) : null}
      </div>
    </Dialog>
  );
}
