/**
 * Which documents a case needs (SERVICE.md "Documents the recipient submits", standard item 8):
 * the application always, plus the one supporting document its ground calls for.
 */

// The lists are the single source of the two unions (and of the zod enums the workflow builds).
export const GROUNDS = ['health', 'marks', 'abroad-with-parents', 'abroad-alone'] as const;
export type Ground = (typeof GROUNDS)[number];

export const DOCUMENT_KINDS = [
  'application',
  'medical-conclusion',
  'progress-record',
  'residence-abroad',
  'study-abroad',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

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
