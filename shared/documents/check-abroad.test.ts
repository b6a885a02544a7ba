import { describe, expect, it } from 'vitest';
import { checkDocument } from './check';
import { checkResidenceAbroad, checkStudyAbroad } from './check-abroad';
import {
  APPLICANT_IIN,
  codes,
  context,
  OTHER_PARENT_IIN,
  OTHER_PUPIL_IIN,
  residence,
  studyAbroad,
} from './testing';

// Requested period in every context: 2026-12-01 … 2027-05-31; today 2026-11-24.

describe('residence abroad certificate', () => {
  it('passes when it is about the applicant and covers the whole period', () => {
    expect(checkResidenceAbroad(residence(), context())).toEqual({ status: 'pass', findings: [] });
  });

  it('asks for judgement when it names someone else, who may be the other parent', () => {
    const result = checkDocument(residence({ personIin: OTHER_PARENT_IIN }), context());
    expect(result).toEqual({
      status: 'judgement',
      findings: [{ code: 'residence.person-not-applicant', severity: 'judgement' }],
    });
  });

  it('fails with the reason when the person IIN is not a valid IIN', () => {
    const result = checkDocument(residence({ personIin: '0000000000000' }), context());
    expect(result.findings).toEqual([
      { code: 'residence.person-iin-invalid', severity: 'fail', params: { reason: 'format' } },
    ]);
  });

  it('compares the person with the applicant, not with the pupil', () => {
    const result = checkDocument(
      residence(),
      context({ applicantIin: OTHER_PARENT_IIN, pupilIin: APPLICANT_IIN }),
    );
    expect(codes(result)).toEqual(['residence.person-not-applicant']);
  });

  it('fails with the uncovered end of the period', () => {
    const result = checkDocument(residence({ validTo: '2027-03-15' }), context());
    expect(result).toEqual({
      status: 'fail',
      findings: [
        {
          code: 'residence.period-not-covered',
          severity: 'fail',
          params: { from: '2027-03-16', to: '2027-05-31' },
        },
      ],
    });
  });

  it('fails with both uncovered parts when it covers only the middle', () => {
    const result = checkDocument(residence({ validFrom: '2027-01-01', validTo: '2027-02-28' }), context());
    expect(result.findings.map((f) => f.params)).toEqual([
      { from: '2026-12-01', to: '2026-12-31' },
      { from: '2027-03-01', to: '2027-05-31' },
    ]);
  });

  it('fails when its validity ended before today, as well as for the whole period', () => {
    const result = checkDocument(residence({ validFrom: '2025-09-01', validTo: '2026-11-23' }), context());
    expect(result.status).toBe('fail');
    expect(result.findings).toEqual([
      { code: 'residence.expired', severity: 'fail', params: { validTo: '2026-11-23', today: '2026-11-24' } },
      {
        code: 'residence.period-not-covered',
        severity: 'fail',
        params: { from: '2026-12-01', to: '2027-05-31' },
      },
    ]);
  });

  it('fails for a certificate of residence in Kazakhstan', () => {
    expect(codes(checkDocument(residence({ country: 'KZ' }), context()))).toEqual([
      'residence.country-is-kazakhstan',
    ]);
  });

  it('lets a failure outweigh the other-parent judgement', () => {
    const doc = residence({ personIin: OTHER_PARENT_IIN, validTo: '2027-01-31' });
    const result = checkDocument(doc, context());
    expect(result.status).toBe('fail');
    expect(codes(result)).toEqual(['residence.person-not-applicant', 'residence.period-not-covered']);
  });

  it('treats a period ending before it starts, or a country name instead of a code, as malformed', () => {
    const reversed = checkDocument(residence({ validFrom: '2027-09-01', validTo: '2027-08-31' }), context());
    expect(reversed.findings[0]).toMatchObject({ code: 'document.malformed', params: { paths: 'validTo' } });
    const named = checkDocument(residence({ country: 'Germany' }), context());
    expect(named.findings[0]).toMatchObject({ code: 'document.malformed', params: { paths: 'country' } });
  });
});

describe('study abroad document', () => {
  it('passes when it is about the pupil and covers the whole period', () => {
    expect(checkStudyAbroad(studyAbroad(), context())).toEqual({ status: 'pass', findings: [] });
  });

  it('fails when it is about another pupil', () => {
    expect(checkDocument(studyAbroad({ pupilIin: OTHER_PUPIL_IIN }), context())).toEqual({
      status: 'fail',
      findings: [{ code: 'study-abroad.pupil-iin-mismatch', severity: 'fail' }],
    });
  });

  it('fails when it names the applicant instead of the pupil', () => {
    expect(codes(checkDocument(studyAbroad({ pupilIin: APPLICANT_IIN }), context()))).toEqual([
      'study-abroad.pupil-iin-mismatch',
    ]);
  });

  it('fails with the reason when the IIN is not a valid IIN', () => {
    const result = checkDocument(studyAbroad({ pupilIin: '120304000000' }), context());
    expect(result.status).toBe('fail');
    expect(codes(result)).toEqual(['study-abroad.pupil-iin-invalid']);
    expect(result.findings[0]?.params?.reason).toBe('century'); // 7th digit 0 names no century
  });

  it('fails with the uncovered start of the period', () => {
    const result = checkDocument(studyAbroad({ from: '2027-01-15' }), context());
    expect(result.findings).toEqual([
      {
        code: 'study-abroad.period-not-covered',
        severity: 'fail',
        params: { from: '2026-12-01', to: '2027-01-14' },
      },
    ]);
  });

  it('accepts a document that ends on the last day of the requested period', () => {
    expect(checkDocument(studyAbroad({ to: '2027-05-31' }), context()).status).toBe('pass');
  });

  it('fails for study in Kazakhstan', () => {
    expect(codes(checkDocument(studyAbroad({ country: 'KZ' }), context()))).toEqual([
      'study-abroad.country-is-kazakhstan',
    ]);
  });
});
