import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { translations } from '../../stores/fixtures';
import { CLOCK_AHEAD_WARNING_MS, CLOCK_BEHIND_WARNING_MS, clockWarning } from './clockCheck';

const at = (iso: string) => Date.parse(iso);
let tKk: TFunction;
let tRu: TFunction;
beforeAll(async () => {
  ({ kk: tKk, ru: tRu } = await translations());
});

describe('the clock against the last known good time', () => {
  const newest = at('2026-12-02T10:00:00+05:00');

  it('says nothing for a clock within minutes of the newest event, or days after it', () => {
    expect(clockWarning(newest - CLOCK_BEHIND_WARNING_MS, [newest])).toBeUndefined();
    expect(clockWarning(newest + 7 * 86_400_000, [newest])).toBeUndefined();
    expect(clockWarning(newest, [])).toBeUndefined();
  });

  it('warns when the clock is behind the newest event the desk has seen', () => {
    const older = at('2026-11-30T10:00:00+05:00');
    expect(clockWarning(newest - 3 * 3_600_000, [older, newest, undefined])).toEqual({
      kind: 'behind',
      referenceMs: newest,
      minutes: 180,
    });
  });

  it('warns when the clock is far ahead: a year typed wrong', () => {
    expect(clockWarning(at('2027-12-02T10:00:00+05:00'), [newest])).toEqual({
      kind: 'ahead',
      referenceMs: newest,
      days: 365,
    });
    expect(clockWarning(newest + CLOCK_AHEAD_WARNING_MS + 1, [newest])?.kind).toBe('ahead');
  });

  it('tells the officer what to do, with the minutes and days in each language', () => {
    const params = { now: '02.12.2026 07:00', reference: '02.12.2026 10:00', tolerance: 10 };
    expect(tRu('record.clock.behind', { ...params, count: 180 })).toContain('не меньше чем на 180 минут.');
    expect(tRu('record.clock.behind', { ...params, count: 21 })).toContain('на 21 минуту.');
    expect(tRu('record.clock.ahead', { ...params, count: 365 })).toContain('на 365 дней позже');
    expect(tKk('record.clock.behind', { ...params, count: 180 })).toContain(
      'компьютердің күні мен уақытын түзетіңіз',
    );
  });
});
