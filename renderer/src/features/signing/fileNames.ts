/** File names of a signed result: the produced document's name, marked signed; the CMS beside it. */
import type { FormId, FormLanguage } from '../../../../shared/forms';
import { documentFileName } from '../forms/produceName';

export function signedFileNames(
  caseNumber: string,
  form: FormId,
  language: FormLanguage,
): { pdf: string; cms: string } {
  const pdf = documentFileName(caseNumber, form, language).replace(/\.pdf$/, '_signed.pdf');
  // The detached signature is named after the file it signs, as Kalkan and NCALayer save it.
  return { pdf, cms: `${pdf}.cms` };
}

/** The CMS of the n-th signature (n ≥ 2) over a signed result: beside the first, numbered. */
export function cosignatureFileName(cms: string, n: number): string {
  return cms.replace(/\.cms$/, `.${n}.cms`);
}
