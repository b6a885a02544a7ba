import type { TFunction } from 'i18next';
import type { PdfViewerText } from './PdfViewer';

/** The PDF viewer's texts in the officer's language; one place for every screen that shows a PDF. */
export function pdfViewerText(t: TFunction): PdfViewerText {
  return {
    loading: t('documents.viewer.loading'),
    previous: t('documents.viewer.previous'),
    next: t('documents.viewer.next'),
    zoomIn: t('documents.viewer.zoomIn'),
    zoomOut: t('documents.viewer.zoomOut'),
    pageOf: (page, count) => t('documents.viewer.pageOf', { page, count }),
    zoom: (percent) => t('documents.viewer.zoom', { percent }),
    showText: t('documents.viewer.showText'),
    textOf: (page) => t('documents.viewer.textOf', { page }),
    noText: t('documents.viewer.noText'),
  };
}
