/**
 * The file name of a produced document, kept apart from the renderer so the case history (in the
 * desk's first chunk) names a document without loading the PDF libraries.
 */
import type { FormId, FormLanguage } from '../../../../shared/forms/types';

/** `<case number>_<form>_<lang>.pdf`; the host makes it a valid file name. */
export function documentFileName(caseNumber: string, form: FormId, language: FormLanguage): string {
  return `${caseNumber}_${form}_${language}.pdf`;
}
