/**
 * Structural validation of events of the current schema version (EVENT_SCHEMA_VERSION). Untrusted
 * input (the outbox after an app update, the central server, IndexedDB) goes through
 * `parseCaseEvent` (upgrade/), which first upgrades an older shape, then validates it here. Rules
 * about the case's state live in the reducer; these say only whether an event is well-formed.
 * Objects are strict: an event never changes after it is made, so a field nobody knows is rejected
 * rather than silently dropped.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS, GROUNDS } from '../documents/kinds';
import { isIsoDate } from '../calendar/dates';
import { isTimestamp } from '../calendar/instant';
import {
  EVENT_SCHEMA_VERSION,
  EVENT_TYPE_SINCE,
  UNRECORDED,
  type CaseEvent,
  type EventPayloads,
  type EventType,
} from './events';

const SHORT = 200;
const LONG = 10_000;
/** The longest text an event field takes: what the desk's counters count towards. */
export const TEXT_LIMITS = { short: SHORT, long: LONG } as const;

/** Text that is not blank; kept exactly as typed (no trimming: events are immutable). */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, { message: 'blank' });

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'date' });
export const timestampSchema = z.string().refine(isTimestamp, { message: 'timestamp' });
const iin = z.string().regex(/^\d{12}$/);
const sha256 = z.string().regex(/^[0-9a-fA-F]{64}$/);
/** A certificate serial as the national CA prints it: hexadecimal, up to 32 bytes. */
const certificateSerial = z.string().regex(/^[0-9a-fA-F]{1,64}$/);
/** Offsets in use on Earth run from UTC−12:00 to UTC+14:00. */
const utcOffsetMinutes = z
  .int()
  .min(-12 * 60)
  .max(14 * 60);

const ground = z.enum(GROUNDS);
export const documentKindSchema = z.enum(DOCUMENT_KINDS);
const documentKinds = z
  .array(documentKindSchema)
  .min(1)
  .refine((kinds) => new Set(kinds).size === kinds.length, { message: 'duplicate' });

const person = {
  iin,
  lastName: text(SHORT),
  firstName: text(SHORT),
  middleName: text(SHORT).optional(),
};

const attachmentSchema = z.strictObject({
  id: text(SHORT),
  kind: documentKindSchema,
  fileName: text(SHORT),
  mimeType: text(SHORT),
  size: z.int().nonnegative(),
  sha256,
  data: z.unknown().optional(),
  signature: z.strictObject({ sha256, size: z.int().nonnegative() }).optional(),
});

export const applicationSchema = z.strictObject({
  caseNumber: text(SHORT),
  receivedAt: timestampSchema,
  applicant: z.strictObject({
    ...person,
    phone: text(SHORT).optional(),
    email: text(SHORT).optional(),
    address: text(LONG).optional(),
  }),
  pupil: z.strictObject({ ...person, birthDate: isoDateSchema.optional() }),
  ground,
  school: z.strictObject({
    name: text(LONG),
    names: z.strictObject({ kk: text(LONG).optional(), ru: text(LONG).optional() }).optional(),
    bin: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    address: text(LONG).optional(),
  }),
  className: text(SHORT),
  studyPeriod: z
    .strictObject({ from: isoDateSchema, to: isoDateSchema })
    .refine((p) => p.from <= p.to, { message: 'period', path: ['to'] }),
  legalBasis: z.enum(['art6-p2-sp24-4', 'art6-p3-sp25-7', 'art6-p4-sp21-3']),
  attachments: z
    .array(attachmentSchema)
    .refine((list) => new Set(list.map((a) => a.id)).size === list.length, { message: 'duplicate' }),
});

