import { describe, expect, it } from 'vitest';
import { DEFAULT_KEEP_SETTLED_MONTHS, settledBefore } from './working-set';

describe('settledBefore', () => {
  it('is the same day `months` earlier, two years by default', () => {
    expect(DEFAULT_KEEP_SETTLED_MONTHS).toBe(24);
    expect(settledBefore(new Date('2029-03-15T08:00:00Z'))).toBe('2027-03-15');
    expect(settledBefore(new Date('2029-03-15T08:00:00Z'), 6)).toBe('2028-09-15');
    expect(() => settledBefore(new Date(), 0)).toThrow(RangeError);
  });
});
