/**
 * Storage failures the officer must be told about in plain words. Dexie and the browser report many
 * different errors; the UI needs only to know which of four situations it is in, so everything a
 * repository throws for storage trouble is a StorageError with one of these codes.
 */
import { isHostError } from '../../../shared/host/contract';

export type StorageErrorCode =
  /**
   * The storage the browser allows this desk is used up (the disk itself may have room): nothing new
   * was written; what was stored is intact.
   */
  | 'quota'
  /** The disk itself is full: nothing new was written; what was stored is intact. */
  | 'disk-full'
  /** Another window holds an older version of the database open and does not let go. */
  | 'blocked'
  /** IndexedDB cannot be used: private mode, closed database, missing API, a newer app version's data. */
  | 'unavailable'
  /** Stored data does not have the shape this version expects. */
  | 'corrupt';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    options?: { cause?: unknown },
  ) {
    // The message is for developers' tools only; the UI translates `code`.
    super(`storage: ${code}`, options);
  }
}

export function isStorageError(error: unknown): error is StorageError {
  return error instanceof StorageError;
}

/** A file above the size limit of the settings; nothing was stored. */
export class AttachmentTooLargeError extends Error {
  override readonly name = 'AttachmentTooLargeError';
  readonly code = 'attachment.too-large';
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`attachment of ${size} bytes is over the limit of ${limit}`);
  }
}

const QUOTA = new Set(['QuotaExceededError']);
const UNAVAILABLE = new Set([
  'DatabaseClosedError',
  'MissingAPIError',
  'InvalidStateError',
  'NoSuchDatabaseError',
  'VersionError',
  'InvalidAccessError',
  'UnknownError',
  'TimeoutError',
  'NotFoundError',
  'OpenFailedError',
  'AbortError',
]);
const CORRUPT = new Set([
  'DataError',
  'DataCloneError',
  'ConstraintError',
  'SchemaError',
  'UpgradeError',
  'InvalidTableError',
  'VersionChangeError',
]);

interface NamedError {
  name: string;
  message?: unknown;
  inner?: unknown;
}

/**
 * How Chromium says the disk is full. LevelDB's status comes through as an `UnknownError` whose
 * message names FILE_ERROR_NO_SPACE (or the OS's ENOSPC), and opening a store on a full disk is a
 * QuotaExceededError "Encountered full disk while opening backing store". Only the message tells
 * them from the browser's own quota; it is matched, never shown or logged (it can quote a path).
 */
const DISK_FULL = /FILE_ERROR_NO_SPACE|ENOSPC|no space left|encountered full disk/i;

function saysDiskFull(error: NamedError): boolean {
  // Only storage errors: a programming error is never disguised as a full disk, whatever it says.
  const storage = QUOTA.has(error.name) || UNAVAILABLE.has(error.name);
  return storage && typeof error.message === 'string' && DISK_FULL.test(error.message);
}

function isNamed(error: unknown): error is NamedError {
  return (
    typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
  );
}

/** The innermost cause Dexie wraps (OpenFailedError, AbortError... keep the real one in `inner`). */
function causes(error: unknown): NamedError[] {
  const chain: NamedError[] = [];
  let current: unknown = error;
  while (isNamed(current) && chain.length < 8) {
    chain.push(current);
    current = current.inner;
  }
  return chain;
}

/**
 * The StorageError for a storage failure, or undefined when `error` is not one (a programming error
 * must surface as itself, not be disguised as a full disk).
 */
export function storageErrorOf(error: unknown): StorageError | undefined {
  if (error instanceof StorageError) return error;
  // The host's file store found the disk full (ENOSPC, EDQUOT): the same full disk as IndexedDB's.
  if (isHostError(error) && error.code === 'disk-full')
    return new StorageError('disk-full', { cause: error });
  const chain = causes(error);
  // Before the names: Chromium's full disk is an UnknownError, which otherwise means "unavailable".
  if (chain.some(saysDiskFull)) return new StorageError('disk-full', { cause: error });
  // The most specific cause wins: an OpenFailedError caused by a full quota is a full quota.
  for (const e of [...chain].reverse()) {
    if (QUOTA.has(e.name)) return new StorageError('quota', { cause: error });
    if (CORRUPT.has(e.name)) return new StorageError('corrupt', { cause: error });
    if (UNAVAILABLE.has(e.name)) return new StorageError('unavailable', { cause: error });
  }
  return undefined;
}

/** Runs a storage operation and turns its storage failures into StorageError. */
export async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw storageErrorOf(error) ?? error;
  }
}
