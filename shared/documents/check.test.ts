import { describe, expect, it } from 'vitest';
import { checkDocument, MAX_REPORTED_PATHS } from './check';
import type { CheckContext } from './schemas';
import { context, medical, progress, PUPIL_IIN, residence, studyAbroad } from './testing';

describe('checkDocument: dispatch by kind', () => {
  it('checks each kind with its own rules', () => {
    // Each document has one defect only its own check knows, so the codes show which check ran.
    const first = (doc: unknown) => checkDocument(doc, context()).findings.map((f) => f.code);
    expect(first(medical({ number: '' }))).toEqual(['medical.number-missing']);
    expect(first(progress({ pupilIin: '1' }))).toEqual(['progress.pupil-iin-invalid']);
    expect(first(residence({ validTo: '2026-11-01', validFrom: '2026-01-01' }))).toEqual([
      'residence.expired',
      'residence.period-not-covered',
    ]);
    expect(first(studyAbroad({ to: '2027-01-31' }))).toEqual(['study-abroad.period-not-covered']);
  });

  it('keeps fields a later version of the central system may add', () => {
    expect(checkDocument({ ...medical(), formVersion: 3 }, context()).status).toBe('pass');
  });
});

describe('checkDocument: malformed documents', () => {
  it.each([
    ['null', null, '$'],
    ['a string', 'medical-conclusion', '$'],
    ['a number', 42, '$'],
    ['an array', [medical()], '$'],
    ['an empty object', {}, 'kind'],
  ])('fails on %s without throwing', (_what, input, path) => {
    const result = checkDocument(input, context());
    expect(result.status).toBe('fail');
    expect(result.findings).toEqual([
      {
        code: 'document.malformed',
        severity: 'fail',
        params: { count: 1, paths: path },
      },
    ]);
  });

  it('fails on an unknown kind, including the application, which has no structured data here', () => {
    for (const kind of ['application', 'passport']) {
      expect(checkDocument({ ...medical(), kind }, context()).findings[0]?.params).toEqual({
        count: 1,
        paths: 'kind',
      });
    }
  });

  it('lists every wrong path and counts the issues', () => {
    const doc = {
      ...medical(),
      issuer: '',
      recommendation: { code: 'sanatorium', text: 1 },
      validUntil: '2027-13-01',
    };
    const result = checkDocument(doc, context());
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.params?.count).toBe(4);
    expect(String(result.findings[0]?.params?.paths).split(', ').sort()).toEqual([
      'issuer',
      'recommendation.code',
      'recommendation.text',
      'validUntil',
    ]);
  });

  it('caps the listed paths but still counts them all', () => {
    const years = Array.from({ length: 12 }, (_, i) => ({
      year: `20${10 + i}-20${11 + i}`,
      grade: 0,
      subjects: [],
    }));
    const result = checkDocument({ ...progress(), years }, context());
    const params = result.findings[0]?.params;
    expect(params?.count).toBe(24);
    expect(String(params?.paths).split(', ')).toHaveLength(MAX_REPORTED_PATHS);
  });

  it('never copies the submitted values into the finding', () => {
    const doc = {
      ...medical(),
      pupilIin: 123456789012,
      pupilName: { secret: 'Иванова Мария' },
      diagnosis: ['F32.1 депрессия'],
      commission: 'ЦВКК',
    };
    const serialised = JSON.stringify(checkDocument(doc, context()));
    for (const value of ['123456789012', 'Иванова', 'F32.1', 'депрессия', 'ЦВКК', 'secret']) {
      expect(serialised).not.toContain(value);
    }
  });

  it('does not throw on hostile objects', () => {
    const throwing = Object.defineProperty({ kind: 'medical-conclusion' }, 'number', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const cyclic: Record<string, unknown> = { ...progress() };
    cyclic.years = [cyclic];
    for (const input of [throwing, cyclic, Object.create(null) as object, undefined]) {
      expect(() => checkDocument(input, context())).not.toThrow();
      expect(checkDocument(input, context()).status).toBe('fail');
    }
    expect(checkDocument(throwing, context()).findings).toEqual([
      { code: 'document.malformed', severity: 'fail', params: { count: 1, paths: '$' } },
    ]);
  });
});

describe('checkDocument: the context', () => {
  it.each([
    ['no context', undefined, '$'],
    ['a today that is not a date', { ...context(), today: '24.11.2026' }, 'today'],
    ['a pupil IIN that is not 12 digits', { ...context(), pupilIin: '12345' }, 'pupilIin'],
    [
      'a period ending before it starts',
      { ...context(), studyPeriod: { from: '2027-05-31', to: '2026-12-01' } },
      'studyPeriod.to',
    ],
  ])('fails with context.malformed for %s', (_what, ctx, path) => {
    // A stored case can hold anything after a bad migration; the types cannot promise otherwise.
    const result = checkDocument(medical(), ctx as CheckContext);
    expect(result.status).toBe('fail');
    expect(result.findings).toEqual([
      { code: 'context.malformed', severity: 'fail', params: { count: 1, paths: path } },
    ]);
    expect(JSON.stringify(result)).not.toContain(PUPIL_IIN);
  });

  it('fails with context.malformed, not an exception, when the context cannot even be read', () => {
    const ctx = Object.defineProperty({ ...context() }, 'today', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(checkDocument(medical(), ctx).findings).toEqual([
      { code: 'context.malformed', severity: 'fail', params: { count: 1, paths: '$' } },
    ]);
  });
});
