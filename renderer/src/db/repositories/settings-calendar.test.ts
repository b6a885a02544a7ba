import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/calendar';
import { DEMO_SETTINGS, type Settings } from '../../../../shared/settings';
import type { Desk } from '../desk';
import { openTestDesk } from '../testing';

let desk: Desk;
afterEach(() => desk.close());

const demo = (): Settings => structuredClone(DEMO_SETTINGS);

describe('settingsRepository', () => {
  it('gives the demo settings until some are saved, then the saved ones', async () => {
    desk = await openTestDesk();
    expect(await desk.settings.get()).toEqual(DEMO_SETTINGS);
    const changed = demo();
    changed.language = 'ru';
    changed.akimat.name.kk = 'Жаңа атау';
    expect(await desk.settings.save(changed)).toMatchObject({ ok: true });
    expect(await desk.settings.get()).toMatchObject({
      language: 'ru',
      akimat: { name: { kk: 'Жаңа атау' } },
    });
  });

  it('stores nothing when the input does not validate and returns the issue codes', async () => {
    desk = await openTestDesk();
    const bad = demo();
    bad.akimat.bin = '123';
    expect(await desk.settings.save(bad)).toEqual({
      ok: false,
      issues: [{ path: ['akimat', 'bin'], code: 'bin.format' }],
    });
    expect(await desk.db.settings.count()).toBe(0);
  });
});

describe('calendarRepository', () => {
  const y2026 = () => structuredClone(BUNDLED_CALENDAR_YEARS.find((y) => y.year === 2026)!);

  it('uses a stored year file instead of the bundled one, and the bundled one again once removed', async () => {
    desk = await openTestDesk();
    expect((await desk.calendar.get()).isWorkingDay('2026-11-25')).toBe(true);
    const file = y2026();
    file.version = '2026.99';
    file.daysOff.push({ date: '2026-11-25', key: 'transfer', note: 'test' });
    file.workingWeekends.push({ date: '2026-11-28', note: 'test' });
    expect(await desk.calendar.importYear(file)).toEqual({ ok: true, year: 2026 });
    expect((await desk.calendar.get()).isWorkingDay('2026-11-25')).toBe(false);
    expect(await desk.calendar.storedYears()).toMatchObject([{ year: 2026, version: '2026.99' }]);

    await desk.calendar.removeYear(2026);
    expect((await desk.calendar.get()).isWorkingDay('2026-11-25')).toBe(true);
  });

  it('rejects an invalid file with its errors and keeps the calendar as it was', async () => {
    desk = await openTestDesk();
    const result = await desk.calendar.importYear({ ...y2026(), year: 'next' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('year');
    expect(await desk.calendar.storedYears()).toEqual([]);
  });

  it('takes the office hours from the settings and follows their change', async () => {
    desk = await openTestDesk();
    const heard: number[] = [];
    desk.calendar.onChange(() => heard.push(1));
    expect((await desk.calendar.get()).officeHours.closes).toBe('18:30');
    const s = demo();
    s.officeHours.closes = '18:00';
    await desk.settings.save(s);
    expect((await desk.calendar.get()).officeHours.closes).toBe('18:00');
    expect(heard).toHaveLength(1);
  });
});
