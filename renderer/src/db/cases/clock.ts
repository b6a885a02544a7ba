/**
 * The desk's last known good time: the newest `at` of any event it has seen, local or remote (later
 * also the server's time, issue 9). A clock far from it is shown to the officer before she acts.
 */
import type { DeskDatabase } from '../database';
import { guarded } from '../errors';

const KEY = 'clock.lastKnownGood';

export interface ClockStore {
  /** Inside an ingest transaction: keeps `at` if it is newer than the stored time. */
  advance(at: string | undefined): Promise<void>;
}

export interface ClockRepository {
  /** The newest event time seen (ISO 8601 with the event's offset), or null before any event. */
  lastKnownGood(): Promise<string | null>;
}

/** The newest of the events' times, compared as instants (offsets differ between sources). */
export function newestOf(events: readonly { at: string }[]): string | undefined {
  let newest: string | undefined;
  let newestMs = -Infinity;
  for (const e of events) {
    const ms = Date.parse(e.at);
    if (ms > newestMs) {
      newest = e.at;
      newestMs = ms;
    }
  }
  return newest;
}

export function createClockStore(db: DeskDatabase): ClockStore & ClockRepository {
  const read = async (): Promise<string | null> => {
    const value = (await db.syncState.get(KEY))?.value;
    return typeof value === 'string' ? value : null;
  };
  return {
    async advance(at) {
      if (at === undefined) return;
      const stored = await read();
      if (stored === null || Date.parse(at) > Date.parse(stored))
        await db.syncState.put({ key: KEY, value: at });
    },
    lastKnownGood: () => guarded(read),
  };
}
