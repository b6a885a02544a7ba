/** Opens the database and wires the repositories together; the one entry point for the UI. */
import type { CalendarYear } from '../../../shared/calendar';
import { DEFAULT_SIGNING_SETTINGS, DEMO_SETTINGS } from '../../../shared/settings';
import { createClockStore, type ClockRepository } from './cases/clock';
import type { RebuildResult } from './cases/rebuild';
import { DB_NAME, DeskDatabase } from './database';
import { guarded, storageErrorOf, StorageError } from './errors';
import type { HostBlobStore } from '../../../shared/host';
import { createAttachmentRepository, type AttachmentRepository } from './repositories/attachments';
import { migrateInBackground, sweepInBackground } from './repositories/host-files';
import { createCalendarRepository, type CalendarRepository } from './repositories/calendar';
import { createCaseRepository, type CaseRepository } from './repositories/cases';
import { createOutboxRepository, type OutboxRepository } from './repositories/outbox';
import { createSettingsRepository, type SettingsRepository } from './repositories/settings';
import {
  createSigningSettingsRepository,
  type SigningSettingsRepository,
} from './repositories/signing-settings';
import {
  browserStorageManager,
  createStorageRepository,
  type StorageManagerLike,
  type StorageRepository,
} from './repositories/storage';
import { createSyncStateRepository, type SyncStateRepository } from './repositories/sync-state';
import { createTemplateRepository, type TemplateRepository } from './repositories/templates';
import { log } from '../../../shared/log';
import { createUserRepository, type UserRepository } from './repositories/users';
import { createDraftRepository, type DraftRepository } from './repositories/drafts';
import {
  createSignatureCheckRepository,
  type SignatureCheckRepository,
} from './repositories/signature-checks';

/** Why the desk may not be emptied now; `code` is what the UI translates (storage.json). */
export type ClearCheck = { ok: true } | { ok: false; code: 'clear.unsent-work'; unsent: number };

/** clearAll() refused: local events the central server has not acknowledged would be lost. */
export class UnsentWorkError extends Error {
  override readonly name = 'UnsentWorkError';
  readonly code = 'clear.unsent-work';
  constructor(readonly unsent: number) {
    super(`${unsent} local events are not acknowledged by the central server`);
  }
}

export interface Desk {
  readonly cases: CaseRepository;
  readonly attachments: AttachmentRepository;
  readonly settings: SettingsRepository;
  /** Trusted CAs, the time-stamp authority and OCSP fetching (key `signing` of `settings`). */
  readonly signingSettings: SigningSettingsRepository;
  readonly calendar: CalendarRepository;
  readonly outbox: OutboxRepository;
  /** Form templates: bundled and imported versions, the active one per form and language. */
  readonly templates: TemplateRepository;
  /** The desk's users: the local `UserDirectory` (sync's central enrolment replaces it). */
  readonly users: UserRepository;
  /** What each person typed and has not saved yet, and what the desk remembers for them. */
  readonly drafts: DraftRepository;
  /** The stored verifications of the applicants' signed files (version 12). */
  readonly signatureChecks: SignatureCheckRepository;
  /** How much the desk stores and whether the browser may evict it (settings shows it). */
  readonly storage: StorageRepository;
  /** The newest event time seen: the reference a clock set wrong is compared with. */
  readonly clock: ClockRepository;
  /** Sync's checkpoint, last success, the server's copy of conflicting cases, the enrolment. */
  readonly sync: SyncStateRepository;
  /** For the demo loader and the sync engine only; components use the repositories. */
  readonly db: DeskDatabase;
  /**
   * Settles when the projections a reducer change left stale are rebuilt (openDesk starts it; at
   * once when none are). Until then the case page and every write fold a stale case from its log,
   * and the queue shows the rows as the older reducer computed them; it reloads when this settles.
   * After the rebuild, the dashboard's facts are derived once for a desk upgraded to version 10.
   */
  readonly rebuilt: Promise<RebuildResult>;
  /** Whether clearAll() may run: never while the outbox holds work the server has not acknowledged. */
  canClear(): Promise<ClearCheck>;
  /**
   * Empties every table in one transaction (settings back to the demo defaults, no users) and tells
   * every subscriber. For "reset demo data". Refuses with UnsentWorkError (nothing cleared) while
   * the outbox is not empty: nothing in the UI deletes unsent work.
   */
  clearAll(): Promise<void>;
  close(): void;
}

export interface OpenDeskOptions {
  /** Database name; tests use their own. */
  name?: string;
  /** Year files shipped with the app (default: shared/calendar's bundled years). */
  bundledCalendarYears?: readonly CalendarYear[];
  /** How long to wait for other windows to close an older version before reporting 'blocked'. */
  blockedTimeoutMs?: number;
  /** The browser's StorageManager (default navigator.storage); tests pass their own. */
  storageManager?: StorageManagerLike;
  /** Told how many stale projections were rebuilt so far (only when the reducer changed). */
  onRebuildProgress?: (done: number, total: number) => void;
  /**
   * The host's file store (Host.blobs): the bytes of new files go there and only their metadata to
   * IndexedDB. Absent or null: IndexedDB keeps the bytes too (the browser, the tests).
   */
  blobs?: HostBlobStore | null;
}

/** The repositories over an open (or opening) database. */
/**
 * Rebuilds stale projections in the background: after an update that changes the reducer, 100,000
 * cases take minutes to fold again, and the desk stays right meanwhile (a stale case is folded from
 * its log when read or written). The queue reloads once, at the end.
 */
