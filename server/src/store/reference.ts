/**
 * Reference data: working-day calendar years and form templates. Every published version is kept;
 * the desks get the newest of each. The bundled files (resources/calendar, resources/forms) are
 * published at start-up if missing, and an administrator may publish newer ones (validated with
 * the same parsers the desk's import uses).
 */
import { BUNDLED_CALENDAR_YEARS, parseCalendarYear } from '../../../shared/calendar';
import { bundledTemplateJson } from '../../../shared/forms/templates';
import { parseTemplate, templateVersionString } from '../../../shared/forms/template-schema';
import { FORM_IDS, FORM_LANGUAGES } from '../../../shared/forms/types';
import type { Queryable } from '../db/types';
import { isoOf } from '../util/time';

export type ReferenceKind = 'calendar' | 'template';

export interface ReferenceItem {
  id: string;
  version: string;
  publishedAt: string;
  body: unknown;
}

export async function publish(
  db: Queryable,
  kind: ReferenceKind,
  id: string,
  version: string,
  body: unknown,
): Promise<ReferenceItem> {
  await db.query(
    'INSERT INTO reference_items (kind, item_id, version, body) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
    [kind, id, version, JSON.stringify(body)],
  );
  const { rows } = await db.query<{ published_at: unknown }>(
    'SELECT published_at FROM reference_items WHERE kind = $1 AND item_id = $2 AND version = $3',
    [kind, id, version],
  );
  return { id, version, publishedAt: isoOf(rows[0]?.published_at), body };
}

/** The bundled calendar years and templates, published once (a newer bundle adds its versions). */
export async function publishBundled(db: Queryable): Promise<void> {
  for (const year of BUNDLED_CALENDAR_YEARS)
    await publish(db, 'calendar', String(year.year), year.version, year);
  for (const form of FORM_IDS) {
    for (const language of FORM_LANGUAGES) {
      const json = bundledTemplateJson(form, language);
      const parsed = parseTemplate(json, { form, language });
      if (!parsed.ok) throw new Error(`bundled template ${form}.${language} is invalid`);
      await publish(db, 'template', `${form}.${language}`, templateVersionString(parsed.template), json);
    }
  }
}

/** The newest published version of every item of a kind. */
export async function latest(db: Queryable, kind: ReferenceKind): Promise<ReferenceItem[]> {
  const { rows } = await db.query<{ item_id: string; version: string; published_at: unknown; body: unknown }>(
    `SELECT DISTINCT ON (item_id) item_id, version, published_at, body FROM reference_items
      WHERE kind = $1 ORDER BY item_id, published_seq DESC`,
    [kind],
  );
  return rows.map((r) => ({
    id: r.item_id,
    version: r.version,
    publishedAt: isoOf(r.published_at),
    body: r.body,
  }));
}

export type PublishCheck =
  { ok: true; id: string; version: string } | { ok: false; errors: Array<{ path: string; code: string }> };

export function checkCalendar(file: unknown): PublishCheck {
  const parsed = parseCalendarYear(file);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(({ path, code }) => ({ path, code })) };
  return { ok: true, id: String(parsed.year.year), version: parsed.year.version };
}

export function checkTemplate(template: unknown): PublishCheck {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const t = parsed.template;
  return { ok: true, id: `${t.form}.${t.language}`, version: templateVersionString(t) };
}
