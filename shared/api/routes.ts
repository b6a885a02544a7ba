/**
 * Every route of the central system as data: method, path, who may call it, and the schema of each
 * request part and answer. The server builds its Hono routes from this table (so what it validates
 * is what is written here), the OpenAPI document is generated from it, and the desk's sync engine
 * validates answers with the same schemas. The tus endpoint (`/files/`) is listed apart: its
 * messages are the tus 1.0 protocol's headers, not JSON.
 */
import { z } from 'zod';
import {
  assignmentAnswerSchema,
  assignmentRefusedSchema,
  assignRequestSchema,
  releaseRequestSchema,
  takeRequestSchema,
} from './assignment';
import {
  devicesAnswerSchema,
  deviceParamsSchema,
  enrolmentAnswerSchema,
  enrolmentRequestSchema,
  issueCodeAnswerSchema,
  issueCodeRequestSchema,
  revokeAnswerSchema,
  usersAnswerSchema,
} from './auth';
import {
  caseParamsSchema,
  caseRecordSchema,
  changesPageSchema,
  changesQuerySchema,
  pushRequestSchema,
  pushResponseSchema,
  sha256Schema,
  startOverSchema,
} from './cases';
import { apiErrorSchema } from './errors';
import {
  feedAnswerSchema,
  feedRequestSchema,
  monitoringPageSchema,
  monitoringQuerySchema,
} from './monitoring';
import {
  calendarReferenceSchema,
  publishAnswerSchema,
  publishCalendarSchema,
  publishTemplateSchema,
  templatesReferenceSchema,
} from './reference';
import { timestampSchema } from '../workflow/schemas';
import { PROTOCOL_VERSION } from './protocol';

/**
 * Who may call a route. `device`: a desk's token. `admin`: the token of a desk enrolled by an
 * administrator of the akimat, or the server's admin key. `monitoring`: a monitoring token (or
 * the admin key). `none`: anyone (health, enrolment, the document itself).
 */
export type RouteAuth = 'none' | 'device' | 'admin' | 'monitoring';

export interface RouteAnswer {
  description: string;
  /** JSON body; absent for an answer without one. */
  schema?: z.ZodType;
}

export interface RouteSpec {
  method: 'get' | 'post';
  /** OpenAPI style: `/cases/{caseId}/take`. */
  path: string;
  summary: string;
  auth: RouteAuth;
  request?: { params?: z.ZodObject; query?: z.ZodObject; body?: z.ZodType };
  responses: Record<number, RouteAnswer>;
}

export const healthSchema = z
  .strictObject({
    status: z.literal('ok'),
    protocolVersion: z.literal(PROTOCOL_VERSION),
    serverTime: timestampSchema,
  })
  .meta({ id: 'Health' });

const error = (description: string): RouteAnswer => ({ description, schema: apiErrorSchema });
const COMMON = {
  400: error('Malformed request (code and the paths of the bad fields); nothing was changed.'),
  413: error('The body is larger than the limit; it was not read.'),
  500: error('Server failure; nothing was changed. Retry later.'),
  503: error('The database is not reachable. Retry later.'),
} as const;
const AUTHED = {
  ...COMMON,
  401: error('No token, an unknown token, or a revoked device (`device.revoked`): enrol again.'),
  403: error('The user of this device may not do this.'),
} as const;

