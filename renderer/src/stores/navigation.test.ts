import { describe, expect, it } from 'vitest';
import { formatRoute, HOME, parseHash } from './navigation';

describe('routes in the hash', () => {
  it('round-trip queues, cases and settings', () => {
    for (const route of [
      { name: 'queue', queue: 'overdue' },
      { name: 'case', caseId: 'case/with space' },
      { name: 'settings' },
    ] as const) {
      expect(parseHash(formatRoute(route))).toEqual(route);
    }
  });

  it('fall back to all cases for anything unknown', () => {
    expect(parseHash('')).toEqual(HOME);
    expect(parseHash('#/queue/nonsense')).toEqual(HOME);
    expect(parseHash('#/case/')).toEqual(HOME);
  });
});
