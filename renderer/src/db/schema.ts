/**
 * The schema history of the desk's database. Append-only: a released entry is never edited or
 * removed, because a user's database may be at any earlier version and Dexie replays from there.
 * A new version adds an entry here and, if stored data must change, a numbered upgrade in
 * `upgrades/NNN-name.ts` with its own test.
 */
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { STORES_V2, upgrade002SearchTokens } from './upgrades/002-search-tokens';
import { STORES_V3 } from './upgrades/003-templates';
import { STORES_V4, upgrade004CaseSearch } from './upgrades/004-case-search';
import { STORES_V5, upgrade005SlimRecords } from './upgrades/005-slim-records';
import { STORES_V6, upgrade006Users } from './upgrades/006-users';
import { STORES_V7, upgrade007Issuer } from './upgrades/007-issuer';
import { STORES_V8 } from './upgrades/008-drafts';
import { STORES_V9, upgrade009RowComplaints } from './upgrades/009-row-complaints';
import { STORES_V10 } from './upgrades/010-case-facts';
import { STORES_V11, upgrade011QueueHeads } from './upgrades/011-queue-heads';
import { STORES_V12 } from './upgrades/012-signature-checks';

export interface SchemaStep {
  version: number;
  /** Dexie's store declarations of the tables this version adds or changes (null drops a table). */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

const STORES_V1 = {
  cases: 'caseId, stage, ground, schoolName, assignedTo, dueOn, termDueOn, receivedAt, caseNumber, *queues',
  caseStates: 'caseId',
  // [caseId+seq] is unique: two events can never claim the same place in a case.
  events: 'id, caseId, &[caseId+seq]',
  attachments: 'sha256',
  outbox: 'eventId, caseId, status, &[caseId+seq]',
  settings: 'key',
  calendarYears: 'year',
  syncState: 'key',
} as const;

export const SCHEMA_HISTORY: readonly SchemaStep[] = [
  { version: 1, stores: STORES_V1 },
  { version: 2, stores: STORES_V2, upgrade: upgrade002SearchTokens },
  { version: 3, stores: STORES_V3 },
  { version: 4, stores: STORES_V4, upgrade: upgrade004CaseSearch },
  { version: 5, stores: STORES_V5, upgrade: upgrade005SlimRecords },
  { version: 6, stores: STORES_V6, upgrade: upgrade006Users },
  { version: 7, stores: STORES_V7, upgrade: upgrade007Issuer },
  { version: 8, stores: STORES_V8 },
  { version: 9, stores: STORES_V9, upgrade: upgrade009RowComplaints },
  { version: 10, stores: STORES_V10 },
  { version: 11, stores: STORES_V11, upgrade: upgrade011QueueHeads },
  { version: 12, stores: STORES_V12 },
];

export const LATEST_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]?.version ?? 1;

/** Declares the versions up to `upTo` on `db` (tests open an old version with `upTo`). */
export function declareSchema(db: Dexie, upTo: number = LATEST_VERSION): void {
  for (const step of SCHEMA_HISTORY) {
    if (step.version > upTo) break;
    const version = db.version(step.version).stores(step.stores);
    const upgrade = step.upgrade;
    if (upgrade) version.upgrade((tx) => upgrade(tx));
  }
}
