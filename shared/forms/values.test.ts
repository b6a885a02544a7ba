import { describe, expect, it } from 'vitest';
import { getBundledTemplate } from './templates';
import { formatDate, formatDateTime, formatModified, formatValues, validateValues } from './values';

describe('dates', () => {
  it('prints dd.MM.yyyy from an ISO date or date-time', () => {
    expect(formatDate('2026-11-05')).toBe('05.11.2026');
    expect(formatDate('2026-11-05T23:30:00+05:00')).toBe('05.11.2026');
  });

  it('keeps the wall-clock time written in the ISO string', () => {
    expect(formatDateTime('2026-11-10T15:42:00+05:00')).toBe('10.11.2026 15:42');
  });

  it('refuses impossible dates instead of rolling them over', () => {
    expect(formatDate('2026-02-30')).toBeUndefined();
    expect(formatDate('05.11.2026')).toBeUndefined();
    expect(formatDateTime('2026-11-10T25:00')).toBeUndefined();
  });
});

describe('validateValues', () => {
  const a3 = getBundledTemplate('appendix-3', 'kk');
  const full: Record<string, string> = {
    caseNumber: 'KZ26RVE01234567',
    receivedAt: '2026-11-10T15:42:00+05:00',
    providerName: 'Сайрам ауданының әкімдігі',
    applicantFullName: 'Тәжіғалиева Шаһизада',
    applicantIin: '880315400128',
    applicationDate: '2026-11-10',
    orderDate: '2026-11-19',
    orderNumber: '147-ө',
    signatoryName: 'Оспанова Жанар',
    signatoryPosition: 'Білім бөлімінің басшысы',
  };

  it('finds nothing wrong with complete, well-formed values', () => {
    expect(validateValues(a3, full)).toEqual([]);
  });

  it('reports every problem with its field and code, in field order', () => {
    const problems = validateValues(a3, {
      ...full,
      caseNumber: '   ',
      applicantIin: '880315400127',
      orderDate: '2026-13-01',
      signatoryName: 'Ә'.repeat(201),
    });
    expect(problems).toEqual([
      { field: 'caseNumber', code: 'required' },
      { field: 'applicantIin', code: 'invalid-iin' },
      { field: 'orderDate', code: 'invalid-date' },
      { field: 'signatoryName', code: 'too-long' },
    ]);
  });

  it('checks enum values against the options', () => {
    const order = getBundledTemplate('order', 'ru');
    const problems = validateValues(order, { ground: 'lazy' });
    expect(problems).toContainEqual({ field: 'ground', code: 'invalid-option' });
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(validateValues(a3, { ...full, signatoryName: 'Ә'.repeat(200) })).toEqual([]);
  });
});

describe('formatValues', () => {
  it('prints enum labels, dates and single-line text as they go on paper', () => {
    const order = getBundledTemplate('order', 'kk');
    const printed = formatValues(order, {
      ground: 'health',
      studyFrom: '2026-11-20',
      schoolName: ' № 12\nмектеп ',
    });
    expect(printed.get('ground')).toMatch(/^денсаулық жағдайы бойынша/);
    expect(printed.get('studyFrom')).toBe('20.11.2026');
    expect(printed.get('schoolName')).toBe('№ 12 мектеп');
    expect(printed.get('headName')).toBe('');
  });

  it('normalizes decomposed letters to NFC so the font finds their glyphs', () => {
    const a2 = getBundledTemplate('appendix-2', 'kk');
    const decomposed = 'Й'.normalize('NFD');
    expect(formatValues(a2, { applicantFullName: decomposed }).get('applicantFullName')).toBe('Й');
  });
});

describe('dates in the form a placeholder asks for', () => {
  const order = getBundledTemplate('order', 'kk');
  const field = (name: string) => order.fields.find((f) => f.name === name);

  it('writes a Kazakh date in words in its case, and its parts for the act’s blanks', () => {
    expect(formatModified(field('studyFrom'), '2026-11-20', ['ablative'], 'kk')).toBe(
      '2026 жылғы 20 қарашадан',
    );
    expect(formatModified(field('studyTo'), '2027-05-25', ['dative'], 'kk')).toBe('2027 жылғы 25 мамырға');
    expect(formatModified(field('orderDate'), '2026-11-19', ['year'], 'kk')).toBe('2026');
    expect(formatModified(field('orderDate'), '2026-11-09', ['day'], 'kk')).toBe('9');
    expect(formatModified(field('orderDate'), '2026-11-19', ['month', 'attributive'], 'kk')).toBe(
      'қарашадағы',
    );
  });

  it('writes a Russian date with the month in the genitive', () => {
    const ru = getBundledTemplate('order', 'ru').fields.find((f) => f.name === 'studyFrom');
    expect(formatModified(ru, '2026-11-20', ['genitive'], 'ru')).toBe('20 ноября 2026 года');
  });

  it('prints what is not a date as typed (a preview), and an empty value as empty', () => {
    expect(formatModified(field('studyFrom'), '20.11.2026', ['ablative'], 'kk')).toBe('20.11.2026');
    expect(formatModified(field('studyFrom'), '', ['ablative'], 'kk')).toBe('');
    expect(formatModified(undefined, '2026-11-20', ['ablative'], 'kk')).toBe('');
  });
});
