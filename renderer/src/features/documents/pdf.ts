/**
 * pdf.js, loaded after the queue is drawn rather than with the first screen (it is the largest
 * library of the desk). `preloadPdf` runs while the page is still online, so both the library and
 * its worker are in memory before the officer might unplug: opening a PDF never needs the network.
 */
import type * as PdfjsModule from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type Pdfjs = typeof PdfjsModule;

let loading: Promise<Pdfjs> | undefined;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import('pdfjs-dist').then(
    (pdfjs) => {
      // One long-lived worker for every document; pdf.js does not terminate a port it was given.
      pdfjs.GlobalWorkerOptions.workerPort = new Worker(workerUrl, { type: 'module' });
      return pdfjs;
    },
    (error: unknown) => {
      loading = undefined; // let a later attempt try again (e.g. back online)
      throw error;
    },
  );
  return loading;
}

export function preloadPdf(): void {
  loadPdfjs().catch(() => {
    // Nothing to tell yet: the viewer reports the failure if a PDF is opened.
  });
}
