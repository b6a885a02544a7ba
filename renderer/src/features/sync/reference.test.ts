import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/calendar';
import { getBundledTemplate } from '../../../../shared/forms/templates';
import { openTestDesk } from '../../db/testing';
import { applyCalendar, applyTemplates, compareVersions } from './reference';

const serverTime = '2026-12-01T05:00:00.000Z';
const year = BUNDLED_CALENDAR_YEARS[BUNDLED_CALENDAR_YEARS.length - 1]!;
const bump = (version: string, n: number) => `${version.split('.')[0]}.${Number(version.split('.')[1]) + n}`;

describe('reference data from the central system', () => {
  it('orders versions by their numbers, a pre-release before its release', () => {
    expect(compareVersions('2026.10', '2026.9')).toBeGreaterThan(0);
    expect(compareVersions('1.2.0', '1.10.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0-draft', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('2', '2.0.0')).toBe(0);
  });

  it('imports a newer calendar year, keeps a newer local import, refuses a broken file', async () => {
    const desk = await openTestDesk();
    const newer = { ...year, version: bump(year.version, 1) };
    const first = await applyCalendar(desk, {
      years: [{ year: year.year, version: newer.version, publishedAt: serverTime, file: newer }],
      serverTime,
    });
    expect(first.imported).toHaveLength(1);
    expect((await desk.calendar.storedYears()).find((y) => y.year === year.year)?.version).toBe(
      newer.version,
    );

    // The akimat imported an even newer file by hand: an older server version does not replace it.
    const local = { ...year, version: bump(year.version, 5) };
    expect((await desk.calendar.importYear(local)).ok).toBe(true);
    const again = await applyCalendar(desk, {
      years: [
        {
          year: year.year,
          version: bump(year.version, 2),
          publishedAt: serverTime,
          file: { ...year, version: bump(year.version, 2) },
        },
      ],
      serverTime,
    });
    expect(again.kept).toHaveLength(1);
    expect((await desk.calendar.storedYears()).find((y) => y.year === year.year)?.version).toBe(
      local.version,
    );

    const broken = await applyCalendar(desk, {
      years: [{ year: 2031, version: '2031.1', publishedAt: serverTime, file: { year: 2031 } }],
      serverTime,
    });
    expect(broken.invalid).toHaveLength(1);
    expect((await desk.calendar.storedYears()).some((y) => y.year === 2031)).toBe(false);
    desk.close();
  });

  it('makes a newer template active and leaves one the desk already has or that is older', async () => {
    const desk = await openTestDesk();
    const bundled = getBundledTemplate('appendix-3', 'kk');
    const newer = { ...bundled, version: '99.0.0' };
    const item = (version: string, template: unknown) => ({
      id: 'appendix-3.kk',
      version,
      publishedAt: serverTime,
      template,
    });
    const first = await applyTemplates(desk, { templates: [item('99.0.0', newer)], serverTime });
    expect(first.imported).toEqual(['template appendix-3.kk 99.0.0']);
    expect((await desk.templates.active('appendix-3', 'kk')).entry.version).toBe('99.0.0');
    // A manager goes back to the bundled one: the same server version does not take over again.
    const bundledRef = (await desk.templates.versions('appendix-3', 'kk')).find(
      (v) => v.importedAt === undefined,
    )!.ref;
    expect(await desk.templates.activate('appendix-3', 'kk', bundledRef)).toBe(true);
    const again = await applyTemplates(desk, { templates: [item('99.0.0', newer)], serverTime });
    expect(again.kept).toHaveLength(1);
    expect((await desk.templates.active('appendix-3', 'kk')).entry.version).toBe(String(bundled.version));
    const unknown = await applyTemplates(desk, {
      templates: [{ ...item('1.0.0', newer), id: 'nonsense.xx' }],
      serverTime,
    });
    expect(unknown.invalid).toHaveLength(1);
    desk.close();
  });
});
