import { describe, expect, it } from 'vitest';
import { validateValues, getBundledTemplate } from '../../../../shared/forms';
import { displayValue, storedValue } from './dateText';

describe('dates typed in a form', () => {
  it('show ISO values the office way and store typed ones as ISO', () => {
    expect(displayValue('date', '2026-11-19')).toBe('19.11.2026');
    expect(displayValue('datetime', '2026-11-10T15:42')).toBe('10.11.2026 15:42');
    expect(displayValue('text', '2026-11-19')).toBe('2026-11-19');
    expect(storedValue('date', '19.11.2026')).toBe('2026-11-19');
    expect(storedValue('date', '1.2.2027')).toBe('2027-02-01');
    expect(storedValue('datetime', '10.11.2026 9:05')).toBe('2026-11-10T09:05');
    expect(storedValue('datetime', '10.11.2026')).toBe('2026-11-10');
  });

  it('keep what does not read as a date, so the template check reports it', () => {
    expect(storedValue('date', '19.11.26')).toBe('19.11.26');
    expect(storedValue('date', '19.11.2026 10:00')).toBe('19.11.2026 10:00');
    const template = getBundledTemplate('appendix-2', 'kk');
    const problems = validateValues(template, { decisionDate: storedValue('date', '31.02.2026') });
    expect(problems).toContainEqual({ field: 'decisionDate', code: 'invalid-date' });
  });

  it('round-trip every stored ISO value through the field unchanged', () => {
    for (const [type, iso] of [
      ['date', '2026-01-09'],
      ['datetime', '2026-12-31T23:59'],
    ] as const) {
      expect(storedValue(type, displayValue(type, iso))).toBe(iso);
    }
  });
});
