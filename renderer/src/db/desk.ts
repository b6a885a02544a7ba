/** Opens the database and wires the repositories together; the one entry point for the UI. */
import type { CalendarYear } from '../../../shared/calendar';
import { DB_NAME, DeskDatabase } from './database';
import { DEMO_SETTINGS } from '../../../shared/settings';
import { guarded, storageErrorOf, StorageError } from './errors';
import { createAttachmentRepository, type AttachmentRepository } from './repositories/attachments';
import { createCalendarRepository, type CalendarRepository } from './repositories/calendar';
import { createCaseRepository, type CaseRepository } from './repositories/cases';
import { createOutboxRepository, type OutboxRepository } from './repositories/outbox';
import { createSettingsRepository, type SettingsRepository } from './repositories/settings';
import {
  browserStorageManager,
  createStorageRepository,
  type StorageManagerLike,
  type StorageRepository,
} from './repositories/storage';
import { createTemplateRepository, type TemplateRepository } from './repositories/templates';

export interface Desk {
  readonly cases: CaseRepository;
  readonly attachments: AttachmentRepository;
  readonly settings: SettingsRepository;
  readonly calendar: CalendarRepository;
  readonly outbox: OutboxRepository;
  /** Form templates: bundled and imported versions, the active one per form and language. */
  readonly templates: TemplateRepository;
  /** How much the desk stores and whether the browser may evict it (settings shows it). */
  readonly storage: StorageRepository;
  /** For the demo loader and the sync engine only; components use the repositories. */
  readonly db: DeskDatabase;
  /**
   * Empties every table in one transaction (settings back to the demo defaults) and tells every
   * subscriber. For "reset demo data"; nothing is kept, the outbox included.
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
}

/** The repositories over an open (or opening) database. */
export function createDesk(
  db: DeskDatabase,
  bundledCalendarYears?: readonly CalendarYear[],
  storageManager: StorageManagerLike | undefined = browserStorageManager(),
): Desk {
  const settings = createSettingsRepository(db);
  const calendar = createCalendarRepository(db, settings, bundledCalendarYears);
  const cases = createCaseRepository(db, () => calendar.get());
  // Due days are stored in the queue rows; a new calendar file or new office hours move them.
  calendar.onChange(() => {
    cases.refreshDeadlines().catch((error: unknown) => {
      console.error('refreshing deadlines failed', storageErrorOf(error)?.code ?? 'unknown');
    });
  });
  return {
    cases,
    settings,
    calendar,
    attachments: createAttachmentRepository(db, async () => (await settings.get()).maxAttachmentBytes),
    outbox: createOutboxRepository(db),
    templates: createTemplateRepository(db),
    storage: createStorageRepository(storageManager),
    db,
    async clearAll() {
      await guarded(() =>
        db.transaction('rw', db.allTables, () => Promise.all(db.allTables.map((t) => t.clear()))),
      );
      // Saving the defaults tells the calendar (office hours) and the settings' subscribers.
      await settings.save(structuredClone(DEMO_SETTINGS));
      cases.announceReload();
    },
    close: () => db.close(),
  };
}

/**
 * Opens the desk's database (upgrading it if needed). Throws StorageError: 'blocked' when another
 * window keeps an older version open past `blockedTimeoutMs`, 'unavailable' when IndexedDB cannot be
 * used, 'quota' when there is no room for the upgrade, 'corrupt' when an upgrade meets data it
 * cannot read.
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
  const desk = createDesk(db, options.bundledCalendarYears, options.storageManager ?? browserStorageManager());
  // Unsent work lives here: a browser that may evict it under disk pressure is asked not to. Not
  // awaited (Firefox may ask the user); settings shows the answer.
  void desk.storage.requestPersistence();
  return desk;
}
