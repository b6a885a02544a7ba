/** What the desk takes from the central system besides cases, after each successful exchange. */
import { fetchReference, fetchUsers, type ApiClient } from '../../../../shared/sync';
import { log } from '../../../../shared/log';
import type { Desk } from '../../db';
import { applyCalendar, applyTemplates, type ReferenceOutcome } from './reference';

/**
 * The akimat's users replace the desk's list (roles as the server gives them, secrets stay on the
 * desk), and the reference data goes into the desk's calendar and template stores by version.
 */
export async function refreshDirectory(
  desk: Desk,
  api: ApiClient,
): Promise<{ usersChanged: boolean; calendar: ReferenceOutcome; templates: ReferenceOutcome }> {
  const usersChanged = await desk.users.replaceFromCentral(await fetchUsers(api));
  const reference = await fetchReference(api);
  const calendar = await applyCalendar(desk, reference.calendar);
  const templates = await applyTemplates(desk, reference.templates);
  const invalid = calendar.invalid.length + templates.invalid.length;
  if (invalid > 0) log.warn('reference files from the central system refused', { count: invalid });
  return { usersChanged, calendar, templates };
}
