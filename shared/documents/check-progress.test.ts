import { describe, expect, it } from 'vitest';
import { checkDocument } from './check';
import { checkProgressRecord } from './check-progress';
import type { ProgressYear } from './schemas';
import { codes, context, OTHER_PUPIL_IIN, progress } from './testing';

const year = (
  y: string,
  grade: number,
  marks: Record<string, ProgressYear['subjects'][number]['finalMark']>,
) => ({
  year: y,
  grade,
  subjects: Object.entries(marks).map(([subject, finalMark]) => ({ subject, finalMark })),
});

describe('progress record: marks', () => {
  it('passes when every mark of every year is 4 or 5, whatever order the years come in', () => {
    expect(checkProgressRecord(progress(), context())).toEqual({ status: 'pass', findings: [] });
  });

  it('fails with one finding per subject and year with a 1, 2 or 3', () => {
    const doc = progress({
      years: [
        year('2021-2022', 2, { Математика: 3, 'Қазақ тілі': 5 }),
        year('2022-2023', 3, { Математика: 5, 'Қазақ тілі': 2, Музыка: 1 }),
      ],
    });
    const result = checkDocument(doc, context());
    expect(result.status).toBe('fail');
    expect(result.findings).toEqual([
      {
        code: 'progress.low-mark',
        severity: 'fail',
        params: { subject: 'Математика', year: '2021-2022', grade: 2, mark: 3 },
      },
      {
        code: 'progress.low-mark',
        severity: 'fail',
        params: { subject: 'Қазақ тілі', year: '2022-2023', grade: 3, mark: 2 },
      },
      {
        code: 'progress.low-mark',
        severity: 'fail',
        params: { subject: 'Музыка', year: '2022-2023', grade: 3, mark: 1 },
      },
    ]);
  });

  it('asks for judgement on credited and exempted subjects, naming the mark', () => {
    const doc = progress({
      years: [year('2022-2023', 2, { Математика: 5, 'Дене шынықтыру': 'exempt', Музыка: 'pass' })],
    });
    const result = checkDocument(doc, context());
    expect(result.status).toBe('judgement');
    expect(result.findings.map((f) => [f.code, f.severity, f.params?.mark, f.params?.subject])).toEqual([
      ['progress.non-numeric-mark', 'judgement', 'exempt', 'Дене шынықтыру'],
      ['progress.non-numeric-mark', 'judgement', 'pass', 'Музыка'],
    ]);
  });

  it('fails when a low mark and a credited subject come together', () => {
    const doc = progress({ years: [year('2022-2023', 2, { Математика: 3, Музыка: 'pass' })] });
    expect(checkDocument(doc, context()).status).toBe('fail');
  });
});

describe('progress record: the years', () => {
  it('asks for judgement when a grade is missing between two years', () => {
    const doc = progress({
      years: [year('2021-2022', 2, { Математика: 5 }), year('2022-2023', 4, { Математика: 5 })],
    });
    expect(checkDocument(doc, context()).findings).toEqual([
      { code: 'progress.grade-gap', severity: 'judgement', params: { afterGrade: 2, beforeGrade: 4 } },
    ]);
  });

  it('asks for judgement when academic years are missing between two recorded ones', () => {
    const doc = progress({
      years: [year('2022-2023', 3, { Математика: 5 }), year('2019-2020', 2, { Математика: 5 })],
    });
    const result = checkDocument(doc, context());
    expect(result.status).toBe('judgement');
    expect(result.findings).toEqual([
      {
        code: 'progress.year-gap',
        severity: 'judgement',
        params: { afterYear: '2019-2020', beforeYear: '2022-2023' },
      },
    ]);
  });

  it('asks for judgement when a grade repeats in a later year', () => {
    const doc = progress({
      years: [year('2021-2022', 2, { Математика: 5 }), year('2022-2023', 2, { Математика: 5 })],
    });
    expect(checkDocument(doc, context()).findings).toEqual([
      { code: 'progress.grade-repeated', severity: 'judgement', params: { grade: 2, year: '2022-2023' } },
    ]);
  });

  it('asks for judgement when the record starts after the second grade', () => {
    const doc = progress({
      years: [year('2024-2025', 6, { Математика: 5 }), year('2025-2026', 7, { Математика: 4 })],
    });
    expect(checkDocument(doc, context()).findings).toEqual([
      {
        code: 'progress.early-grades-missing',
        severity: 'judgement',
        params: { firstGrade: 6, expectedFrom: 2 },
      },
    ]);
  });

  it('accepts a record that starts with the first grade', () => {
    const doc = progress({
      years: [year('2020-2021', 1, { Математика: 5 }), year('2021-2022', 2, { Математика: 5 })],
    });
    expect(checkDocument(doc, context()).status).toBe('pass');
  });
});

describe('progress record: the pupil', () => {
  it('fails when the record is about another pupil', () => {
    const result = checkDocument(progress({ pupilIin: OTHER_PUPIL_IIN }), context());
    expect(result).toEqual({
      status: 'fail',
      findings: [{ code: 'progress.pupil-iin-mismatch', severity: 'fail' }],
    });
  });

  it('fails with the reason when the IIN is not a valid IIN', () => {
    const result = checkDocument(progress({ pupilIin: '12345' }), context());
    expect(result.findings).toEqual([
      { code: 'progress.pupil-iin-invalid', severity: 'fail', params: { reason: 'format' } },
    ]);
  });
});

describe('progress record: shape', () => {
  it.each([
    ['a mark of 6', [year('2022-2023', 2, { Математика: 6 })], 'years.0.subjects.0.finalMark'],
    ['a mark of 0', [year('2022-2023', 2, { Математика: 0 })], 'years.0.subjects.0.finalMark'],
    ['a fractional mark', [year('2022-2023', 2, { Математика: 4.5 })], 'years.0.subjects.0.finalMark'],
    [
      'an unknown mark code',
      [year('2022-2023', 2, { Математика: 'зачтено' as 'pass' })],
      'years.0.subjects.0.finalMark',
    ],
    ['years that do not follow', [year('2022-2024', 2, { Математика: 5 })], 'years.0.year'],
    ['a year without subjects', [{ year: '2022-2023', grade: 2, subjects: [] }], 'years.0.subjects'],
    ['the same year twice', [year('2022-2023', 2, { М: 5 }), year('2022-2023', 3, { М: 5 })], 'years'],
    ['no years at all', [], 'years'],
  ])('reports %s as malformed at its path', (_what, years, path) => {
    const result = checkDocument({ ...progress(), years }, context());
    expect(result.status).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.code).toBe('document.malformed');
    expect(result.findings[0]?.params?.paths).toBe(path);
  });
});

describe('progress record: combined', () => {
  it('reports identity, marks and sequence findings together', () => {
    const doc = progress({
      pupilIin: OTHER_PUPIL_IIN,
      years: [year('2021-2022', 3, { Математика: 'pass' }), year('2022-2023', 5, { Математика: 2 })],
    });
    expect(codes(checkDocument(doc, context()))).toEqual([
      'progress.pupil-iin-mismatch',
      'progress.non-numeric-mark',
      'progress.low-mark',
      'progress.early-grades-missing',
      'progress.grade-gap',
    ]);
  });
});
