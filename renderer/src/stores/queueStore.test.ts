import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_USERS } from '../../../shared/auth/demo-users';
import { openDesk, type Desk } from '../db';
import { uniqueName } from '../db/testing';
import { viewQueue } from '../features/queue/queueView';
import { setClockForTests } from './clock';
import { useDesk } from './deskStore';
import { demoCases, NOW, user } from './fixtures';
import { resetQueueStore, useQueue } from './queueStore';
import { useSession } from './sessionStore';

let desk: Desk | undefined;

beforeEach(() => {
  setClockForTests(() => new Date(NOW));
  useSession.getState().signIn(user('officer-1'));
});

afterEach(() => {
  resetQueueStore();
  useDesk.getState().desk?.close();
  useDesk.setState({ status: 'idle', desk: null });
  desk?.close();
  desk = undefined;
});

async function ready(d: Desk): Promise<void> {
  useDesk.setState({
    status: 'ready',
    desk: d,
    settings: await d.settings.get(),
    calendar: await d.calendar.get(),
    notice: null,
  });
}

/** Every state the queue store passes through while `run` runs. */
async function watched(run: () => Promise<void>) {
  const seen: Array<ReturnType<typeof useQueue.getState>> = [];
  const stop = useQueue.subscribe((s) => seen.push(s));
  await run();
  stop();
  return seen;
}

describe('the queue store', () => {
  it('draws the first screen from the heads, then reads every row in the background with its search words', async () => {
    desk = await openDesk({ name: uniqueName('queue') });
    await desk.rebuilt;
    const cases = demoCases();
    // More cases than a head holds: the heads alone cannot be the whole queue.
    expect(cases.length).toBeGreaterThan(100);
    await desk.cases.importCases(cases);
    await ready(desk);

    const seen = await watched(() => useQueue.getState().load());
    const partial = seen.find((s) => s.partial !== null);
    expect(partial?.status).toBe('ready');
    expect(partial?.sorted).toEqual([]);
    const all = partial!.partial!.heads.get('all')!;
    expect(all.total).toBe(cases.length);
    expect(all.rows).toHaveLength(100);

    const done = useQueue.getState();
    expect(done.partial).toBeNull();
    expect(done.sorted).toHaveLength(cases.length);
    // The head was the true start of the whole queue in its default order.
    expect(all.rows.map((r) => r.row.caseId)).toEqual(done.sorted.slice(0, 100).map((r) => r.row.caseId));
    // The search words were built while reading: a search is answered by the index at once.
    expect(done.sorted[0]!.index.complete).toBe(true);
    const someone = done.sorted[150]!.row;
    const found = viewQueue(done.sorted, {
      queue: 'all',
      stage: '',
      ground: '',
      school: '',
      officer: '',
      search: `${someone.applicant.lastName} ${someone.caseNumber}`,
    });
    expect(found.rows.map((r) => r.row.caseId)).toEqual([someone.caseId]);
  });

  it('reads again when a case is written during the background read', async () => {
    desk = await openDesk({ name: uniqueName('queue') });
    await desk.rebuilt;
    const [late, ...cases] = demoCases();
    await desk.cases.importCases(cases);
    await ready(desk);
    const d = desk;
    const read = d.cases.readRowChunk.bind(d.cases);
    let first = true;
    vi.spyOn(d.cases, 'readRowChunk').mockImplementation(async (from, count) => {
      const chunk = await read(from, count);
      // The read has its rows; a case arrives before the queue shows them.
      if (first) {
        first = false;
        await d.cases.importCases([late!]);
      }
      return chunk;
    });
    await useQueue.getState().load();
    expect(useQueue.getState().sorted).toHaveLength(cases.length);
    await vi.waitFor(() => expect(useQueue.getState().sorted).toHaveLength(cases.length + 1), {
      timeout: 10_000,
    });
    expect(useQueue.getState().sorted.map((r) => r.row.caseId)).toContain(late!.state.caseId);
  });

  it('never starts from what the desk prefetched at open when a write came before the queue listened', async () => {
    const name = uniqueName('queue');
    const made = await openDesk({ name });
    await made.rebuilt;
    expect((await made.users.createDemoUsers(DEMO_USERS)).ok).toBe(true);
    const [first, second] = demoCases();
    await made.cases.importCases([first!]);
    made.close();

    // Opening reads the heads ahead of the queue; then (like the background rebuild of an upgrade
    // ending before the queue screen mounts) a write lands while nobody listens yet.
    await useDesk.getState().open({ name });
    const opened = useDesk.getState().desk!;
    await opened.rebuilt;
    await opened.cases.importCases([second!]);

    await useQueue.getState().load();
    expect(
      useQueue
        .getState()
        .sorted.map((r) => r.row.caseId)
        .sort(),
    ).toEqual([first!.state.caseId, second!.state.caseId].sort());
  });
});
