import { describe, expect, it } from 'vitest';
import { formatRoute, HOME, parseHash, readHash } from './navigation';

describe('routes in the hash', () => {
  it('round-trip queues, cases and settings', () => {
    for (const route of [
      { name: 'queue', queue: 'overdue' },
      { name: 'case', caseId: 'case/with space' },
      { name: 'case', caseId: 'Айгерім %E0' },
      { name: 'settings' },
    ] as const) {
      expect(readHash(formatRoute(route))).toEqual({ route, valid: true });
    }
  });

  it('read no hash, or a bare one, as the home queue without complaint', () => {
    for (const hash of ['', '#', '#/']) expect(readHash(hash)).toEqual({ route: HOME, valid: true });
    expect(readHash('#/settings/')).toEqual({ route: { name: 'settings' }, valid: true });
  });

  it.each([
    ['a truncated escape', '#/case/%E0%A4%A'],
    ['an escape that is not UTF-8', '#/case/%FF'],
    ['a lone percent sign', '#/queue/%'],
    ['an unknown queue', '#/queue/nonsense'],
    ['a case without an id', '#/case/'],
    ['a case id of absurd length', `#/case/${'x'.repeat(201)}`],
    ['extra segments', '#/case/c-1/documents'],
    ['settings with a tail', '#/settings/users'],
    ['an unknown place', '#/admin'],
  ])('send %s to the home queue, marked as a bad link, without throwing', (_label, hash) => {
    expect(() => readHash(hash)).not.toThrow();
    expect(readHash(hash)).toEqual({ route: HOME, valid: false });
    expect(parseHash(hash)).toEqual(HOME);
  });
});
