/** The forms of the demo's results and the files each is kept as (see results.ts, write-files.mjs). */
export const DEMO_RESULTS = {
  'appendix-3': {
    document: 'result-grant.pdf',
    signedPdf: 'result-grant.signed.pdf',
    signature: 'result-grant.signed.pdf.cms',
  },
  'appendix-2': {
    document: 'result-refusal.pdf',
    signedPdf: 'result-refusal.signed.pdf',
    signature: 'result-refusal.signed.pdf.cms',
  },
} as const;

export type DemoResultForm = keyof typeof DEMO_RESULTS;

/** The language the demo's results are produced in. */
export const DEMO_RESULT_LANGUAGE = 'kk';
