/**
 * Which documents a case needs (SERVICE.md "Documents the recipient submits", standard item 8):
 * the application always, plus the one supporting document its ground calls for.
 */

export type Ground = 'health' | 'marks' | 'abroad-with-parents' | 'abroad-alone';

export type DocumentKind =
  'application' | 'medical-conclusion' | 'progress-record' | 'residence-abroad' | 'study-abroad';

export const GROUNDS: readonly Ground[] = ['health', 'marks', 'abroad-with-parents', 'abroad-alone'];

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'application',
  'medical-conclusion',
  'progress-record',
  'residence-abroad',
  'study-abroad',
];

const SUPPORTING_DOCUMENT: Readonly<Record<Ground, DocumentKind>> = {
  health: 'medical-conclusion',
  marks: 'progress-record',
  'abroad-with-parents': 'residence-abroad',
  'abroad-alone': 'study-abroad',
};

/** The documents a case on this ground must hold, the application first. */
export function requiredDocuments(ground: Ground): DocumentKind[] {
  return ['application', SUPPORTING_DOCUMENT[ground]];
}

/**
 * Required documents not among `presentKinds`, in the order of `requiredDocuments`. Extra kinds
 * that the ground does not ask for are ignored here: they do not make a package incomplete.
 */
export function missingDocuments(ground: Ground, presentKinds: Iterable<DocumentKind>): DocumentKind[] {
  const present = new Set(presentKinds);
  return requiredDocuments(ground).filter((kind) => !present.has(kind));
}
