/**
 * Taking, releasing and assigning a case. Each is an 'assigned' event the server makes and applies
 * itself (so a desk needs a connection to take a case), answered with the event and the case.
 */
import { z } from 'zod';
import { caseEventWire, caseRecordSchema } from './cases';
import { eventReasonSchema } from './errors';

/** `eventId` makes a retried request safe: the same id gets the first answer again. */
const eventId = z.guid().optional();

export const takeRequestSchema = z.strictObject({ eventId }).meta({ id: 'TakeRequest' });
export const releaseRequestSchema = z.strictObject({ eventId }).meta({ id: 'ReleaseRequest' });
export const assignRequestSchema = z
  .strictObject({ officerId: z.string().min(1).max(64), eventId })
  .meta({ id: 'AssignRequest' });

export const assignmentAnswerSchema = z
  .strictObject({ event: caseEventWire, case: caseRecordSchema })
  .meta({ id: 'AssignmentAnswer' });
export type AssignmentAnswer = z.infer<typeof assignmentAnswerSchema>;

/** 409: the workflow refused the assignment (e.g. the case is held by someone else); `case` is the server's. */
export const assignmentRefusedSchema = z
  .strictObject({
    code: z.literal('assignment.refused'),
    message: z.string(),
    reason: eventReasonSchema,
    case: caseRecordSchema,
  })
  .meta({ id: 'AssignmentRefused' });
export type AssignmentRefused = z.infer<typeof assignmentRefusedSchema>;