function startRebuild(
  cases: CaseRepository,
  onProgress?: (done: number, total: number) => void,
): Promise<RebuildResult> {
  const rebuild = async (): Promise<RebuildResult> => {
    if (await cases.knownRebuilt()) return { rebuilt: 0, refused: 0 };
    const stale = await cases.staleCount();
    const result = await cases.rebuildStale(
      onProgress ? { onProgress: (done) => onProgress(done, stale) } : {},
    );
    cases.announceReload();
    return result;
  };
  const run = (async () => {
    const result = await rebuild();
    // Then the dashboard's facts, from current projections, once after the upgrade to version 10.
    await cases.fillFacts();
    return result;
  })();
  // Nobody may be waiting: a failed rebuild is reported (by code) rather than left unhandled.
  run.catch((error: unknown) => {
    log.error('rebuilding projections failed', { code: storageErrorOf(error)?.code ?? 'unknown' });
  });
  return run;
}

export function createDesk(
  db: DeskDatabase,
  bundledCalendarYears?: readonly CalendarYear[],
  storageManager: StorageManagerLike | undefined = browserStorageManager(),
  options: {
    onRebuildProgress?: (done: number, total: number) => void;
    blobs?: HostBlobStore | null;
  } = {},
): Desk {
  const settings = createSettingsRepository(db);
  const maxFileBytes = async () => (await settings.get()).maxAttachmentBytes;
  const attachments = createAttachmentRepository(db, maxFileBytes, options.blobs ?? null);
  const calendar = createCalendarRepository(db, settings, bundledCalendarYears);
  const clock = createClockStore(db);
  const cases = createCaseRepository(db, {
    calendar: () => calendar.get(),
    clock,
    maxFileBytes,
    files: attachments,
  });
  const outbox = createOutboxRepository(db);
  const users = createUserRepository(db);
  // Due days are stored in the queue rows; a new calendar file or new office hours move them.
  calendar.onChange(() => {
    cases.refreshDeadlines().catch((error: unknown) => {
      log.error('refreshing deadlines failed', { code: storageErrorOf(error)?.code ?? 'unknown' });
    });
  });
  const canClear = async (): Promise<ClearCheck> => {
    const unsent = await outbox.countUnsent();
    return unsent === 0 ? { ok: true } : { ok: false, code: 'clear.unsent-work', unsent };
  };
  const signingSettings = createSigningSettingsRepository(db);
  return {
    cases,
    settings,
    signingSettings,
    calendar,
    attachments,
    outbox,
    templates: createTemplateRepository(db),
    users,
    drafts: createDraftRepository(db),
    signatureChecks: createSignatureCheckRepository(db),
    storage: createStorageRepository(storageManager, options.blobs ?? null),
    clock,
    sync: createSyncStateRepository(db),
    db,
    rebuilt: startRebuild(cases, options.onRebuildProgress),
    canClear,
    async clearAll() {
      // The host's copies of the files go once the clearing committed (never before).
      await attachments.deleting((drop) =>
        guarded(() =>
          db.transaction('rw', db.allTables, async () => {
            // Checked inside the transaction, so nothing can be queued between the check and the clearing.
            const unsent = await db.outbox.count();
            if (unsent > 0) throw new UnsentWorkError(unsent);
            if (attachments.home === 'host')
              drop(await db.attachments.filter((a) => a.home === 'host').toArray());
            await Promise.all(db.allTables.map((t) => t.clear()));
          }),
        ),
      );
      // Saving the defaults tells the calendar (office hours) and the settings' subscribers.
      await settings.save(structuredClone(DEMO_SETTINGS));
      await signingSettings.save(structuredClone(DEFAULT_SIGNING_SETTINGS));
      cases.announceReload();
      users.announceReload();
    },
    close: () => db.close(),
  };
}

/**
 * Opens the desk's database (upgrading it if needed), puts outbox entries left in 'sending' back to
 * 'pending', and starts rebuilding projections folded by another reducer version (`desk.rebuilt`
 * settles when done). Throws StorageError:
 * 'blocked' when another window keeps an older version open past `blockedTimeoutMs`, 'unavailable'
 * when IndexedDB cannot be used, 'quota'/'disk-full' when there is no room for the upgrade,
 * 'corrupt' when an upgrade meets data it cannot read.
 */
export async function openDesk(options: OpenDeskOptions = {}): Promise<Desk> {
  const db = new DeskDatabase(options.name ?? DB_NAME);
  const timeoutMs = options.blockedTimeoutMs ?? 5000;
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<never>((_, reject) => {
    // Dexie waits for ever while blocked; the officer should hear why the desk does not start.
    db.on('blocked', () => {
      blockedTimer ??= setTimeout(() => {
        db.close();
        reject(new StorageError('blocked'));
      }, timeoutMs);
    });
  });
  try {
    await Promise.race([db.open(), blocked]);
  } catch (error) {
    if (error instanceof StorageError) throw error;
    db.close();
    throw storageErrorOf(error) ?? new StorageError('unavailable', { cause: error });
  } finally {
    if (blockedTimer !== undefined) clearTimeout(blockedTimer);
  }
  const progress = options.onRebuildProgress;
  const desk = createDesk(
    db,
    options.bundledCalendarYears,
    options.storageManager ?? browserStorageManager(),
    {
      ...(progress ? { onRebuildProgress: progress } : {}),
      blobs: options.blobs ?? null,
    },
  );
  // Unsent work lives here: a browser that may evict it under disk pressure is asked not to. Not
  // awaited (Firefox may ask the user); settings shows the answer.
  void desk.storage.requestPersistence();
  try {
    await desk.outbox.recoverSending();
  } catch (error) {
    db.close();
    throw error;
  }
  // Files a put left without their record (its transaction never committed): in the background.
  // Bytes IndexedDB kept before the desk had the host's file store move there, also in the background.
  if (desk.attachments.home === 'host') {
    void sweepInBackground(desk.attachments);
    void migrateInBackground(desk.attachments);
  }
  return desk;
}
