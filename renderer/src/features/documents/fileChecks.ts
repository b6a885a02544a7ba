/**
 * The file checks of the attachments on screen. Started when a case opens and run one file at a time
 * after the case is drawn, so opening a case never waits for pdf.js; until a file is checked it shows
 * as being checked, never as passed. Results are kept per SHA-256 for the session (the bytes under a
 * digest do not change), except "not stored" and storage failures (of the file or of its signature),
 * which are tried again, and signature results, which hold only for the signing settings they were
 * verified with: a change of those (a root added, OCSP fetching turned on) checks the signed files
 * again at once, and a check that was under way with the old settings is not kept.
 */
import { create } from 'zustand';
import type { VerifyOptions } from '../../../../shared/signing/types';
import { useDesk } from '../../stores/deskStore';
import { checkFile, pdfParses, type FileReaders, type FileRef, type FileState } from './fileCheck';
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

interface FileChecksState {
  /** By SHA-256 (lowercase). */
  files: Record<string, FileState>;
  /** Queues the files not checked yet (or whose last check could not reach them). */
  check: (refs: readonly FileRef[]) => Promise<void>;
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
/** Every file asked about this session, to check the signed ones again when the settings change. */
const asked = new Map<string, FileRef>();
/** Bumped at each change of the signing settings: a signature verified before it is stale. */
let settingsGeneration = 0;
let watchedDesk: unknown;
let unwatch: (() => void) | undefined;
const signed = (s: FileState | undefined) => s?.status === 'readable' && s.signature !== undefined;

export const useFileChecks = create<FileChecksState>()((set, get) => ({
  files: {},

  check(refs) {
    watchSettings(get, set);
    for (const r of refs) asked.set(r.sha256.toLowerCase(), r);
    const fresh = refs.filter(
      (r, i) =>
        retried(get().files[r.sha256.toLowerCase()]) && refs.findIndex((o) => o.sha256 === r.sha256) === i,
    );
    if (fresh.length === 0) return queue;
    const checking = Object.fromEntries(
      fresh.map((r) => [r.sha256.toLowerCase(), { status: 'checking' as const }]),
    );
    set({ files: { ...get().files, ...checking } });
    for (const ref of fresh) {
      queue = queue.then(async () => {
        const generation = settingsGeneration;
        const desk = useDesk.getState().desk;
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
        if (generation !== settingsGeneration && signed(result)) {
          // Verified with settings that changed meanwhile: checked again with the new ones.
          const { [ref.sha256.toLowerCase()]: _stale, ...rest } = get().files;
          set({ files: rest });
          void get().check([ref]);
          return;
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
    settingsGeneration++;
    const files = { ...get().files };
    const again = Object.keys(files).filter((sha) => signed(files[sha]));
    for (const sha of again) delete files[sha];
    set({ files });
    const refs = again.flatMap((sha) => {
      const ref = asked.get(sha);
      return ref ? [ref] : [];
    });
    if (refs.length > 0) void get().check(refs);
  });
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
