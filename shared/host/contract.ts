// The one interface the renderer uses for what only the platform can do. The Electron preload
// implements it over IPC (renderer/src/host/electronHost.ts), a browser host implements it with
// web APIs (renderer/src/host/browserHost.ts); nothing else in the renderer reaches the platform.

export type HostKind = 'electron' | 'browser';

export interface SaveFileRequest {
  /** A name to offer; hosts make it a valid file name (Windows rules) before using it. */
  suggestedName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** `path` is known only where the host chose the file itself (Electron), not in a browser. */
export type SaveFileResult = { saved: true; path?: string } | { saved: false };

export interface FileTypeFilter {
  mimeType: string;
  /** Lower-case extensions without the dot, e.g. `['pdf']`. */
  extensions: string[];
}

export interface OpenFileRequest {
  accept: FileTypeFilter[];
  maxBytes: number;
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface PrintPdfRequest {
  bytes: Uint8Array;
  title: string;
}

/**
 * What became of a configured server origin (see Host.setServerOrigin): 'in-effect' — this page's
 * policy already allows it; 'after-reload' — the host keeps it for every page it serves from now on,
 * but this page was served with the old policy (a page's policy cannot change), so the renderer
 * reloads when convenient (everything it holds is in IndexedDB); 'not-allowed' — the host cannot
 * change the policy and it names another server (the browser build: see README, DESK_SERVER_ORIGIN).
 */
export const SERVER_ORIGIN_STATUSES = ['in-effect', 'after-reload', 'not-allowed'] as const;
export type ServerOriginStatus = (typeof SERVER_ORIGIN_STATUSES)[number];

/**
 * An OS notification (Electron: the system's; browser: the Notification API). The desk's own panel
 * says the same with the case numbers; a notification carries counts only, because the system keeps
 * notifications where anyone at the computer, and other programs, can read them.
 */
export interface NotifyRequest {
  title: string;
  body: string;
}

/** 'shown'; 'not-allowed' — the person (or the browser) has not allowed notifications; 'unsupported'. */
export const NOTIFY_OUTCOMES = ['shown', 'not-allowed', 'unsupported'] as const;
export type NotifyOutcome = (typeof NOTIFY_OUTCOMES)[number];

/**
 * How the host keeps the device token of the central system (issue 9): 'os-key-store' — Electron
 * encrypts it with the operating system's key store (safeStorage: DPAPI, Keychain, libsecret), so a
 * copy of the profile folder alone does not reveal it; 'browser-storage' — the browser keeps it in
 * IndexedDB in the clear, readable by anyone who can read this browser profile (weaker; settings
 * says so).
 */
export const TOKEN_PROTECTIONS = ['os-key-store', 'browser-storage'] as const;
export type TokenProtection = (typeof TOKEN_PROTECTIONS)[number];

/** One file of the host's file store (Host.blobs): its SHA-256 and when it was last written (ms). */
export interface StoredBlobInfo {
  sha256: string;
  modifiedAt: number;
}

/** How much the host's file store holds: the files' bytes (as the file system counts them) and their number. */
export interface StoredBlobsUsage {
  bytes: number;
  count: number;
}

/**
 * The host's content-addressed file store (Electron: `<userData>/files/<aa>/<sha256>`), where the
 * desk keeps the bytes of attachments and produced documents outside IndexedDB. Every file is
 * named by the lowercase hex SHA-256 of its bytes, checked when it is put and when it is read.
 */
export interface HostBlobStore {
  /**
   * Keeps the bytes under their SHA-256, written atomically (an existing file is rewritten, so its
   * time is now). Rejects with HostError('invalid-request') when the bytes have another SHA-256,
   * HostError('too-large') above MAX_BLOB_BYTES.
   */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /**
   * The bytes, or null when no such file is kept. Rejects with HostError('altered') when the file
   * on disk no longer has its SHA-256 (it is never served then), HostError('too-large') for a file
   * grown past MAX_BLOB_BYTES (not read).
   */
  get(sha256: string): Promise<Uint8Array | null>;
  /** Deletes the files (missing ones are no error). */
  delete(sha256s: readonly string[]): Promise<void>;
  /**
   * Every file kept, with its time; half-written temporary files are not listed, and those a crash
   * left (older than an hour: Electron's blobStore.ts TEMPORARY_GRACE_MS) are removed.
   */
  list(): Promise<StoredBlobInfo[]>;
  /** How much the kept files take (settings → storage shows it beside IndexedDB's usage). */
  usage(): Promise<StoredBlobsUsage>;
}

export interface Host {
  kind: HostKind;
  /**
   * Where the bytes of the desk's files live outside IndexedDB: the Electron host's file store;
   * null in the browser, which keeps them in IndexedDB.
   */
  blobs: HostBlobStore | null;
  /** How `storeDeviceToken` keeps the token (shown in settings). */
  tokenProtection: TokenProtection;
  /** The device token kept by `storeDeviceToken`, or null when the desk is not enrolled. */
  readDeviceToken(): Promise<string | null>;
  /** Keeps the device token (null forgets it). Electron refuses ('not-allowed') without an OS key store. */
  storeDeviceToken(token: string | null): Promise<void>;
  appVersion(): Promise<string>;
  /** Resolves `{ saved: false }` when the person cancels the dialog. */
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  /** Resolves `null` when cancelled; rejects with HostError('too-large') over `maxBytes`. */
  openFile(req: OpenFileRequest): Promise<OpenedFile | null>;
  /**
   * Resolves once the document went to the print dialog. The Electron host rejects with
   * HostError('cancelled') when the person cancels it; a browser cannot tell and resolves.
   */
  printPdf(req: PrintPdfRequest): Promise<void>;
  /** Only https: URLs; anything else rejects with HostError('not-allowed'). */
  openExternal(url: string): Promise<void>;
  /**
   * The central system the installation is configured for, as an origin (`https://host[:port]`,
   * shared/host/csp.ts isServerOrigin), or null for none; called when that setting changes. The
   * Content-Security-Policy lets the desk connect to this origin, NCALayer and nothing else.
   * Rejects with HostError('invalid-request') for anything but an origin.
   */
  setServerOrigin(origin: string | null): Promise<ServerOriginStatus>;
  /**
   * The signing services' origins (the TSA's, the OCSP responder's: shared/host/csp.ts
   * isServiceOrigin), all of them, [] for none; called when the signing settings change. The
   * answer means what it means for the server origin. Rejects with HostError('invalid-request')
   * for anything but origins.
   */
  setSigningOrigins(origins: readonly string[]): Promise<ServerOriginStatus>;
  /** Shows an OS notification; clicking it brings the desk's window forward. Never asks for permission. */
  notify(req: NotifyRequest): Promise<NotifyOutcome>;
}

/**
 * 'altered': a stored file whose bytes no longer have their SHA-256 (changed on disk); never served.
 * 'disk-full': the disk (or the user's disk quota) has no room for a write (ENOSPC, EDQUOT): nothing
 * was written; the renderer tells it as IndexedDB's full disk (StorageError 'disk-full').
 */
export const HOST_ERROR_CODES = [
  'too-large',
  'cancelled',
  'invalid-request',
  'io',
  'not-allowed',
  'altered',
  'disk-full',
] as const;

export type HostErrorCode = (typeof HOST_ERROR_CODES)[number];

/**
 * The only error a Host rejects with. The UI translates `code`; `message` is a technical note
 * for developers and never carries paths, names or document content.
 */
export class HostError extends Error {
  readonly code: HostErrorCode;

  constructor(code: HostErrorCode, message: string = code) {
    super(message);
    this.name = 'HostError';
    this.code = code;
  }
}

export function isHostError(value: unknown): value is HostError {
  return value instanceof HostError;
}
