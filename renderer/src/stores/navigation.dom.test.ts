// @vitest-environment happy-dom
// The desk once threw at module load when opened with a malformed link, and never started.
import { beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.resetModules();
});

async function load() {
  return (await import('./navigation')).useNavigation;
}

describe('opening the desk with a link', () => {
  it('survives a malformed link: the home queue, a notice, and the address bar corrected', async () => {
    history.replaceState(null, '', '#/case/%E0%A4%A');
    const historyLength = history.length;
    const useNavigation = await load();
    expect(useNavigation.getState()).toMatchObject({ route: { name: 'queue', queue: 'all' }, badLink: true });
    expect(location.hash).toBe('#/queue/all');
    expect(history.length).toBe(historyLength);

    useNavigation.getState().navigate({ name: 'settings' });
    expect(useNavigation.getState().badLink).toBe(false);
  });

  it('opens a good link as it says, without a notice', async () => {
    history.replaceState(null, '', '#/case/c-42');
    const useNavigation = await load();
    expect(useNavigation.getState()).toMatchObject({
      route: { name: 'case', caseId: 'c-42' },
      badLink: false,
    });
  });

  it('tells about a bad link followed while the desk is open', async () => {
    history.replaceState(null, '', '#/queue/overdue');
    const useNavigation = await load();
    history.replaceState(null, '', '#/case/%');
    useNavigation.getState().syncFromLocation();
    expect(useNavigation.getState()).toMatchObject({ route: { name: 'queue', queue: 'all' }, badLink: true });
    useNavigation.getState().dismissBadLink();
    expect(useNavigation.getState().badLink).toBe(false);
  });
});
