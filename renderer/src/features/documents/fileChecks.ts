/**
 * The file checks of the attachments on screen. Started when a case opens and run one file at a time
 * after the case is drawn, so opening a case never waits for pdf.js; until a file is checked it shows
 * as being checked, never as passed. Results are kept per SHA-256 for the session (the bytes under a
 * digest do not change), except "not stored" and storage failures (of the file or of its signature),
 * which are tried again, and signature results, which hold only for the signing settings they were
 * verified with (their fingerprint, signingFingerprint): a change of those (a root added, OCSP
 * fetching turned on) checks the signed files again at once, and a check that was under way with
 * the old settings is not kept.
 *
 * A signed file's check is also stored (db signatureChecks, signatureStore.ts) for its case, and a
 * stored one made with the current settings is the file's state at once: the applicant's signature
 * verified on arrival (arrivalChecks.ts) is not verified again when the case opens. The same
 * fingerprint makes a stored verification stale: one mechanism for both.
 */
import { create } from 'zustand';
import type { VerifyOptions } from '../../../../shared/signing/types';
import { useDesk } from '../../stores/deskStore';
import { checkFile, pdfParses, type FileReaders, type FileRef, type FileState } from './fileCheck';
import { fingerprintOf, stateOfRecord, storeCheck, type FileOwner } from './signatureStore';
import { loadPdfjs } from './pdf';
import { ensureFile } from '../sync/fileCache';
import { useSync } from '../sync/syncStore';

/**
 * What the applicant's signatures are verified with: the trusted roots and intermediates of the
 * signing settings, read at each check (without any, the chain and revocation are "not decided here").
 */
async function verifyOptions(): Promise<VerifyOptions> {
  const desk = useDesk.getState().desk;
  if (!desk) return {};
  const [settings, { verifierMaterial }] = await Promise.all([
    desk.signingSettings.get(),
    import('../signing/trustedCertificates'),
  ]);
  return verifierMaterial(settings);
}

const browserReaders: FileReaders = {
  // The verifier (pkijs and the curves) loads only when a signed file is checked.
  async signature(content, cms) {
    const [{ verifyCms }, options] = await Promise.all([
      import('../../../../shared/signing/verify'),
      verifyOptions(),
    ]);
    return verifyCms(cms, content, options);
  },
  pdf: async (bytes) => pdfParses(await loadPdfjs(), bytes),
  async image(bytes, mimeType) {
    // Decoding the whole image, not only its header: a truncated PNG fails here.
    const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
    bitmap.close();
    return true;
  },
};

let readers: FileReaders = browserReaders;

/** The readers the checks use (the arrival checks read with the same ones). */
export function fileReaders(): FileReaders {
  return readers;
}

interface FileChecksState {
  /** By SHA-256 (lowercase). */
  files: Record<string, FileState>;
  /**
   * Queues the files not checked yet (or whose last check could not reach them). `owner`: the case
   * the files are of, so that a signed file's verification is stored for it (and read from the store).
   */
  check: (refs: readonly FileRef[], owner?: FileOwner) => Promise<void>;
  /** What the viewer found when it drew a file the check had not reached yet. */
  markUnreadable: (sha256: string) => void;
}

const notReached = (problem: string) => problem === 'missing' || problem === 'storage';
// A file's signature not stored yet (it may come after the file) is tried again like the file.
const retried = (s: FileState | undefined) =>
  s === undefined ||
  (s.status === 'unreadable' && notReached(s.problem)) ||
  (s.status === 'readable' &&
    s.signature !== undefined &&
    'problem' in s.signature &&
    notReached(s.signature.problem));

let queue: Promise<void> = Promise.resolve();
/** Every file asked about this session (and whose it is), to check the signed ones again when the settings change. */
const asked = new Map<string, { ref: FileRef; owner: FileOwner | undefined }>();
let watchedDesk: unknown;
let unwatch: (() => void) | undefined;
const signed = (s: FileState | undefined) => s?.status === 'readable' && s.signature !== undefined;

