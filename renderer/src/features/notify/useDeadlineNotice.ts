/**
 * Shows the deadline notice at sign-in and on the first use of each new working day, in the desk
 * (the panel) and as an OS notification through the host (counts only: see shared/host notify).
 */
import { useEffect, useRef, useState } from 'react';
import { dayOfInstant } from '../../../../shared/calendar';
import { getHost } from '../../host';
import { useLanguage } from '../../i18n/useLanguage';
import { today } from '../../stores/clock';
import { useDesk } from '../../stores/deskStore';
import { useQueue } from '../../stores/queueStore';
import { useSession } from '../../stores/sessionStore';
import { isEmptyNotice, localNoticeMemory, noticeOf, notificationOf, shouldNotify } from './deadlineNotice';
import { useNotice } from './noticeStore';

const memory = localNoticeMemory();
/** How often an open desk looks whether a new day has begun. */
const CHECK_EVERY_MS = 60_000;

export function useDeadlineNotice(): void {
  const { t } = useLanguage();
  const user = useSession((s) => s.user);
  const locked = useSession((s) => s.locked);
  const signedInAt = useSession((s) => s.signedInAt);
  const lastActiveAt = useSession((s) => s.lastActiveAt);
  const calendar = useDesk((s) => s.calendar);
  const settings = useDesk((s) => s.settings);
  const queueStatus = useQueue((s) => s.status);
  const rows = useQueue((s) => s.sorted);
  // While the queue is drawn from its heads, `sorted` is not every row yet: the notice waits.
  const partial = useQueue((s) => s.partial !== null);
  const handledSignIn = useRef<number | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), CHECK_EVERY_MS);
    return () => clearInterval(id);
  }, []);

  // Whoever works with cases needs the rows; the head may land elsewhere than on a queue.
  const works = !!user && !locked && user.role !== 'admin';
  useEffect(() => {
    // Read now, not from this render: the queue screen's own effect (a child's, run first) may have
    // started the load already, and a second would read every row again while the desk opens.
    if (works && useQueue.getState().status === 'idle') void useQueue.getState().load();
  }, [works, queueStatus]);

  useEffect(() => {
    if (!user) useNotice.getState().dismiss();
  }, [user]);

  useEffect(() => {
    if (!works || !user || queueStatus !== 'ready' || partial || !calendar || !settings) return;
    const zone = settings.officeHours.timeZone;
    const day = today(zone);
    const signedInJustNow = signedInAt !== null && handledSignIn.current !== signedInAt;
    // "Used today": a desk left open overnight tells the morning's notice to whoever touches it.
    const usedToday = dayOfInstant(lastActiveAt, zone) === day;
    const show = shouldNotify({
      signedInJustNow,
      lastShown: memory.lastShown(user.id),
      today: day,
      workingDay: calendar.isWorkingDay(day),
    });
    if (!show || (!signedInJustNow && !usedToday)) return;
    handledSignIn.current = signedInAt;
    memory.remember(user.id, day);
    const notice = noticeOf(rows, user, day);
    if (isEmptyNotice(notice)) return;
    useNotice.getState().show(notice);
    getHost()
      .notify(notificationOf(t, notice))
      .catch(() => undefined);
  }, [works, user, queueStatus, partial, rows, calendar, settings, signedInAt, lastActiveAt, tick, t]);
}
