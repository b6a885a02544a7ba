/**
 * pdf.js, loaded once the first screen is up rather than with it (it is the largest
 * library of the desk). main.tsx loads it while the page is still online, so both the library and
 * its worker are in memory before the officer might unplug: opening a PDF never needs the network.
 * A failure is reported by the viewer when a PDF is opened, not at load.
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

/** For the offline cache: the worker is fetched by the Worker, not by the page. */
export const PDF_WORKER_URL: string = workerUrl;