export const ROUTES = {
  health: {
    method: 'get',
    path: '/health',
    summary: 'Liveness and the protocol version; needs no token and no protocol header.',
    auth: 'none',
    responses: { 200: { description: 'The server is up.', schema: healthSchema } },
  },
  enrol: {
    method: 'post',
    path: '/enrolment',
    summary: 'Enrol a desk with a one-time code; answers the device token.',
    auth: 'none',
    request: { body: enrolmentRequestSchema },
    responses: {
      ...COMMON,
      200: { description: 'Enrolled.', schema: enrolmentAnswerSchema },
      401: error('`enrolment.code-invalid`: unknown, used or expired.'),
    },
  },
  revokeSelf: {
    method: 'post',
    path: '/devices/self/revoke',
    summary: 'Sign this device out: its token is refused everywhere from now on.',
    auth: 'device',
    responses: { ...AUTHED, 200: { description: 'Revoked.', schema: revokeAnswerSchema } },
  },
  users: {
    method: 'get',
    path: '/users',
    summary: "The akimat's users and roles (fills the desk's user directory).",
    auth: 'device',
    responses: { ...AUTHED, 200: { description: 'Every user, active or not.', schema: usersAnswerSchema } },
  },
  changes: {
    method: 'get',
    path: '/changes',
    summary: "The akimat's cases changed after the cursor, with their events and file metadata.",
    auth: 'device',
    request: { query: changesQuerySchema },
    responses: {
      ...AUTHED,
      200: { description: 'One page of changes.', schema: changesPageSchema },
      410: { description: 'Start over: pull from scratch, keep the outbox.', schema: startOverSchema },
    },
  },
  push: {
    method: 'post',
    path: '/events',
    summary:
      'A batch of events; each is answered on its own. Events of one case are applied in order, in one transaction.',
    auth: 'device',
    request: { body: pushRequestSchema },
    responses: {
      ...AUTHED,
      200: { description: 'One result per event, in order.', schema: pushResponseSchema },
    },
  },
  getCase: {
    method: 'get',
    path: '/cases/{caseId}',
    summary: 'One case with all its events (a case dropped from the working set, fetched again).',
    auth: 'device',
    request: { params: caseParamsSchema },
    responses: {
      ...AUTHED,
      200: { description: 'The case.', schema: caseRecordSchema },
      404: error('`case.not-found`'),
    },
  },
  take: {
    method: 'post',
    path: '/cases/{caseId}/take',
    summary: 'Take a free case (an officer, for themselves).',
    auth: 'device',
    request: { params: caseParamsSchema, body: takeRequestSchema },
    responses: {
      ...AUTHED,
      200: { description: 'Taken: the assignment event and the case.', schema: assignmentAnswerSchema },
      404: error('`case.not-found`'),
      409: {
        description: 'Refused by the workflow (e.g. held by someone else).',
        schema: assignmentRefusedSchema,
      },
    },
  },
  release: {
    method: 'post',
    path: '/cases/{caseId}/release',
    summary: 'Give a case back (its holder, or the head).',
    auth: 'device',
    request: { params: caseParamsSchema, body: releaseRequestSchema },
    responses: {
      ...AUTHED,
      200: { description: 'Released.', schema: assignmentAnswerSchema },
      404: error('`case.not-found`'),
      409: { description: 'Refused by the workflow.', schema: assignmentRefusedSchema },
    },
  },
  assign: {
    method: 'post',
    path: '/cases/{caseId}/assign',
    summary: 'The head assigns a case to an officer.',
    auth: 'device',
    request: { params: caseParamsSchema, body: assignRequestSchema },
    responses: {
      ...AUTHED,
      200: { description: 'Assigned.', schema: assignmentAnswerSchema },
      404: error('`case.not-found`'),
      409: { description: 'Refused by the workflow.', schema: assignmentRefusedSchema },
    },
  },
  downloadFile: {
    method: 'get',
    path: '/files/{sha256}',
    summary:
      'Download a file by its SHA-256 (check the hash after download). HEAD answers whether it is here.',
    auth: 'device',
    request: { params: z.strictObject({ sha256: sha256Schema }) },
    responses: {
      ...AUTHED,
      200: { description: 'The bytes (Content-Type as uploaded, ETag the hash).' },
      404: error('`file.not-found`'),
    },
  },
  calendar: {
    method: 'get',
    path: '/reference/calendar',
    summary: 'Working-day calendar year files, the newest version of each year.',
    auth: 'device',
    responses: { ...AUTHED, 200: { description: 'Calendar years.', schema: calendarReferenceSchema } },
  },
  templates: {
    method: 'get',
    path: '/reference/templates',
    summary: 'Form templates, the newest version of each form and language.',
    auth: 'device',
    responses: { ...AUTHED, 200: { description: 'Templates.', schema: templatesReferenceSchema } },
  },
  monitoring: {
    method: 'get',
    path: '/monitoring',
    summary: 'Every stage change of every case (rules, paragraph 25), after `since`.',
    auth: 'monitoring',
    request: { query: monitoringQuerySchema },
    responses: {
      ...AUTHED,
      200: { description: 'One page of the feed.', schema: monitoringPageSchema },
      410: { description: 'Start over: read from the beginning.', schema: startOverSchema },
    },
  },
  issueCode: {
    method: 'post',
    path: '/admin/enrolment-codes',
    summary: 'Issue a one-time enrolment code for one user of the akimat.',
    auth: 'admin',
    request: { body: issueCodeRequestSchema },
    responses: {
      ...AUTHED,
      200: { description: 'The code (shown once).', schema: issueCodeAnswerSchema },
      404: error('`user.not-found`'),
    },
  },
  devices: {
    method: 'get',
    path: '/admin/devices',
    summary: "The akimat's enrolled devices.",
    auth: 'admin',
    responses: { ...AUTHED, 200: { description: 'Devices.', schema: devicesAnswerSchema } },
  },
  revokeDevice: {
    method: 'post',
    path: '/admin/devices/{deviceId}/revoke',
    summary: 'Revoke a device: its token is refused everywhere from now on.',
    auth: 'admin',
    request: { params: deviceParamsSchema },
    responses: {
      ...AUTHED,
      200: { description: 'Revoked.', schema: revokeAnswerSchema },
      404: error('`device.not-found`'),
    },
  },
  feed: {
    method: 'post',
    path: '/admin/feed',
    summary: 'Deliver new applications as the portal would, with their attachments (demos, tests).',
    auth: 'admin',
    request: { body: feedRequestSchema },
    responses: { ...AUTHED, 200: { description: 'The new cases.', schema: feedAnswerSchema } },
  },
  publishCalendar: {
    method: 'post',
    path: '/admin/reference/calendar',
    summary: 'Publish a calendar year file (validated; a newer version replaces the served one).',
    auth: 'admin',
    request: { body: publishCalendarSchema },
    responses: { ...AUTHED, 200: { description: 'Published.', schema: publishAnswerSchema } },
  },
  publishTemplate: {
    method: 'post',
    path: '/admin/reference/templates',
    summary: 'Publish a form template (validated; a newer version replaces the served one).',
    auth: 'admin',
    request: { body: publishTemplateSchema },
    responses: { ...AUTHED, 200: { description: 'Published.', schema: publishAnswerSchema } },
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteId = keyof typeof ROUTES;
