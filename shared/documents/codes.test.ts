import { describe, expect, it } from 'vitest';
import { checkDocument } from './check';
import { DOCUMENT_FINDING_CODES } from './findings';
import type { DocumentFindingCode, Severity } from './findings';
import type { CheckContext } from './schemas';
import {
  context,
  medical,
  OTHER_PARENT_IIN,
  OTHER_PUPIL_IIN,
  progress,
  residence,
  studyAbroad,
} from './testing';

// One input per code: the Record type makes the compiler refuse a code without a case here, so a
// new code cannot ship without a test that produces it (and the UI can rely on FINDING_CODES).
const grades = (...list: [string, number, number | 'pass'][]) =>
  list.map(([year, grade, finalMark]) => ({ year, grade, subjects: [{ subject: 'Математика', finalMark }] }));

const CASES: Record<
  DocumentFindingCode,
  { severity: Exclude<Severity, 'info'>; doc: unknown; ctx?: CheckContext }
> = {
  'document.malformed': { severity: 'fail', doc: { ...medical(), recommendation: null } },
  'context.malformed': {
    severity: 'fail',
    doc: medical(),
    ctx: { ...context(), applicantIin: null } as unknown as CheckContext,
  },

  'medical.number-missing': { severity: 'fail', doc: medical({ number: null }) },
  'medical.date-missing': { severity: 'fail', doc: medical({ date: '' }) },
  'medical.date-invalid': { severity: 'fail', doc: medical({ date: '2026-04-31' }) },
  'medical.date-in-future': { severity: 'fail', doc: medical({ date: '2026-12-01' }) },
  'medical.commission-missing': { severity: 'fail', doc: medical({ commission: null }) },
  'medical.pupil-iin-invalid': { severity: 'fail', doc: medical({ pupilIin: 'IIN' }) },
  'medical.pupil-iin-mismatch': { severity: 'fail', doc: medical({ pupilIin: OTHER_PUPIL_IIN }) },
  'medical.recommendation-other': {
    severity: 'judgement',
    doc: medical({ recommendation: { code: 'other', text: '' } }),
  },
  'medical.expired': { severity: 'fail', doc: medical({ validUntil: '2026-06-30' }) },
  'medical.older-than-12-months': { severity: 'judgement', doc: medical({ date: '2025-01-10' }) },

  'progress.pupil-iin-invalid': { severity: 'fail', doc: progress({ pupilIin: '' }) },
  'progress.pupil-iin-mismatch': { severity: 'fail', doc: progress({ pupilIin: OTHER_PUPIL_IIN }) },
  'progress.low-mark': { severity: 'fail', doc: progress({ years: grades(['2024-2025', 2, 3]) }) },
  'progress.non-numeric-mark': {
    severity: 'judgement',
    doc: progress({ years: grades(['2024-2025', 2, 'pass']) }),
  },
  'progress.grade-gap': {
    severity: 'judgement',
    doc: progress({ years: grades(['2023-2024', 2, 5], ['2024-2025', 4, 5]) }),
  },
  'progress.grade-repeated': {
    severity: 'judgement',
    doc: progress({ years: grades(['2023-2024', 3, 5], ['2024-2025', 2, 5]) }),
  },
  'progress.year-gap': {
    severity: 'judgement',
    doc: progress({ years: grades(['2020-2021', 2, 5], ['2024-2025', 3, 5]) }),
  },
  'progress.early-grades-missing': {
    severity: 'judgement',
    doc: progress({ years: grades(['2024-2025', 3, 5]) }),
  },

  'residence.person-iin-invalid': { severity: 'fail', doc: residence({ personIin: '99999999999a' }) },
  'residence.person-not-applicant': {
    severity: 'judgement',
    doc: residence({ personIin: OTHER_PARENT_IIN }),
  },
  'residence.country-is-kazakhstan': { severity: 'fail', doc: residence({ country: 'KZ' }) },
  'residence.expired': {
    severity: 'fail',
    doc: residence({ validFrom: '2025-01-01', validTo: '2025-12-31' }),
  },
  'residence.period-not-covered': { severity: 'fail', doc: residence({ validFrom: '2027-02-01' }) },

  'study-abroad.pupil-iin-invalid': { severity: 'fail', doc: studyAbroad({ pupilIin: '000000000000' }) },
  'study-abroad.pupil-iin-mismatch': { severity: 'fail', doc: studyAbroad({ pupilIin: OTHER_PUPIL_IIN }) },
  'study-abroad.country-is-kazakhstan': { severity: 'fail', doc: studyAbroad({ country: 'KZ' }) },
  'study-abroad.period-not-covered': { severity: 'fail', doc: studyAbroad({ to: '2027-04-30' }) },
};

describe('every finding code', () => {
  it('has a case here, and nothing here is outside DOCUMENT_FINDING_CODES', () => {
    expect(Object.keys(CASES).sort()).toEqual([...DOCUMENT_FINDING_CODES].sort());
  });

  it.each(DOCUMENT_FINDING_CODES.map((code) => [code, CASES[code]] as const))(
    '%s is produced with its severity, and the status follows',
    (code, { severity, doc, ctx }) => {
      const result = checkDocument(doc, ctx ?? context());
      const produced = result.findings.filter((f) => f.code === code);
      expect(produced.length).toBeGreaterThan(0);
      for (const f of produced) expect(f.severity).toBe(severity);
      // Each input has only this one defect (or defects of the same weight), so the status is its severity.
      expect(result.status).toBe(severity);
    },
  );
});
