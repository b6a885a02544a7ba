/**
 * Version 10: the head's dashboard facts of every case (`caseFacts`, shared/metrics' CaseFacts),
 * kept beside the projection so the dashboard reads small records instead of every whole case.
 * A new table and nothing moved here: deriving the facts needs the working-day calendar (bundled
 * years, imported ones and the office hours), which an upgrade cannot see. The desk derives the
 * missing ones from the stored projections in the background after it opens (`cases/facts.ts`,
 * marker `dashboard.caseFacts` in `syncState`), and until then the dashboard derives a case that has
 * none from its projection, as it did before: nothing is missing from it meanwhile.
 *
 * (Version 9 is another change's, released in the same session; version 10 is declared on top of
 * whatever 9 holds and changes none of its tables.)
 */
export const STORES_V10 = {
  caseFacts: 'caseId',
} as const;
