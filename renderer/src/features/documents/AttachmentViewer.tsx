import { useCallback, useEffect, useState } from 'react';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { pdfViewerText } from './viewerText';
import { PdfViewer } from './PdfViewer';
import { readableKind, verifiedBytes, type FileProblem, type FileRef } from './fileCheck';
import { useFileChecks } from './fileChecks';
import { ensureFile, type FetchProblem } from '../sync/fileCache';
import { useSync } from '../sync/syncStore';
import { ZOOM_START, ZOOM_STEPS } from './zoom';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'pdf'; bytes: Uint8Array }
  | { kind: 'image'; url: string }
  | { kind: 'problem'; problem: 'missing' | 'corrupt' | 'unsupported' | 'storage' }
  /** A pulled case's file not (yet) fetched from the central system (sync/fileCache.ts). */
  | { kind: 'sync'; problem: FetchProblem };

const VIEWER_PROBLEM: Record<FileProblem, 'missing' | 'corrupt' | 'unsupported' | 'storage'> = {
  missing: 'missing',
  altered: 'corrupt',
  damaged: 'corrupt',
  unsupported: 'unsupported',
  storage: 'storage',
};

/** A file of the case as the viewer needs it: an attachment, or a document the desk produced. */
export type ViewedFile = FileRef & { fileName: string };

/** An image with the same zoom steps and words as the PDF viewer's. */
function ZoomableImage({ url, alt, onError }: { url: string; alt: string; onError: () => void }) {
  const { t } = useLanguage();
  const text = pdfViewerText(t);
  const [zoom, setZoom] = useState(ZOOM_START);
  const scale = ZOOM_STEPS[zoom] ?? 1;
  return (
    <div className="image-viewer">
      <div className="pdf-toolbar">
        <button type="button" disabled={zoom <= 0} onClick={() => setZoom(zoom - 1)}>
          {text.zoomOut}
        </button>
        <span data-testid="image-zoom">{text.zoom(Math.round(scale * 100))}</span>
        <button type="button" disabled={zoom >= ZOOM_STEPS.length - 1} onClick={() => setZoom(zoom + 1)}>
          {text.zoomIn}
        </button>
      </div>
      <div className="pdf-canvas-wrap" tabIndex={0} role="group" aria-label={alt}>
        <img
          src={url}
          alt={alt}
          className="viewer-image"
          style={{ width: `${scale * 100}%`, maxWidth: 'none' }}
          onError={onError}
        />
      </div>
    </div>
  );
}

/**
 * One file of the case drawn inside the desk. Whatever is wrong with the file (not stored, altered,
 * not what its type says) ends here as a message; the case around it stays usable.
 */
export function FileView({ file }: { file: ViewedFile }) {
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
      const fetched = await ensureFile(desk, useSync.getState().api(), file).catch(
        (): FetchProblem => 'failed',
      );
      if (fetched) return set({ kind: 'sync', problem: fetched });
      void useFileChecks.getState().check([file]);
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
    <div className="viewer">
      {loaded.kind === 'loading' ? <p role="status">{t('documents.viewer.loading')}</p> : null}
      {loaded.kind === 'problem' ? (
        <Alert tone="error">{t(`documents.viewer.${loaded.problem}`)}</Alert>
      ) : null}
      {loaded.kind === 'sync' ? (
        <Alert tone={loaded.problem === 'notDownloaded' ? 'info' : 'error'}>
          {t(`sync.files.${loaded.problem}`)}
        </Alert>
      ) : null}
      {loaded.kind === 'image' ? (
        <ZoomableImage url={loaded.url} alt={file.fileName} onError={corrupt} />
      ) : null}
      {loaded.kind === 'pdf' ? (
        <PdfViewer bytes={loaded.bytes} onError={corrupt} text={pdfViewerText(t)} />
      ) : null}
    </div>
  );
}

/** A file in a dialog over the screen (the history's produced documents). */
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
      <FileView file={file} />
    </Dialog>
  );
}

/**
 * A file beside its checks: the case's documents open here, in the same screen as their findings,
 * so the officer compares the two without a dialog covering either.
 */
export function DocumentPane({
  file,
  title,
  onClose,
}: {
  file: ViewedFile | undefined;
  title: string;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  return (
    <section className="panel document-pane" aria-label={t('ux.case.viewer')}>
      {file ? (
        <>
          <div className="document-pane-head">
            <h3>{title}</h3>
            <button type="button" onClick={onClose}>
              {t('ux.case.closeViewer')}
            </button>
          </div>
          <FileView key={file.sha256} file={file} />
        </>
      ) : (
        <p className="muted">{t('ux.case.viewerEmpty')}</p>
      )}
    </section>
  );
}
