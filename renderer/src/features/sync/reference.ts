/**
 * Reference data pulled from the central system into the desk's own stores, through the same
 * imports settings offers (so each file passes the same checks): working-day calendar years and
 * form templates. The decision is by version, never by arrival: a server version is imported only
 * when it is newer than what the desk uses now (a year's stored or bundled version, the active
 * template), so a newer file the akimat imported by hand in settings is not overwritten by an older
 * server one, and a template version the desk already holds is not made active again behind the
 * back of a manager who went back to an earlier one.
 */
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/calendar';
import { FORM_IDS, FORM_LANGUAGES, type FormId, type FormLanguage } from '../../../../shared/forms/types';
import type { CalendarReference, TemplatesReference } from '../../../../shared/api';
import type { Desk } from '../../db';

/** Numeric parts of a version (`2026.3`, `1.2.0`, `4`); a pre-release tag sorts before its release. */
function parts(version: string): { nums: number[]; pre: boolean } {
  const [main = '', pre] = version.split('-', 2);
  return { nums: main.split('.').map((p) => Number.parseInt(p, 10) || 0), pre: pre !== undefined };
}

/** < 0 when a is older than b, 0 when equal, > 0 when newer. */
export function compareVersions(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i += 1) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.pre === y.pre ? 0 : x.pre ? -1 : 1;
}

export interface ReferenceOutcome {
  /** Imported and in use now. */
  imported: string[];
  /** The desk has this version or a newer one. */
  kept: string[];
  /** The server's file did not pass the desk's checks (not stored). */
  invalid: string[];
}

export async function applyCalendar(desk: Desk, reference: CalendarReference): Promise<ReferenceOutcome> {
  const out: ReferenceOutcome = { imported: [], kept: [], invalid: [] };
  const stored = new Map((await desk.calendar.storedYears()).map((y) => [y.year, y.version]));
  for (const item of reference.years) {
    const name = `calendar ${item.year} ${item.version}`;
    const current =
      stored.get(item.year) ?? BUNDLED_CALENDAR_YEARS.find((y) => y.year === item.year)?.version;
    if (current !== undefined && compareVersions(item.version, current) <= 0) {
      out.kept.push(name);
      continue;
    }
    const result = await desk.calendar.importYear(item.file);
    (result.ok ? out.imported : out.invalid).push(name);
  }
  return out;
}

function formOf(id: string): { form: FormId; language: FormLanguage } | undefined {
  const dot = id.lastIndexOf('.');
  const form = id.slice(0, dot) as FormId;
  const language = id.slice(dot + 1) as FormLanguage;
  return FORM_IDS.includes(form) && FORM_LANGUAGES.includes(language) ? { form, language } : undefined;
}

export async function applyTemplates(desk: Desk, reference: TemplatesReference): Promise<ReferenceOutcome> {
  const out: ReferenceOutcome = { imported: [], kept: [], invalid: [] };
  for (const item of reference.templates) {
    const name = `template ${item.id} ${item.version}`;
    const target = formOf(item.id);
    if (!target) {
      out.invalid.push(name);
      continue;
    }
    const [active, versions] = await Promise.all([
      desk.templates.active(target.form, target.language),
      desk.templates.versions(target.form, target.language),
    ]);
    const known = versions.some((v) => v.version === item.version);
    if (known || compareVersions(item.version, active.entry.version) <= 0) {
      out.kept.push(name);
      continue;
    }
    const result = await desk.templates.importTemplate(target.form, target.language, item.template);
    (result.ok ? out.imported : out.invalid).push(name);
  }
  return out;
}
