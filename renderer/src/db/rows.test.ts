import { describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../../shared/calendar';
import { complaintDeadline, urgencyOf } from '../../../shared/workflow';
import { almaty, grantedAndClosed } from '../../../shared/workflow/testing/scenario';
import { caseRowOf, urgencyOfRow } from './rows';

/** A closed case with three open complaints whose due days are in neither first nor last place. */
function withComplaints() {
  const s = grantedAndClosed();
  // Recorded one after another on 23.12 (the record's clock never goes back), each with the day
  // the complaint came in.
  const complain = (id: string, addressee: 'provider' | 'quality-authority', day: string, time: string) =>
    s.do(
      'complaint-registered',
      { complaintId: id, addressee, registeredOn: day, summary: 'Disagrees' },
      { at: almaty('2026-12-23', time) },
    );
  complain('a', 'provider', '2026-12-23', '11:00');
  complain('b', 'provider', '2026-12-22', '11:05');
  complain('c', 'quality-authority', '2026-12-22', '11:10');
  return s.current;
}

describe('caseRowOf', () => {
  it('keeps the earliest due day of the open complaints, whichever place it has', () => {
    const state = withComplaints();
    const dues = state.complaints.map((c) => complaintDeadline(c, kazakhstanCalendar, '2026-12-23').dueOn);
    const earliest = [...dues].sort()[0];
    // The fixture itself: the earliest is the middle one, so "first" and "latest" both differ from it.
    expect(dues.indexOf(earliest!)).toBe(1);
    expect(new Set(dues).size).toBe(3);

    const row = caseRowOf(state, kazakhstanCalendar);
    expect(row.complaintDueOn).toBe(earliest);
    expect(row.openComplaints).toBe(3);
    expect(row.queues).toContain('complaints');
  });

  it('lists each open complaint with its addressee and due day, earliest first; an answer removes it', () => {
    const state = withComplaints();
    const due = (id: string) =>
      complaintDeadline(
        state.complaints.find((c) => c.complaintId === id)!,
        kazakhstanCalendar,
        '2026-12-23',
      ).dueOn;
    const row = caseRowOf(state, kazakhstanCalendar);
    // 'b' (to the akimat, 5 days from 22.12) before 'a' (to the akimat, from 23.12) before 'c'
    // (to the quality authority, 15 days): neither the recording order nor the addressee order.
    expect(row.complaints).toEqual([
      { addressee: 'provider', dueOn: due('b') },
      { addressee: 'provider', dueOn: due('a') },
      { addressee: 'quality-authority', dueOn: due('c') },
    ]);
    expect(row.complaints?.[0]?.dueOn).toBe(row.complaintDueOn);

    const answered = caseRowOf(
      {
        ...state,
        complaints: state.complaints.map((c) =>
          c.complaintId === 'b'
            ? {
                ...c,
                answer: {
                  complaintId: 'b',
                  answeredOn: '2026-12-24',
                  outcome: 'rejected' as const,
                  summary: 'x',
                },
              }
            : c,
        ),
      },
      kazakhstanCalendar,
    );
    expect(answered.complaints?.map((c) => c.dueOn)).toEqual([due('a'), due('c')]);
    expect(answered.openComplaints).toBe(2);
  });

  it('colours the row as urgencyOf colours the case, on the days around the complaints’ due days', () => {
    const state = withComplaints();
    const row = caseRowOf(state, kazakhstanCalendar);
    for (const today of [
      '2026-12-23',
      '2026-12-25',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2027-01-05',
    ]) {
      expect(urgencyOfRow(row, kazakhstanCalendar, today), today).toBe(
        urgencyOf(state, kazakhstanCalendar, today),
      );
    }
  });
});
