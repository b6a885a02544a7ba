/**
 * Importing a working-day calendar year file in the settings: choose the file through the host,
 * read it as JSON, hand it to the calendar repository, and say why a file was refused in lines the
 * officer can act on. Kept apart from the screen so every outcome is testable without a DOM.
 */
import type { TFunction } from 'i18next';
import type { CalendarFileError } from '../../../../shared/calendar';
import type { Host } from '../../../../shared/host';
import { isHostError } from '../../host';
import type { CalendarRepository } from '../../db';

/** A year file is a few kilobytes (one entry per holiday and day off); this leaves room for notes. */
export const MAX_CALENDAR_BYTES = 256 * 1024;

/** Why a file was not taken: what the officer sees, as codes the screen translates. */
export type CalendarRefusal =
  | { reason: 'not-json' }
  | { reason: 'too-large' }
  | { reason: 'host'; code: string }
  | { reason: 'invalid'; errors: CalendarFileError[] };

export type CalendarImportOutcome =
  { kind: 'cancelled' } | { kind: 'imported'; year: number } | { kind: 'refused'; refusal: CalendarRefusal };

/** UTF-8 JSON (a byte order mark allowed, as Windows editors write one); anything else is refused. */
export function readJsonFile(bytes: Uint8Array): { ok: true; json: unknown } | { ok: false } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * One import: the host's dialog, then the repository. A storage failure is thrown (the desk's
 * banner reports it); everything else ends in an outcome. A refused file changes nothing stored.
 */
export async function importCalendarFile(
  host: Pick<Host, 'openFile'>,
  calendar: Pick<CalendarRepository, 'importYear'>,
): Promise<CalendarImportOutcome> {
  let file;
  try {
    file = await host.openFile({
      accept: [{ mimeType: 'application/json', extensions: ['json'] }],
      maxBytes: MAX_CALENDAR_BYTES,
    });
  } catch (error) {
    if (!isHostError(error)) throw error;
    if (error.code === 'cancelled') return { kind: 'cancelled' };
    return {
      kind: 'refused',
      refusal: error.code === 'too-large' ? { reason: 'too-large' } : { reason: 'host', code: error.code },
    };
  }
  if (!file) return { kind: 'cancelled' };
  const read = readJsonFile(file.bytes);
  if (!read.ok) return { kind: 'refused', refusal: { reason: 'not-json' } };
  const result = await calendar.importYear(read.json);
  return result.ok
    ? { kind: 'imported', year: result.year }
    : { kind: 'refused', refusal: { reason: 'invalid', errors: result.errors } };
}

const K = 'settingsScreen.calendar';

/**
 * One line per problem: where in the file and what is wrong, translated. A code this release does
 * not know (a new check of the schema's library) still gets a line, in general words.
 */
export function calendarRefusalLines(t: TFunction, refusal: CalendarRefusal): string[] {
  switch (refusal.reason) {
    case 'not-json':
      return [t(`${K}.notJson`)];
    case 'too-large':
      return [t(`${K}.tooLarge`, { size: MAX_CALENDAR_BYTES / 1024 })];
    case 'host':
      return [t([`hostError.${refusal.code}`, 'hostError.io'])];
    case 'invalid': {
      const lines = refusal.errors.map((e) =>
        t(`${K}.errorAt`, {
          path: e.path === '' ? t(`${K}.wholeFile`) : e.path,
          problem: t([`${K}.error.${e.code}`, `${K}.error.other`]),
        }),
      );
      return [...new Set(lines)];
    }
  }
}
