/**
 * Who is told about which deadlines, and when. Pure: the rows, the user and the day come in.
 *
 * The cases are the queue's own "overdue" and "due soon" (today or the next working day, stage or
 * complaint), so the notice and the queues cannot disagree. An officer is told about the cases she
 * holds and those nobody holds yet (someone must take them); the head about every case.
 */
import type { IsoDate } from '../../../../shared/calendar';
import { inQueue, type DeskRow } from '../queue/queueModel';

export interface DeadlineNotice {
  day: IsoDate;
  overdue: DeskRow[];
  dueSoon: DeskRow[];
}

export function noticeOf(
  rows: readonly DeskRow[],
  user: { id: string; role: string },
  day: IsoDate,
): DeadlineNotice {
  const mine = (r: DeskRow) => user.role === 'head' || !r.row.assignedTo || r.row.assignedTo === user.id;
  const overdue: DeskRow[] = [];
  const dueSoon: DeskRow[] = [];
  for (const r of rows) {
    if (!mine(r)) continue;
    if (inQueue(r, 'overdue')) overdue.push(r);
    else if (inQueue(r, 'due-soon')) dueSoon.push(r);
  }
  return { day, overdue, dueSoon };
}

/**
 * The OS or browser notification of a notice: counts only. A notification is shown outside the
 * desk, on a screen others may see, so no name, IIN or case number ever goes into one.
 */
export function notificationOf(
  t: (key: string, options: Record<string, number>) => string,
  n: DeadlineNotice,
): { title: string; body: string } {
  return {
    title: t('notify.osTitle', {}),
    body: t('notify.osBody', { soon: n.dueSoon.length, overdue: n.overdue.length }),
  };
}

export function isEmptyNotice(n: DeadlineNotice): boolean {
  return n.overdue.length === 0 && n.dueSoon.length === 0;
}

/** Where the last notice was shown, per user: so a reload on the same day does not show it again. */
export interface NoticeMemory {
  lastShown(userId: string): IsoDate | null;
  remember(userId: string, day: IsoDate): void;
}

export function localNoticeMemory(storage: Storage | undefined = globalThis.localStorage): NoticeMemory {
  const key = (userId: string) => `desk.notice.${userId}`;
  return {
    lastShown: (userId) => storage?.getItem(key(userId)) ?? null,
    remember: (userId, day) => storage?.setItem(key(userId), day),
  };
}

/**
 * At sign-in always; otherwise the first time the desk is used on a working day the user has not
 * been told on yet (the morning's notice). A reload the same day tells nothing new.
 */
export function shouldNotify(options: {
  signedInJustNow: boolean;
  lastShown: IsoDate | null;
  today: IsoDate;
  workingDay: boolean;
}): boolean {
  if (options.signedInJustNow) return true;
  return options.workingDay && options.lastShown !== options.today;
}
