import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { markFirstScreen } from '../app/firstScreen';

const started = vi.hoisted(() => vi.fn());
vi.mock('../features/documents/arrivalChecks', () => ({
  startArrivalChecks: (...args: unknown[]) => {
    started(...args);
    return { stop: () => undefined, idle: () => Promise.resolve() };
  },
}));
vi.mock('../features/documents/fileChecks', () => ({ fileReaders: () => ({}) }));

describe('the arrival checks of a desk that opens', () => {
  it('start after the first screen, not while the queue is being drawn', async () => {
    const { useDesk } = await import('./deskStore');
    await useDesk.getState().open();
    expect(useDesk.getState().status).toBe('ready');
    // Their code and their first run (every stored case read) competed with the first draw.
    await new Promise((r) => setTimeout(r, 200));
    expect(started).not.toHaveBeenCalled();
    markFirstScreen();
    await vi.waitFor(() => expect(started).toHaveBeenCalledTimes(1));
    expect(started.mock.calls[0]?.[0]).toBe(useDesk.getState().desk);
  });
});
