/**
 * The workflow against the real Kazakhstan calendar (shared/calendar), to catch any mismatch between
 * the calendar contract as the fake reads it and as the implementation does. December 2026 has
 * Independence Day on Wednesday the 16th, like the fake calendar of the other tests.
 */
import { describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../calendar/index';
import { caseDeadlines, currentDeadline } from './deadlines';
import { almaty, CaseScript, grantedAndClosed, registration, sampleApplication } from './testing/scenario';

describe('deadlines with kazakhstanCalendar', () => {
  it('gives the days the happy path expects', () => {
    const days = caseDeadlines(grantedAndClosed().current, kazakhstanCalendar, '2026-12-23').map((d) => [
      d.stage,
      d.dueOn,
      d.status,
    ]);
    expect(days).toEqual([
      ['registration', '2026-12-14', 'met'],
      ['completeness', '2026-12-17', 'met'],
      ['school', '2026-12-24', 'met'],
      ['review', '2026-12-22', 'met'],
      ['term', '2026-12-29', 'met'],
    ]);
  });

  it('says overdue the Saturday after a Friday due day', () => {
    // Registered Wednesday 23rd: completeness is due Friday 25th.
    const s = new CaseScript(sampleApplication({ receivedAt: almaty('2026-12-23') }));
    s.do('registered', registration('2026-12-23'), { at: almaty('2026-12-23', '11:00') });
    expect(currentDeadline(s.current, kazakhstanCalendar, '2026-12-25')).toMatchObject({
      dueOn: '2026-12-25',
      status: 'at-risk',
    });
    expect(currentDeadline(s.current, kazakhstanCalendar, '2026-12-26')).toMatchObject({
      status: 'overdue',
      workingDaysLeft: 0,
      provisional: false,
    });
  });
});