/** One schema per event type; `satisfies` keeps each in step with the EventPayloads contract. */
export const payloadSchemas = {
  received: z.strictObject({
    application: applicationSchema,
    office: z.strictObject({ timeZone: text(SHORT), utcOffsetMinutes }),
  }),
  registered: z.strictObject({
    registrationNumber: text(SHORT),
    registeredOn: isoDateSchema,
    dueOn: isoDateSchema,
    calendarVersion: text(SHORT),
  }),
  assigned: z.strictObject({ officerId: text(SHORT).nullable() }),
  'document-reviewed': z.strictObject({
    attachmentId: text(SHORT),
    verdict: z.enum(['confirmed', 'rejected']),
    comment: text(LONG).optional(),
    check: z.strictObject({
      status: z.enum(['pass', 'fail', 'judgement', 'unreadable', 'none', UNRECORDED]),
      codes: z.array(text(SHORT)).max(100),
    }),
  }),
  'completeness-checked': z.discriminatedUnion('complete', [
    z.strictObject({ complete: z.literal(true) }),
    z.strictObject({ complete: z.literal(false), missing: documentKinds, comment: text(LONG).optional() }),
  ]),
  refused: z.strictObject({
    ground: z.union([z.literal(1), z.literal(2)]),
    documents: documentKinds,
    reasons: text(LONG),
    decisionNumber: text(SHORT),
    decisionDate: isoDateSchema,
  }),
  'school-request-sent': z.strictObject({
    outgoingNumber: text(SHORT),
    sentOn: isoDateSchema,
    schoolContact: text(LONG).optional(),
  }),
  'school-answer-recorded': z.strictObject({
    answeredOn: isoDateSchema,
    confirmed: z.boolean(),
    summary: text(LONG),
    incomingNumber: text(SHORT).optional(),
  }),
  'order-prepared': z.strictObject({ orderNumber: text(SHORT), orderDate: isoDateSchema }),
  'sent-for-approval': z.strictObject({}),
  approved: z.strictObject({ comment: text(LONG).optional() }),
  returned: z.strictObject({ comment: text(LONG) }),
  signed: z.discriminatedUnion('signatureFormat', [
    z.strictObject({
      signatureFormat: z.literal('cms-detached'),
      documentSha256: sha256,
      signatureSha256: sha256,
      certificateSerial,
      signerName: text(SHORT),
      signerIin: iin.optional(),
      signerBin: iin.optional(),
      signedAt: timestampSchema,
      timestamped: z.boolean(),
      signedPdfSha256: sha256.optional(),
    }),
    // Version 1 kept any text as the serial and no signature file (see UnrecordedSignedPayload).
    z.strictObject({
      signatureFormat: z.literal(UNRECORDED),
      documentSha256: sha256,
      certificateSerial: text(SHORT),
      signerName: text(SHORT),
    }),
  ]),
  cosigned: z.strictObject({
    signatureFormat: z.literal('cms-detached'),
    documentSha256: sha256,
    signedPdfSha256: sha256.optional(),
    signatureSha256: sha256,
    certificateSerial,
    signerName: text(SHORT),
    signerIin: iin.optional(),
    signerBin: iin.optional(),
    signedAt: timestampSchema,
    timestamped: z.boolean(),
  }),
  'result-delivered': z.strictObject({ deliveredAt: timestampSchema, channel: z.enum(['portal', 'paper']) }),
  'document-produced': z.strictObject({
    form: z.enum(['appendix-2', 'appendix-3', 'appendix-4', 'school-request', 'order']),
    language: z.enum(['kk', 'ru']),
    sha256,
    templateId: text(SHORT),
    templateVersion: text(SHORT),
  }),
  'complaint-registered': z.strictObject({
    complaintId: text(SHORT),
    addressee: z.enum(['provider', 'quality-authority']),
    registeredOn: isoDateSchema,
    summary: text(LONG),
  }),
  'complaint-answered': z.strictObject({
    complaintId: text(SHORT),
    answeredOn: isoDateSchema,
    outcome: z.enum(['upheld', 'rejected', 'partly']),
    summary: text(LONG),
  }),
} satisfies { [T in EventType]: z.ZodType<EventPayloads[T]> };

