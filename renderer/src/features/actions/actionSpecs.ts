/**
 * One spec per action the desk offers: which fields its dialog asks for, what they start with, and
 * how the answers become the event's payload. Pure, so every rule is unit-tested (actionSpecs.test.ts).
 */
import type { ActionType } from '../../stores/eventFactory';
import type { ActionSpec } from './actionTypes';
import { approved, order, returned, schoolAnswer, schoolRequest, sentForApproval } from './specsDecision';
import { assigned, completeness, refused, registered } from './specsIntake';
import { complaintAnswered, complaintRegistered, delivered } from './specsResult';
import { signed } from './specsSignature';

/** The actions the desk offers, in process order ('document-reviewed' lives in the documents panel). */
export const ACTION_SPECS = {
  assigned,
  registered,
  'completeness-checked': completeness,
  refused,
  'school-request-sent': schoolRequest,
  'school-answer-recorded': schoolAnswer,
  'order-prepared': order,
  'sent-for-approval': sentForApproval,
  approved,
  returned,
  signed,
  'result-delivered': delivered,
  'complaint-registered': complaintRegistered,
  'complaint-answered': complaintAnswered,
} satisfies Partial<{ [T in ActionType]: ActionSpec<T> }>;

export type OfferedAction = keyof typeof ACTION_SPECS;

export function isOffered(type: string): type is OfferedAction {
  return Object.hasOwn(ACTION_SPECS, type);
}
