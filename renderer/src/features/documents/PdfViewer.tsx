import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { clampPage } from './pages';
import { loadPdfjs } from './pdf';
import { linesOfTextContent } from './pdfText';
import './viewer.css';
import { ZOOM_START, ZOOM_STEPS } from './zoom';

export interface PdfViewerText {
  loading: string;
  previous: string;
  next: string;
  zoomIn: string;
  zoomOut: string;
  /** "Page {{page}} of {{count}}" already filled in by the caller. */
  pageOf: (page: number, count: number) => string;
  zoom: (percent: number) => string;
  /** The toggle that shows the page as text instead of the picture. */
  showText: string;
  /** "Text of page {{page}}": the text alternative's name. */
  textOf: (page: number) => string;
  /** Said when a page has no text (a scanned picture). */
  noText: string;
}

interface PdfViewerProps {
  bytes: Uint8Array;
  text: PdfViewerText;
  /** The file could not be read as a PDF. */
  onError: () => void;
  /**
   * Each page's text as the desk laid it out (a form it fills); without it the text comes from
   * pdf.js's text content of the page shown.
   */
  textPages?: readonly (readonly string[])[] | undefined;
}

export function PdfViewer({ bytes, text, onError, textPages }: PdfViewerProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(ZOOM_START);
  const [asText, setAsText] = useState(false);
  // The shown page's text from pdf.js, with the page it belongs to (a newer page makes it stale).
  const [extracted, setExtracted] = useState<{ doc: PDFDocumentProxy; page: number; lines: string[] }>();

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | undefined;
    loadPdfjs()
      // pdf.js takes ownership of the buffer it is given; a copy keeps the caller's bytes usable.
      .then((pdfjs) => pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise)
      .then((d) => {
        opened = d;
        if (cancelled) {
          void d.destroy();
          return;
        }
        setDoc(d);
        // The same viewer shows each refreshed preview: a page past the new end would be blank.
        setPage((p) => clampPage(p, d.numPages));
      })
      .catch(() => {
        if (!cancelled) onError();
      });
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [bytes, onError]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !canvas) return;
    let task: { cancel(): void; promise: Promise<void> } | undefined;
    let cancelled = false;
    void doc
      .getPage(clampPage(page, doc.numPages))
      .then((p) => {
        if (cancelled) return;
        const ratio = window.devicePixelRatio || 1;
        const viewport = p.getViewport({ scale: ZOOM_STEPS[zoom]! * ratio });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
        task = p.render({ canvas, viewport });
        return task.promise;
      })
      .catch(() => {
        // A page that fails to draw (damaged stream) leaves the others readable; cancelled renders land here too.
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page, zoom]);

  // The text alternative: read for every page shown, so a screen reader has it without asking.
  useEffect(() => {
    if (!doc || textPages) return;
    let cancelled = false;
    const at = clampPage(page, doc.numPages);
    void doc
      .getPage(at)
      .then((p) => p.getTextContent())
      .then((content) => {
        if (!cancelled) setExtracted({ doc, page: at, lines: linesOfTextContent(content.items) });
      })
      .catch(() => {
        if (!cancelled) setExtracted({ doc, page: at, lines: [] });
      });
    return () => {
      cancelled = true;
    };
  }, [doc, page, textPages]);

  if (!doc) return <p role="status">{text.loading}</p>;
  const count = doc.numPages;
  const shown = clampPage(page, count);
  const lines = textPages
    ? (textPages[shown - 1] ?? [])
    : extracted?.doc === doc && extracted.page === shown
      ? extracted.lines
      : undefined;
  return (
    <div className="pdf-viewer">
      <div className="pdf-toolbar">
        <button type="button" disabled={shown <= 1} onClick={() => setPage(shown - 1)}>
          {text.previous}
        </button>
        <span data-testid="pdf-page">{text.pageOf(shown, count)}</span>
        <button type="button" disabled={shown >= count} onClick={() => setPage(shown + 1)}>
          {text.next}
        </button>
        <button type="button" disabled={zoom <= 0} onClick={() => setZoom(zoom - 1)}>
          {text.zoomOut}
        </button>
        <span data-testid="pdf-zoom">{text.zoom(Math.round(ZOOM_STEPS[zoom]! * 100))}</span>
        <button type="button" disabled={zoom >= ZOOM_STEPS.length - 1} onClick={() => setZoom(zoom + 1)}>
          {text.zoomIn}
        </button>
        <button
          type="button"
          aria-pressed={asText}
          onClick={() => setAsText(!asText)}
          data-testid="pdf-as-text"
        >
          {text.showText}
        </button>
      </div>
      {/* Scrolls when zoomed in: reachable by keyboard, and named for screen readers. The picture
          itself is hidden from them: the page's text below is its alternative. */}
      <div
        className="pdf-canvas-wrap"
        tabIndex={asText ? -1 : 0}
        role="group"
        aria-label={text.pageOf(shown, count)}
        hidden={asText}
      >
        <canvas ref={canvasRef} data-testid="pdf-canvas" aria-hidden="true" />
      </div>
      {/* Always in the page for screen readers; shown (and focusable) when the officer asks for it. */}
      <div
        className={asText ? 'pdf-text' : 'pdf-text pdf-text-hidden'}
        role="region"
        aria-label={text.textOf(shown)}
        tabIndex={asText ? 0 : -1}
        data-testid="pdf-text"
      >
        {lines === undefined ? null : lines.length === 0 ? (
          <p>{text.noText}</p>
        ) : (
          lines.map((line, i) => <p key={i}>{line}</p>)
        )}
      </div>
    </div>
  );
}
