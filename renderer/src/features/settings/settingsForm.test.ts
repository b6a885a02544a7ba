import { describe, expect, it } from 'vitest';
import { DEMO_SETTINGS, validateSettings } from '../../../../shared/settings';
import {
  bytesToMegabytes,
  calendarYearRows,
  getAt,
  issuesByPath,
  megabytesToBytes,
  setAt,
  textToInteger,
  toDraft,
} from './settingsForm';

describe('draft paths', () => {
  it('reads and writes nested fields and list items without touching the original', () => {
    const draft = toDraft(DEMO_SETTINGS);
    const next = setAt(draft, 'head.name.ru', 'Петрова Анна');
    expect(getAt(next, 'head.name.ru')).toBe('Петрова Анна');
    expect(getAt(draft, 'head.name.ru')).toBe(DEMO_SETTINGS.head.name.ru);
    const list = setAt({ items: [{ id: 'a' }, { id: 'b' }] }, 'items.1.id', 'c');
    expect(getAt(list, 'items.1.id')).toBe('c');
    expect(Array.isArray(getAt(list, 'items'))).toBe(true);
    expect(getAt(setAt(draft, 'akimat.name.ru', 'Акимат'), 'akimat.name.kk')).toBe(
      DEMO_SETTINGS.akimat.name.kk,
    );
  });

  it('maps the validator’s issues to the fields they belong to', () => {
    let draft = toDraft(DEMO_SETTINGS);
    draft = setAt(draft, 'akimat.bin', '123');
    draft = setAt(draft, 'head.name.kk', '  ');
    draft = setAt(draft, 'officeHours.opens', '25:00');
    const result = validateSettings(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(issuesByPath(result.issues)).toMatchObject({
      'akimat.bin': 'bin.format',
      'head.name.kk': 'required',
      'officeHours.opens': 'time.format',
    });
  });
});

describe('attachment limit in megabytes', () => {
  it('converts whole and decimal megabytes and leaves garbage for the validator', () => {
    expect(megabytesToBytes('20')).toBe(20 * 1024 * 1024);
    expect(megabytesToBytes('1.5')).toBe(1572864);
    expect(megabytesToBytes('много')).toBe('много');
    expect(bytesToMegabytes(20 * 1024 * 1024)).toBe('20');
  });
});

describe('whole minutes', () => {
  it('reads digits as a number and leaves anything else for the validator', () => {
    expect(textToInteger(' 15 ')).toBe(15);
    expect(textToInteger('1.5')).toBe('1.5');
    expect(textToInteger('он')).toBe('он');
    expect(textToInteger('')).toBe('');
  });
});

describe('calendarYearRows', () => {
  it('lists every year up to next year, imported files winning, missing years provisional', () => {
    const rows = calendarYearRows(
      [
        { year: 2025, version: '2025.1', status: 'official' },
        { year: 2026, version: '2026.1', status: 'partial' },
      ],
      [{ year: 2026, version: '2026.3', status: 'official' }],
      2026,
    );
    expect(rows).toEqual([
      { year: 2027, version: '', status: 'provisional', source: 'none' },
      { year: 2026, version: '2026.3', status: 'official', source: 'imported' },
      { year: 2025, version: '2025.1', status: 'official', source: 'bundled' },
    ]);
  });
});
