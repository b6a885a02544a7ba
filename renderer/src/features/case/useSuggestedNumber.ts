import { useEffect, useState } from 'react';
import type { IsoDate } from '../../../../shared/calendar';
import type { CaseState } from '../../../../shared/workflow';
import type { Desk } from '../../db';

/**
 * The next number of the akimat's register for a case waiting for registration, as the store
 * suggests it (the pattern of this year's numbers, never one already taken). A failure leaves the
 * field empty for the officer to type: the store still refuses a duplicate.
 */
export function useSuggestedNumber(
  desk: Desk | null,
  state: CaseState | null,
  today: IsoDate,
): string | undefined {
  // Kept with the case and day it was asked for, so another case never shows this one's number.
  const [suggested, setSuggested] = useState<{ key: string; number: string }>();
  const waiting = state?.stage === 'registration' ? state.caseId : undefined;
  const key = `${waiting ?? ''}|${today}`;
  useEffect(() => {
    if (!desk || !waiting) return;
    let live = true;
    desk.cases.nextRegistrationNumber(today).then(
      (number) => live && setSuggested({ key, number }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [desk, waiting, today, key]);
  return waiting && suggested?.key === key ? suggested.number : undefined;
}