const meta = {
  /** Client-made UUID; any version is accepted so demo and imported ids pass. */
  id: z.guid(),
  caseId: text(SHORT),
  baseVersion: z.int().nonnegative(),
  schemaVersion: z.literal(EVENT_SCHEMA_VERSION),
  upgradedFrom: z
    .int()
    .min(1)
    .max(EVENT_SCHEMA_VERSION - 1)
    .optional(),
  actor: z.strictObject({ userId: text(SHORT), role: z.enum(['officer', 'head', 'portal', 'system']) }),
  at: timestampSchema,
  origin: z.strictObject({
    kind: z.enum(['desk', 'portal', 'central']),
    deviceId: text(SHORT).optional(),
  }),
};

function eventSchema<T extends EventType>(type: T) {
  return z.strictObject({ ...meta, type: z.literal(type), payload: payloadSchemas[type] });
}

const eventUnion = z.discriminatedUnion('type', [
  eventSchema('received'),
  eventSchema('registered'),
  eventSchema('assigned'),
  eventSchema('document-reviewed'),
  eventSchema('completeness-checked'),
  eventSchema('refused'),
  eventSchema('school-request-sent'),
  eventSchema('school-answer-recorded'),
  eventSchema('order-prepared'),
  eventSchema('sent-for-approval'),
  eventSchema('approved'),
  eventSchema('returned'),
  eventSchema('signed'),
  eventSchema('cosigned'),
  eventSchema('result-delivered'),
  eventSchema('document-produced'),
  eventSchema('complaint-registered'),
  eventSchema('complaint-answered'),
]);

/**
 * Where an event claims a fact is `UNRECORDED` though it was made in version 2 or later: only a
 * version-1 record may lack one (version 2 records every such fact).
 */
function unrecordedPath(event: z.output<typeof eventUnion>): string[] | undefined {
  if (event.upgradedFrom === 1) return undefined;
  switch (event.type) {
    case 'registered':
      return event.payload.calendarVersion === UNRECORDED ? ['payload', 'calendarVersion'] : undefined;
    case 'document-reviewed':
      return event.payload.check.status === UNRECORDED ? ['payload', 'check', 'status'] : undefined;
    case 'signed':
      return event.payload.signatureFormat === UNRECORDED ? ['payload', 'signatureFormat'] : undefined;
    default:
      return undefined;
  }
}

/** An event of the current schema version. */
export const caseEventSchema = eventUnion.superRefine((event, ctx) => {
  const path = unrecordedPath(event);
  if (path) ctx.addIssue({ code: 'custom', path, message: 'unrecorded' });
  // A type that did not exist in the version an event was made in: no released desk made it.
  const since = EVENT_TYPE_SINCE[event.type] ?? 1;
  if ((event.upgradedFrom ?? EVENT_SCHEMA_VERSION) < since) {
    ctx.addIssue({ code: 'custom', path: ['type'], message: 'type-too-new' });
  }
});

// Both directions, so neither the contract nor the schema can drift alone.
type Parsed = z.output<typeof caseEventSchema>;
const _schemaCoversContract: (e: CaseEvent) => Parsed = (e) => e;
const _contractCoversSchema: (e: Parsed) => CaseEvent = (e) => e;
void _schemaCoversContract;
void _contractCoversSchema;

export type ParseEventResult =
  | { ok: true; event: CaseEvent }
  | { ok: false; code: 'event.invalid' | 'payload.invalid' | 'event.version-unsupported'; path: string };

/**
 * Validates input as an event of the current schema version (no upgrade: use parseCaseEvent for
 * anything stored or received); on failure names the first bad field by its path.
 */
export function validateCurrentEvent(input: unknown): ParseEventResult {
  const result = caseEventSchema.safeParse(input);
  if (result.success) return { ok: true, event: result.data };
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).map(String);
  return {
    ok: false,
    code: path[0] === 'payload' ? 'payload.invalid' : 'event.invalid',
    path: path.join('.'),
  };
}
