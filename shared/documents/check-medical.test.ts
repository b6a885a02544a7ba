import { describe, expect, it } from 'vitest';
import { checkDocument } from './check';
import { checkMedicalConclusion } from './check-medical';
import { codes, context, medical, OTHER_PUPIL_IIN, PUPIL_IIN } from './testing';

// Today in every context is 2026-11-24.

describe('medical conclusion: a sound one', () => {
  it('passes with no findings', () => {
    expect(checkMedicalConclusion(medical(), context())).toEqual({ status: 'pass', findings: [] });
  });

  it('passes with an externship recommendation and without a validity date', () => {
    const doc = medical({ recommendation: { code: 'externship', text: '' }, validUntil: null });
    expect(checkDocument(doc, context())).toEqual({ status: 'pass', findings: [] });
  });

  it('passes for a ДКК conclusion dated today', () => {
    expect(checkDocument(medical({ commission: 'dkk', date: '2026-11-24' }), context()).status).toBe('pass');
  });
});

describe('medical conclusion: number, date and commission', () => {
  it.each([undefined, null, '', '   '])('fails without a number (%j)', (number) => {
    const result = checkDocument({ ...medical(), number }, context());
    expect(result.status).toBe('fail');
    expect(codes(result)).toEqual(['medical.number-missing']);
  });

  it.each([undefined, null, ' '])('fails without a date (%j)', (date) => {
    expect(codes(checkDocument({ ...medical(), date }, context()))).toEqual(['medical.date-missing']);
  });

  it.each(['2026-02-30', '15.10.2026', '2026-1-5'])(
    'fails with a date that is not a real date (%s)',
    (date) => {
      const result = checkDocument(medical({ date }), context());
      expect(result).toEqual({
        status: 'fail',
        findings: [{ code: 'medical.date-invalid', severity: 'fail' }],
      });
    },
  );

  it('fails with a date after today, and says which dates', () => {
    const result = checkDocument(medical({ date: '2026-11-25' }), context());
    expect(result.status).toBe('fail');
    expect(result.findings).toEqual([
      {
        code: 'medical.date-in-future',
        severity: 'fail',
        params: { date: '2026-11-25', today: '2026-11-24' },
      },
    ]);
  });

  it('fails without the commission kind', () => {
    expect(codes(checkDocument({ ...medical(), commission: null }, context()))).toEqual([
      'medical.commission-missing',
    ]);
    expect(codes(checkDocument({ ...medical(), commission: undefined }, context()))).toEqual([
      'medical.commission-missing',
    ]);
  });
});

describe('medical conclusion: age and validity', () => {
  it('asks for judgement when older than 12 months', () => {
    const result = checkDocument(medical({ date: '2025-11-23', validUntil: null }), context());
    expect(result).toEqual({
      status: 'judgement',
      findings: [
        {
          code: 'medical.older-than-12-months',
          severity: 'judgement',
          params: { date: '2025-11-23', months: 12 },
        },
      ],
    });
  });

  it('does not complain about a conclusion exactly 12 months old', () => {
    expect(checkDocument(medical({ date: '2025-11-24', validUntil: null }), context()).status).toBe('pass');
  });

  it('fails when the validity ended before today, and says when', () => {
    const result = checkDocument(medical({ validUntil: '2026-11-23' }), context());
    expect(result.status).toBe('fail');
    expect(result.findings).toEqual([
      {
        code: 'medical.expired',
        severity: 'fail',
        params: { validUntil: '2026-11-23', today: '2026-11-24' },
      },
    ]);
  });

  it('accepts a conclusion on the last day of its validity', () => {
    expect(checkDocument(medical({ validUntil: '2026-11-24' }), context()).status).toBe('pass');
  });

  it('reports an old and expired conclusion as a failure carrying both findings', () => {
    const result = checkDocument(medical({ date: '2024-09-01', validUntil: '2025-09-01' }), context());
    expect(result.status).toBe('fail');
    expect(codes(result)).toEqual(['medical.older-than-12-months', 'medical.expired']);
  });
});

describe('medical conclusion: the pupil', () => {
  it('fails when the conclusion is about another pupil', () => {
    const result = checkDocument(medical({ pupilIin: OTHER_PUPIL_IIN }), context());
    expect(result).toEqual({
      status: 'fail',
      findings: [{ code: 'medical.pupil-iin-mismatch', severity: 'fail' }],
    });
  });

  it('accepts the pupil IIN with surrounding spaces on either side', () => {
    const result = checkDocument(
      medical({ pupilIin: ` ${PUPIL_IIN} ` }),
      context({ pupilIin: `${PUPIL_IIN}\n` }),
    );
    expect(result.status).toBe('pass');
  });

  it('fails with the reason when the IIN in the conclusion is not a valid IIN', () => {
    const broken = PUPIL_IIN.slice(0, 11) + String((Number(PUPIL_IIN[11]) + 1) % 10);
    const result = checkDocument(medical({ pupilIin: broken }), context());
    expect(result.findings).toEqual([
      { code: 'medical.pupil-iin-invalid', severity: 'fail', params: { reason: 'checksum' } },
    ]);
    expect(codes(checkDocument(medical({ pupilIin: '' }), context()))).toEqual(['medical.pupil-iin-invalid']);
  });
});

describe('medical conclusion: the recommendation', () => {
  it('asks the officer to read an "other" recommendation, without copying its text', () => {
    const doc = medical({ recommendation: { code: 'other', text: 'Санаторное лечение 3 месяца' } });
    const result = checkDocument(doc, context());
    expect(result).toEqual({
      status: 'judgement',
      findings: [{ code: 'medical.recommendation-other', severity: 'judgement' }],
    });
  });

  it('lets a failing finding outweigh the "other" judgement', () => {
    const doc = medical({ recommendation: { code: 'other', text: 'x' }, number: '' });
    expect(checkDocument(doc, context()).status).toBe('fail');
  });

  it('never puts the diagnosis, the name or the IIN into a finding', () => {
    const doc = medical({
      number: '',
      date: '2027-01-01',
      commission: null,
      pupilIin: OTHER_PUPIL_IIN,
      recommendation: { code: 'other', text: 'secret-recommendation' },
      validUntil: '2026-01-01',
    });
    const serialised = JSON.stringify(checkDocument(doc, context()));
    for (const value of [doc.diagnosis, doc.pupilName, OTHER_PUPIL_IIN, PUPIL_IIN, 'secret-recommendation']) {
      expect(serialised).not.toContain(value);
    }
  });
});
