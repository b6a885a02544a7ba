import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../../shared/workflow';
import {
  almaty,
  CaseScript,
  makeEvent,
  registration,
  sampleApplication,
} from '../../../../shared/workflow/testing/scenario';
import type { Desk } from '../desk';
import { openTestDesk } from '../testing';
import { patternOf, suggestAfter } from './registration';

let desk: Desk | undefined;
afterEach(() => desk?.close());

describe('the register’s number pattern', () => {
  it('continues the latest number’s pattern, keeping its zero padding', () => {
    expect(patternOf('01-07/147')).toEqual({ prefix: '01-07/', digits: '147', suffix: '' });
    expect(suggestAfter(['01-07/147', '01-07/146'])).toBe('01-07/148');
    expect(suggestAfter(['ЖТ-0099-Б'])).toBe('ЖТ-0100-Б');
    expect(suggestAfter(['0009'])).toBe('0010');
    // The highest of the newest pattern, not merely the newest (numbers typed out of order).
    expect(suggestAfter(['01-07/12', '01-07/150', '02/999'])).toBe('01-07/151');
    expect(suggestAfter([])).toBe('1');
    expect(suggestAfter(['без номера'])).toBe('1');
  });
});

/** A case received on `day` (its own id and numbers) and, if `number` is given, registered that day. */
function caseOf(i: number, day: string, number?: string): CaseScript {
  const s = new CaseScript(
    sampleApplication({ caseNumber: `KZ-2026-${1000 + i}`, receivedAt: almaty(day, '09:00') }),
  );
  for (const e of s.events) e.caseId = `case-${i}`;
  s.state = { ...s.current, caseId: `case-${i}` };
  if (number) s.do('registered', registration(day, day, number), { at: almaty(day, '10:00') });
  return s;
}

describe('registration numbers in the store', () => {
  it('suggests the next number of this year’s register, skipping numbers already taken', async () => {
    desk = await openTestDesk();
    expect(await desk.cases.nextRegistrationNumber('2026-12-14')).toBe('1');
    const cases = [
      caseOf(1, '2025-12-30', '01-07/900'),
      caseOf(2, '2026-12-10', '01-07/146'),
      caseOf(3, '2026-12-11', '01-07/147'),
      // Typed by hand ahead of the register.
      caseOf(4, '2026-12-09', '01-07/148'),
    ];
    await desk.cases.ingestMany(
      cases.map((s) => ({ caseId: s.current.caseId, events: s.events })),
      'remote',
    );
    expect(await desk.cases.nextRegistrationNumber('2026-12-14')).toBe('01-07/149');
    // A new year starts from this year's numbers only: none yet.
    expect(await desk.cases.nextRegistrationNumber('2027-01-05')).toBe('1');
  });

  it('refuses a local registration under another case’s number, naming that case, never a person', async () => {
    desk = await openTestDesk();
    const first = caseOf(1, '2026-12-11', '01-07/147');
    const second = caseOf(2, '2026-12-11');
    await desk.cases.ingestMany(
      [first, second].map((s) => ({ caseId: s.current.caseId, events: s.events })),
      'remote',
    );
    const taken = (number: string): CaseEvent =>
      makeEvent(undefined, 'registered', registration('2026-12-11', '2026-12-11', number), {
        caseId: 'case-2',
        baseVersion: 1,
        at: almaty('2026-12-11', '11:00'),
      });
    for (const number of ['01-07/147', ' 01-07/147 ']) {
      expect(await desk.cases.ingest('case-2', [taken(number)], 'local')).toEqual({
        ok: false,
        index: 0,
        reason: {
          code: 'registration.number-taken',
          params: { registrationNumber: number, caseNumber: 'KZ-2026-1001' },
        },
      });
    }
    expect(await desk.outbox.countUnsent()).toBe(0);
    expect(await desk.cases.ingest('case-2', [taken('01-07/148')], 'local')).toMatchObject({ ok: true });
  });
});
