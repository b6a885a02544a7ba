/**
 * Error bodies and reason codes. A code is stable (the desk translates it into Kazakh and Russian);
 * `message` is for a developer reading a log and never carries personal values (IINs, names): a bad
 * field is named by its path, not quoted.
 */
import { z } from 'zod';
import { REJECTION_CODES } from '../workflow/rejections';
import { SERVER_REJECTION_CODES } from './rejection-codes';

/** Why a whole request was refused (the body of every 4xx/5xx answer except the tus endpoint's). */
export const API_ERROR_CODES = [
  /** The body, query or path does not match the schema (issues name each bad field by its path). */
  'request.invalid',
  /** The body is larger than the limit; it was refused before being read whole. */
  'request.too-large',
  /** The request did not say which protocol version it speaks (PROTOCOL_HEADER). */
  'protocol.missing',
  /** The request speaks a protocol version this server does not (params.supported). */
  'protocol.unsupported',
  /** No `Authorization: Bearer <device token>`. */
  'auth.missing',
  /** The token is not one this server issued. */
  'auth.invalid',
  /** The device was signed out (by itself or by the administrator): enrol again. */
  'device.revoked',
  /** The user of this device may not do this (params.role). */
  'auth.forbidden',
  /** The enrolment code is unknown, already used or expired (one code for all three: no oracle). */
  'enrolment.code-invalid',
  /** The cursor is not one this server could have made (not even plausibly): a client bug. */
  'cursor.invalid',
  /** The cursor is from another epoch (restore, compaction) or ahead of the server: pull from scratch. */
  'start-over',
  'case.not-found',
  'file.not-found',
  'user.not-found',
  'device.not-found',
  'route.not-found',
  /** A reference item that does not pass its own schema (params.errors). */
  'reference.invalid',
  /** Something failed on the server; nothing was changed by this request. Retry later. */
  'internal',
  /** The database is not reachable. Retry later. */
  'unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const issueSchema = z
  .strictObject({
    /** Dotted path of the bad field, e.g. `events.3.payload.application.pupil.iin`. */
    path: z.string(),
    /** What is wrong with it (zod's issue code, e.g. `invalid_type`, `too_big`). */
    code: z.string(),
  })
  .meta({ id: 'Issue' });

const paramValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export const paramsSchema = z.record(z.string(), paramValue).meta({ id: 'Params' });

export const apiErrorSchema = z
  .strictObject({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    issues: z.array(issueSchema).optional(),
    params: paramsSchema.optional(),
  })
  .meta({ id: 'ApiError', description: 'Why a request was refused. Nothing was changed by it.' });
export type ApiError = z.infer<typeof apiErrorSchema>;

export { SERVER_REJECTION_CODES, type ServerRejectionCode } from './rejection-codes';

export const EVENT_REASON_CODES = [...REJECTION_CODES, ...SERVER_REJECTION_CODES] as const;
export type EventReasonCode = (typeof EVENT_REASON_CODES)[number];

export const eventReasonSchema = z
  .strictObject({ code: z.enum(EVENT_REASON_CODES), params: paramsSchema.optional() })
  .meta({
    id: 'EventReason',
    description: 'Why an event was not applied: a reducer rejection or a server rule.',
  });
export type EventReason = z.infer<typeof eventReasonSchema>;
