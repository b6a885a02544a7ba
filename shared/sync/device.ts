/**
 * The device's dealings with the central system beyond the exchange of changes: enrolment with a
 * one-time code, signing itself out, the akimat's users, taking and releasing a case (the server
 * makes and applies the 'assigned' event, so taking a case needs a connection), reference data.
 */
import {
  assignmentAnswerSchema,
  calendarReferenceSchema,
  enrolmentAnswerSchema,
  enrolmentCodeSchema,
  revokeAnswerSchema,
  templatesReferenceSchema,
  usersAnswerSchema,
  type AssignmentAnswer,
  type CalendarReference,
  type EnrolmentAnswer,
  type ServerUser,
  type TemplatesReference,
} from '../api';
import { z } from 'zod';
import { SyncFailure, type ApiClient } from './client';

/** What the desk keeps of its enrolment (desk.sync), never the token: the host keeps that. */
export const enrolmentRecordSchema = z.object({
  serverOrigin: z.string(),
  deviceId: z.string(),
  userId: z.string(),
  userName: z.string(),
  akimat: z.object({ kk: z.string(), ru: z.string() }),
  enrolledAt: z.string(),
});
export type Enrolment = z.infer<typeof enrolmentRecordSchema>;

/** The code as the officer typed it: spaces dropped, upper case, dashes put back (7KQ2-M9XD-40RT-JH3C). */
export function normaliseEnrolmentCode(typed: string): string | null {
  const bare = typed.toUpperCase().replace(/[\s-]/g, '');
  if (bare.length !== 16) return null;
  const code = bare.match(/.{4}/g)!.join('-');
  return enrolmentCodeSchema.safeParse(code).success ? code : null;
}

/** Enrols this desk; the answer carries the device token (keep it through the host). */
export async function enrol(api: ApiClient, code: string, deviceName: string): Promise<EnrolmentAnswer> {
  return api.json('POST', '/enrolment', enrolmentAnswerSchema, { code, deviceName });
}

/** Signs this device out on the server: its token is refused everywhere from now on. */
export async function revokeSelf(api: ApiClient): Promise<void> {
  await api.json('POST', '/devices/self/revoke', revokeAnswerSchema);
}

export async function fetchUsers(api: ApiClient): Promise<ServerUser[]> {
  return (await api.json('GET', '/users', usersAnswerSchema)).users;
}

export type AssignmentOutcome =
  | { ok: true; answer: AssignmentAnswer }
  /** The workflow refused it (e.g. someone else holds the case): the server's case comes back. */
  | { ok: false; code: string; serverCase?: AssignmentAnswer['case'] };

async function assignment(api: ApiClient, path: string, body: object): Promise<AssignmentOutcome> {
  try {
    return { ok: true, answer: await api.json('POST', path, assignmentAnswerSchema, body) };
  } catch (error) {
    if (error instanceof SyncFailure && error.kind === 'refused' && error.status === 409) {
      const refused = error.body as
        { reason?: { code?: unknown }; case?: AssignmentAnswer['case'] } | undefined;
      const code = typeof refused?.reason?.code === 'string' ? refused.reason.code : 'assignment.refused';
      return { ok: false, code, ...(refused?.case ? { serverCase: refused.case } : {}) };
    }
    throw error;
  }
}

/** `eventId` makes a retried request safe (the same id gets the first answer again). */
export function takeCase(api: ApiClient, caseId: string, eventId: string): Promise<AssignmentOutcome> {
  return assignment(api, `/cases/${encodeURIComponent(caseId)}/take`, { eventId });
}

export function releaseCase(api: ApiClient, caseId: string, eventId: string): Promise<AssignmentOutcome> {
  return assignment(api, `/cases/${encodeURIComponent(caseId)}/release`, { eventId });
}

/** The head gives the case to an officer (the server checks the role and the officer). */
export function assignCase(
  api: ApiClient,
  caseId: string,
  officerId: string,
  eventId: string,
): Promise<AssignmentOutcome> {
  return assignment(api, `/cases/${encodeURIComponent(caseId)}/assign`, { officerId, eventId });
}

export async function fetchReference(
  api: ApiClient,
): Promise<{ calendar: CalendarReference; templates: TemplatesReference }> {
  const [calendar, templates] = await Promise.all([
    api.json('GET', '/reference/calendar', calendarReferenceSchema),
    api.json('GET', '/reference/templates', templatesReferenceSchema),
  ]);
  return { calendar, templates };
}
