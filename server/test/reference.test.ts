/** Reference data: the bundled calendar years and templates served, a newer version published by an administrator replaces them, a bad one is refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarReferenceSchema, templatesReferenceSchema } from '../../shared/api';
import { BUNDLED_CALENDAR_YEARS, parseCalendarYear } from '../../shared/calendar';
import { FORM_IDS, FORM_LANGUAGES } from '../../shared/forms';
import { BACKENDS, testServer, type TestServer } from './harness';

describe.each(BACKENDS)('reference data on $name', (backend) => {
  let server: TestServer;
  let admin: string;
  let officer: string;
  beforeAll(async () => {
    server = await testServer(backend, { seed: true });
    admin = (await server.enrol('admin')).token;
    officer = (await server.enrol('officer-1')).token;
  }, 120_000);
  afterAll(() => server.close());

  it('serves every bundled calendar year and template, each passing the desk import parsers', async () => {
    const calendar = calendarReferenceSchema.parse(
      (await server.json('/reference/calendar', { token: officer })).body,
    );
    expect(calendar.years.map((y) => y.year)).toEqual(
      BUNDLED_CALENDAR_YEARS.map((y) => y.year).sort((a, b) => a - b),
    );
    for (const y of calendar.years) expect(parseCalendarYear(y.file).ok).toBe(true);
    const templates = templatesReferenceSchema.parse(
      (await server.json('/reference/templates', { token: officer })).body,
    );
    expect(templates.templates.map((t) => t.id).sort()).toEqual(
      FORM_IDS.flatMap((f) => FORM_LANGUAGES.map((l) => `${f}.${l}`)).sort(),
    );
  });

  it('serves a newer calendar version once published, and refuses one that fails its schema', async () => {
    const year = BUNDLED_CALENDAR_YEARS[0];
    if (!year) throw new Error('no bundled year');
    const next = `${year.year}.${Number(year.version.split('.')[1]) + 1}`;
    const newer = { ...structuredClone(year), version: next };
    const published = await server.json<{ version: string }>('/admin/reference/calendar', {
      token: admin,
      body: { file: newer },
    });
    expect(published.status).toBe(200);
    const calendar = calendarReferenceSchema.parse(
      (await server.json('/reference/calendar', { token: officer })).body,
    );
    expect(calendar.years.find((y) => y.year === year.year)?.version).toBe(next);
    const bad = await server.json<{ code: string }>('/admin/reference/calendar', {
      token: admin,
      body: { file: { year: 'soon' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('reference.invalid');
    const byOfficer = await server.json('/admin/reference/calendar', {
      token: officer,
      body: { file: newer },
    });
    expect(byOfficer.status).toBe(403);
  });
});
