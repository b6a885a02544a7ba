import { describe, expect, it } from 'vitest';
import { delayAfter, FREE_FAILURES, retryAfterMs, withFailure } from './throttle';

const T0 = Date.parse('2026-11-24T05:00:00.000Z');

describe('the delay after failed sign-ins', () => {
  it('forgives a few typos, then doubles up to a quarter of an hour', () => {
    expect([1, 2, 3].map(delayAfter)).toEqual([0, 0, 0]);
    expect(FREE_FAILURES).toBe(3);
    expect([4, 5, 6, 7].map(delayAfter)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(delayAfter(9)).toBe(900_000);
    expect(delayAfter(40)).toBe(900_000);
  });

  it('counts the wait from the last failure', () => {
    let failures = undefined;
    for (let i = 0; i < 4; i++) failures = withFailure(failures, T0);
    expect(failures).toEqual({ count: 4, lastAt: '2026-11-24T05:00:00.000Z' });
    expect(retryAfterMs(failures, T0)).toBe(30_000);
    expect(retryAfterMs(failures, T0 + 10_000)).toBe(20_000);
    expect(retryAfterMs(failures, T0 + 30_000)).toBe(0);
    expect(retryAfterMs(undefined, T0)).toBe(0);
    expect(retryAfterMs({ count: 2, lastAt: '2026-11-24T05:00:00.000Z' }, T0)).toBe(0);
  });

  it('never makes a clock set back mean a longer wait than the schedule', () => {
    const failures = { count: 5, lastAt: '2026-11-25T05:00:00.000Z' }; // "tomorrow"
    expect(retryAfterMs(failures, T0)).toBe(60_000);
    expect(retryAfterMs({ count: 5, lastAt: 'garbage' }, T0)).toBe(60_000);
  });
});
