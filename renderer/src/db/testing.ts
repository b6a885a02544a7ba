/** Helpers for the storage tests (imported by *.test.ts only). */
import type { DBCore, Middleware } from 'dexie';
import { DeskDatabase } from './database';
import { createDesk, openDesk, type Desk } from './desk';
import type { QueueRow } from './records';

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

/** Queue row number `i`: what the queue's order and views go by varies with `i`, the rest plain. */
export function testQueueRow(i: number, over: Partial<QueueRow> = {}): QueueRow {
  return {
    caseId: `c-${i}`,
    version: 1,
    caseNumber: `KZ-2026-${String(i).padStart(6, '0')}`,
    stage: 'review',
    queues: ['review'],
    ground: 'marks',
    applicant: { iin: '850101400011', lastName: 'Ахметова', firstName: 'Айгүл' },
    pupil: { iin: '120305500012', lastName: 'Ахметов', firstName: 'Нұрлан' },
    schoolName: '№ 12 мектеп',
    className: '7 «А»',
    assignedTo: i % 3 === 0 ? null : `officer-${i % 3}`,
    receivedAt: '2026-11-20T10:00:00+05:00',
    // Spread over two months, many sharing a day (ties go by case number).
    dueOn: `2026-${i % 2 ? '12' : '11'}-${String(((i * 7) % 28) + 1).padStart(2, '0')}`,
    termDueOn: '2026-12-30',
    complaintDueOn: null,
    openComplaints: 0,
    complaints: [],
    ...over,
  };
}
