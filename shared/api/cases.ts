/**
 * The sync messages: pulling changes and pushing events (ARCHITECTURE.md "Offline first, sync when
 * connected").
 */
import { z } from 'zod';
import { caseEventSchema, isoDateSchema, timestampSchema } from '../workflow/schemas';
import { STAGES } from '../workflow/stages';
import { DEFAULT_PAGE_LIMIT, MAX_BATCH_EVENTS, MAX_PAGE_LIMIT } from './protocol';
import { eventReasonSchema } from './errors';

/** The stages as the API names them: the workflow's own list. */
export { STAGES };
export const stageSchema = z.enum(STAGES).meta({ id: 'Stage' });
export const sha256Schema = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .meta({ id: 'Sha256', description: 'SHA-256 of a file, lowercase hex.' });

/**
 * A position in the server's change log, opaque to the client: `<epoch>.<xid>.<seq>`. The client
 * stores it with the page it came with and sends it back as it is.
 */
export const cursorSchema = z
  .string()
  .regex(/^[a-z0-9]{1,32}\.\d{1,20}\.\d{1,20}(\.s[A-Za-z0-9_-]{0,400})?$/)
  .meta({ id: 'Cursor', description: 'Opaque position in the change log; send back as received.' });

export const caseEventWire = caseEventSchema.meta({
  id: 'CaseEvent',
  description:
    'An event of the current schema version (shared/workflow). The server sends events upgraded; a desk may push any released version.',
});

export const fileMetaSchema = z
  .strictObject({
    sha256: sha256Schema,
    size: z.int().nonnegative(),
    mimeType: z.string(),
    /** False while the bytes are not on the server (e.g. a demo document that never had any). */
    available: z.boolean(),
  })
  .meta({
    id: 'FileMeta',
    description: 'A file an event of the case refers to; download it with GET /files/{sha256}.',
  });
export type FileMeta = z.infer<typeof fileMetaSchema>;

/** A case as the server holds it (the answer to a conflict, to taking a case, to GET /cases/{caseId}). */
export const caseRecordSchema = z
  .strictObject({
    caseId: z.string(),
    /** Number of events applied: the next event's baseVersion. */
    version: z.int().min(1),
    stage: stageSchema,
    assignedTo: z.string().nullable(),
    /** Every event of the case, oldest first. */
    events: z.array(caseEventWire),
    files: z.array(fileMetaSchema),
  })
  .meta({ id: 'CaseRecord' });
export type CaseRecord = z.infer<typeof caseRecordSchema>;

export const changesQuerySchema = z.strictObject({
  /** Absent: from the beginning. */
  cursor: cursorSchema.optional(),
  /** The most events on this page. */
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
  /**
   * The working set: leave out the cases settled (closed, no complaint waiting) before this day,
   * except those the desk's officer holds. Such a case is fetched whole on demand
   * (GET /cases/{caseId}); if it changes again, its new events come in the log as any other's.
   */
  closedBefore: isoDateSchema.optional(),
});

/** One case's part of a page: its events after the client's cursor, up to the page's end. */
export const caseChangeSchema = z
  .strictObject({
    caseId: z.string(),
    /** The case's version after the last event of this page (not necessarily its newest). */
    version: z.int().min(1),
    stage: stageSchema,
    assignedTo: z.string().nullable(),
    /** Oldest first; the first one's baseVersion is where the client's copy must stand. */
    events: z.array(caseEventWire).min(1),
    files: z.array(fileMetaSchema),
  })
  .meta({ id: 'CaseChange' });
export type CaseChange = z.infer<typeof caseChangeSchema>;

export const changesPageSchema = z
  .strictObject({
    cases: z.array(caseChangeSchema),
    /** Store with this page in one transaction; send it on the next pull. */
    cursor: cursorSchema,
    /** True when more changes wait beyond this page: pull again at once. */
    hasMore: z.boolean(),
    serverTime: timestampSchema,
  })
  .meta({ id: 'ChangesPage' });
export type ChangesPage = z.infer<typeof changesPageSchema>;

/** 410: the cursor is no longer valid. Pull from scratch (no cursor) and keep the outbox. */
export const startOverSchema = z
  .strictObject({ code: z.literal('start-over'), message: z.string() })
  .meta({ id: 'StartOver' });

export const pushRequestSchema = z
  .strictObject({
    events: z
      .array(
        z.unknown().meta({
          description:
            'A CaseEvent of any released schema version. Each is validated and answered on its own, in order.',
        }),
      )
      .min(1)
      .max(MAX_BATCH_EVENTS),
  })
  .meta({ id: 'PushRequest' });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const EVENT_STATUSES = ['applied', 'already-applied', 'conflict', 'rejected', 'blocked'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const eventResultSchema = z
  .strictObject({
    /** Position of the event in the request. */
    index: z.int().nonnegative(),
    /** The event's id; null when the event has none that can be read. */
    eventId: z.string().nullable(),
    /**
     * applied: stored now. already-applied: this id was applied before (the answer repeats the first
     * one's caseVersion). conflict (409): made on another version of the case; `case` is the server's.
     * rejected (4xx): refused with `reason`; the same event will always be refused. blocked (424): not
     * tried, an earlier event of its case in this batch was not applied; send it again later.
     */
    status: z.enum(EVENT_STATUSES),
    httpStatus: z.int().min(200).max(599),
    /** The case's version after this event (applied, already-applied). */
    caseVersion: z.int().min(1).optional(),
    reason: eventReasonSchema.optional(),
    /** The server's current case (conflict only). */
    case: caseRecordSchema.optional(),
  })
  .meta({ id: 'EventResult' });
export type EventResult = z.infer<typeof eventResultSchema>;

export const pushResponseSchema = z
  .strictObject({ results: z.array(eventResultSchema), serverTime: timestampSchema })
  .meta({ id: 'PushResponse' });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const caseParamsSchema = z.strictObject({ caseId: z.string().min(1).max(200) });
