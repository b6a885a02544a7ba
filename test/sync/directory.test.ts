/** Users and reference data from the real central server into the desk's stores (directory.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CALENDAR_YEARS } from '../../shared/calendar';
import { refreshDirectory } from '../../renderer/src/features/sync/directory';
import { startCentral, type Central } from './central';
import { enrolledDesk } from './harness';

let central: Central;
beforeAll(async () => {
  central = await startCentral();
}, 180_000);
afterAll(async () => {
  await central?.stop();
});

describe('after enrolment the desk takes the server’s users and reference data', () => {
  it('fills the user directory with the akimat’s users and roles, and imports a newer calendar year', async () => {
    const a = await enrolledDesk(central, 'officer-1');
    const year = BUNDLED_CALENDAR_YEARS[BUNDLED_CALENDAR_YEARS.length - 1]!;
    const newer = { ...year, version: `${year.year}.${Number(year.version.split('.')[1]) + 1}` };
    expect((await central.admin('POST', '/admin/reference/calendar', { file: newer })).status).toBe(200);

    const first = await refreshDirectory(a.desk, a.api);
    expect(first.usersChanged).toBe(true);
    const users = await a.desk.users.list();
    expect(users.map((u) => [u.id, u.role, u.active]).sort()).toEqual(
      [
        ['admin', 'admin', true],
        ['head-1', 'head', true],
        ['officer-1', 'officer', true],
        ['officer-2', 'officer', true],
      ].sort(),
    );
    expect(first.calendar.imported).toEqual([`calendar ${year.year} ${newer.version}`]);
    expect((await a.desk.calendar.storedYears()).find((y) => y.year === year.year)?.version).toBe(
      newer.version,
    );
    // The bundled templates the server publishes are the desk's own: nothing to import.
    expect(first.templates.imported).toEqual([]);

    const again = await refreshDirectory(a.desk, a.api);
    expect(again.usersChanged).toBe(false);
    expect(again.calendar.imported).toEqual([]);
  });
});
