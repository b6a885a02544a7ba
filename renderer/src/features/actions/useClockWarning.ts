/**
 * The desk's last known good time: the newest `at` of any event it has stored (`desk.clock`, kept
 * by the ingest), beside the case's own newest event (see clockCheck.ts).
 */
import { useEffect, useState } from 'react';
import { isTimestamp, parseInstant } from '../../../../shared/calendar';
import type { CaseState } from '../../../../shared/workflow';
import type { Desk } from '../../db';
import { now } from '../../stores/clock';
import { useDesk } from '../../stores/deskStore';
import { clockWarning, type ClockWarning } from './clockCheck';

/** Epoch ms of the store's last known good time, read again whenever `key` changes (a dialog opens). */
function useLastKnownGood(desk: Desk | null, key: unknown): number | undefined {
  const [ms, setMs] = useState<number>();
  useEffect(() => {
    if (!desk) return;
    let live = true;
    desk.clock.lastKnownGood().then(
      (at) => live && setMs(isTimestamp(at) ? parseInstant(at) : undefined),
      () => undefined, // no reference is not an error: the case's own newest event still counts
    );
    return () => {
      live = false;
    };
  }, [desk, key]);
  return ms;
}

/**
 * The clock's warning for an action on `state` made now, if the clock is far from the last known
 * good time (the case's newest event, the store's newest of any case); `key` re-reads the store.
 */
export function useClockWarning(
  state: Pick<CaseState, 'latestAt'> | null,
  key: unknown,
): { warning: ClockWarning; nowMs: number } | undefined {
  const desk = useDesk((s) => s.desk);
  const lastKnownGood = useLastKnownGood(desk, key);
  if (!state) return undefined;
  const nowMs = now().getTime();
  const warning = clockWarning(nowMs, [parseInstant(state.latestAt), lastKnownGood]);
  return warning ? { warning, nowMs } : undefined;
}
