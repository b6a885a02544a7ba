import { describe, expect, it } from 'vitest';
import { fakeCalendar } from '../../../../shared/workflow/testing/fake-calendar';
import { prepareRows, type QueueSourceRow } from '../queue/queueModel';
import { localNoticeMemory, noticeOf, shouldNotify } from './deadlineNotice';

const calendar = fakeCalendar();
const person = { iin: '850101400011', lastName: 'Ахметова', firstName: 'Айгүл' };
function row(
  caseNumber: string,
  dueOn: string | null,
  assignedTo: string | null,
  complaintDueOn: string | null = null,
): QueueSourceRow {
  return {
    caseId: caseNumber,
    caseNumber,
    stage: dueOn ? 'completeness' : 'closed',
    ground: 'health',
    applicant: person,
    pupil: person,
    schoolName: 'School',
    className: '8',
    assignedTo,
    receivedAt: '2026-12-14T10:00:00+05:00',
    dueOn,
    termDueOn: null,
    complaintDueOn,
    openComplaints: complaintDueOn ? 1 : 0,
  };
}

// Friday 18.12.2026: due today, due Monday 21st (the next working day), due Tuesday, overdue.
const today = '2026-12-18';
const rows = prepareRows(
  [
    row('today', '2026-12-18', 'officer-1'),
    row('monday', '2026-12-21', null),
    row('tuesday', '2026-12-22', 'officer-1'),
    row('late', '2026-12-17', 'officer-1'),
    row('other', '2026-12-17', 'officer-2'),
    row('complaint', null, 'officer-1', '2026-12-18'),
  ],
  calendar,
  today,
);
const numbers = (list: { row: { caseNumber: string } }[]) => list.map((r) => r.row.caseNumber);

describe('the deadline notice', () => {
  it('tells an officer about her cases and nobody’s: due today or the next working day, and overdue', () => {
    const n = noticeOf(rows, { id: 'officer-1', role: 'officer' }, today);
    expect(numbers(n.overdue)).toEqual(['late']);
    expect(numbers(n.dueSoon)).toEqual(['today', 'monday', 'complaint']);
  });

  it('tells the head about every case', () => {
    const n = noticeOf(rows, { id: 'head-1', role: 'head' }, today);
    expect(numbers(n.overdue)).toEqual(['late', 'other']);
  });
});

describe('when it is shown', () => {
  it('at every sign-in, and on the first use of a new working day', () => {
    expect(shouldNotify({ signedInJustNow: true, lastShown: today, today, workingDay: true })).toBe(true);
    expect(shouldNotify({ signedInJustNow: false, lastShown: '2026-12-17', today, workingDay: true })).toBe(
      true,
    );
    // A reload the same day, and a Saturday, tell nothing.
    expect(shouldNotify({ signedInJustNow: false, lastShown: today, today, workingDay: true })).toBe(false);
    expect(
      shouldNotify({ signedInJustNow: false, lastShown: today, today: '2026-12-19', workingDay: false }),
    ).toBe(false);
  });

  it('remembers the day per user', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    } as unknown as Storage;
    const memory = localNoticeMemory(storage);
    memory.remember('officer-1', today);
    expect(memory.lastShown('officer-1')).toBe(today);
    expect(memory.lastShown('officer-2')).toBeNull();
  });
});