export const useFileChecks = create<FileChecksState>()((set, get) => ({
  files: {},

  async check(refs, owner) {
    watchSettings(get, set);
    for (const r of refs) asked.set(r.sha256.toLowerCase(), { ref: r, owner });
    let fresh = refs.filter(
      (r, i) =>
        retried(get().files[r.sha256.toLowerCase()]) && refs.findIndex((o) => o.sha256 === r.sha256) === i,
    );
    if (fresh.length === 0) return queue;
    const checking = Object.fromEntries(
      fresh.map((r) => [r.sha256.toLowerCase(), { status: 'checking' as const }]),
    );
    set({ files: { ...get().files, ...checking } });
    const desk = useDesk.getState().desk;
    if (desk && fresh.some((r) => r.signature)) {
      // A verification stored with the current settings is the answer: nothing read again (one
      // IndexedDB read, before any file of the case is read or verified).
      const stored = await storedStates(desk, fresh);
      if (stored.size > 0) {
        set({ files: { ...get().files, ...Object.fromEntries(stored) } });
        fresh = fresh.filter((r) => !stored.has(r.sha256.toLowerCase()));
      }
    }
    for (const ref of fresh) {
      queue = queue.then(async () => {
        const desk = useDesk.getState().desk;
        const fingerprint = desk && ref.signature ? await fingerprintOf(desk).catch(() => '') : '';
        // A pulled case's file is fetched from the central system first (hash-checked; offline or
        // refused, it stays "not stored here" and is tried again at the next check).
        if (desk) {
          const name = 'fileName' in ref && typeof ref.fileName === 'string' ? ref.fileName : ref.sha256;
          await ensureFile(desk, useSync.getState().api(), { ...ref, fileName: name }).catch(() => undefined);
        }
        // Whatever goes wrong with one file is that file's answer; the files after it are still read.
        const result: FileState = desk
          ? await checkFile(ref, (sha) => desk.attachments.get(sha), readers).catch((): FileState => ({
              status: 'unreadable',
              problem: 'storage',
            }))
          : { status: 'unreadable', problem: 'storage' };
        if (desk && signed(result)) {
          if ((await fingerprintOf(desk).catch(() => '')) !== fingerprint) {
            // Verified with settings that changed meanwhile: checked again with the new ones.
            const { [ref.sha256.toLowerCase()]: _stale, ...rest } = get().files;
            set({ files: rest });
            void get().check([ref], owner);
            return;
          }
          // Stored for the case, so that it is not verified again (a failure to store only costs that).
          if (owner) await storeCheck(desk, ref, result, owner, fingerprint).catch(() => undefined);
        }
        set({ files: { ...get().files, [ref.sha256.toLowerCase()]: result } });
      });
    }
    return queue;
  },

  markUnreadable(sha256) {
    set({ files: { ...get().files, [sha256.toLowerCase()]: { status: 'unreadable', problem: 'damaged' } } });
  },
}));

/** Subscribes once per desk to its signing settings: a change checks the signed files again. */
function watchSettings(get: () => FileChecksState, set: (partial: Partial<FileChecksState>) => void): void {
  const desk = useDesk.getState().desk;
  if (!desk || desk === watchedDesk) return;
  unwatch?.();
  watchedDesk = desk;
  unwatch = desk.signingSettings.onChange(() => {
    const files = { ...get().files };
    const again = Object.keys(files).filter((sha) => signed(files[sha]));
    for (const sha of again) delete files[sha];
    set({ files });
    for (const sha of again) {
      const entry = asked.get(sha);
      if (entry) void get().check([entry.ref], entry.owner);
    }
  });
}

/** The files of `refs` whose stored verification is fresh, as file states. */
async function storedStates(
  desk: NonNullable<ReturnType<typeof useDesk.getState>['desk']>,
  refs: readonly FileRef[],
): Promise<Map<string, FileState>> {
  const out = new Map<string, FileState>();
  try {
    const fingerprint = await fingerprintOf(desk);
    for (const r of refs) {
      if (!r.signature) continue;
      const record = await desk.signatureChecks.fresh(r.sha256, fingerprint);
      // Of the signature the reference names: a record of another signature is not this one's.
      if (record && record.signature.sha256 === r.signature.sha256.toLowerCase())
        out.set(r.sha256.toLowerCase(), stateOfRecord(record));
    }
  } catch {
    // The store unreadable: the files are checked as before version 12.
  }
  return out;
}

/** For unit tests (Node has neither pdf.js's worker nor createImageBitmap). */
export function setFileReadersForTests(next: FileReaders | undefined): void {
  readers = next ?? browserReaders;
  unwatch?.();
  unwatch = undefined;
  watchedDesk = undefined;
  asked.clear();
  useFileChecks.setState({ files: {} });
}
