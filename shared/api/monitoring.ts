/**
 * The monitoring feed (rules, paragraph 25: the stage of the service is entered into the
 * state-services monitoring system at every stage). One entry per event of every case, in the
 * order the server recorded them, with the stage before and after. No personal data.
 */
import { z } from 'zod';
import type { EventType } from '../workflow/events';
import { EVENT_TYPES } from '../workflow/guards';
import { timestampSchema } from '../workflow/schemas';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './protocol';
import { cursorSchema, stageSchema } from './cases';

export const monitoringQuerySchema = z.strictObject({
  since: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
});

export const monitoringEntrySchema = z
  .strictObject({
    akimatId: z.string(),
    caseId: z.string(),
    caseNumber: z.string(),
    registrationNumber: z.string().nullable(),
    eventId: z.string(),
    eventType: z.enum(EVENT_TYPES as readonly [EventType, ...EventType[]]),
    /** When it happened (the event's time, at the office's offset). */
    at: timestampSchema,
    /** When the server recorded it. */
    recordedAt: timestampSchema,
    previousStage: stageSchema.nullable(),
    stage: stageSchema,
    outcome: z.enum(['granted', 'refused']).nullable(),
  })
  .meta({ id: 'MonitoringEntry' });
export type MonitoringEntry = z.infer<typeof monitoringEntrySchema>;

export const monitoringPageSchema = z
  .strictObject({
    entries: z.array(monitoringEntrySchema),
    cursor: cursorSchema,
    hasMore: z.boolean(),
    serverTime: timestampSchema,
  })
  .meta({ id: 'MonitoringPage' });
export type MonitoringPage = z.infer<typeof monitoringPageSchema>;

export const feedRequestSchema = z
  .strictObject({ count: z.int().min(1).max(1000), akimatId: z.string().optional() })
  .meta({
    id: 'FeedRequest',
    description: 'New applications as the portal would deliver them, with attachments.',
  });
export const feedAnswerSchema = z.strictObject({ caseIds: z.array(z.string()) }).meta({ id: 'FeedAnswer' });
