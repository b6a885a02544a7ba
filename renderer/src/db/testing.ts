/** Helpers for the storage tests (imported by *.test.ts only). */
import type { DBCore, Middleware } from 'dexie';
import { DeskDatabase } from './database';
import { createDesk, openDesk, type Desk } from './desk';

let counter = 0;

/** A fresh database name per test, so tests never see each other's data. */
export function uniqueName(prefix = 'test-desk'): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2)}`;
}

export function openTestDesk(): Promise<Desk> {
  return openDesk({ name: uniqueName() });
}

/**
 * A desk whose writes to `table` fail with `error` while `armed()` says so: the way to prove a
 * transaction leaves nothing half-written when the disk fills up in the middle of it.
 */
export async function openFailingDesk(
  table: string,
  error: () => Error,
  armed: () => boolean,
): Promise<Desk> {
  const db = new DeskDatabase(uniqueName());
  const failing: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'fail-writes',
    create: (down) => ({
      ...down,
      table(name) {
        const inner = down.table(name);
        if (name !== table) return inner;
        return {
          ...inner,
          mutate: (req) => (armed() ? Promise.reject(error()) : inner.mutate(req)),
        };
      },
    }),
  };
  db.use(failing);
  await db.open();
  return createDesk(db);
}

export function quotaError(): Error {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** What Chromium throws when the disk itself is full (LevelDB's status in an UnknownError). */
export function diskFullError(): Error {
  return new DOMException(
    'IO error: .../000042.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
    'UnknownError',
  );
}
