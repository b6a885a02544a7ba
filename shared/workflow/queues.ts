/** The desk's work queues and how urgent a case is, both derived from the case alone. */
import type { IsoDate, WorkingDayCalendar } from '../calendar/types';
import { currentDeadline, nextComplaintDeadline } from './deadlines';
import { openComplaints } from './guards';
import type { CaseState, Stage } from './state';

export const QUEUE_IDS = [
  'to-register',
  'completeness-due',
  'waiting-school',
  'review',
  'awaiting-approval',
  'ready-to-send',
  'refused',
  'granted',
  'complaints',
] as const;

export type QueueId = (typeof QUEUE_IDS)[number];

const STAGE_QUEUE: Record<Exclude<Stage, 'closed'>, QueueId> = {
  registration: 'to-register',
  completeness: 'completeness-due',
  school: 'waiting-school',
  review: 'review',
  approval: 'awaiting-approval',
  'ready-to-send': 'ready-to-send',
};

/**
 * The queues a case shows in: one for its stage (closed cases by outcome), plus 'complaints' while a
 * complaint waits for an answer, whatever the stage.
 */
export function queueOf(state: CaseState): QueueId[] {
  const main: QueueId =
    state.stage === 'closed'
      ? state.outcome === 'granted'
        ? 'granted'
        : 'refused'
      : STAGE_QUEUE[state.stage];
  return openComplaints(state).length > 0 ? [main, 'complaints'] : [main];
}

export type Urgency = 'overdue' | 'due-soon' | 'normal';

/**
 * The more urgent of the current stage's deadline (capped by the whole term) and the unanswered
 * complaint due first: 'due-soon' when due today or on the next working day.
 */
export function urgencyOf(state: CaseState, calendar: WorkingDayCalendar, today: IsoDate): Urgency {
  const deadlines = [currentDeadline(state, calendar, today), nextComplaintDeadline(state, calendar, today)];
  const statuses = deadlines.flatMap((d) => (d ? [d.status] : []));
  if (statuses.includes('overdue')) return 'overdue';
  if (statuses.includes('at-risk')) return 'due-soon';
  return 'normal';
}
