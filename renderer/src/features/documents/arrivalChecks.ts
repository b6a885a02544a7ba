/**
 * The applicant's signed application verified on arrival (issue 8): after cases come in (a sync
 * pull, the demo's received applications — any write the cases' change feed reports), each signed
 * file of theirs is verified in the background and the result stored (db signatureChecks), so the
 * queue warns before the case is opened and the case shows the result at once.
 *
 * Outside the ingest transaction (the change feed speaks after the commit), one case and one file at
 * a time, in the order they came, never awaited by the pull or the queue. A file or signature not
 * stored here yet (a pulled case's files are downloaded on demand) is left to the case's opening,
 * where the file checks fetch and verify it, as before. On start, and after a change of the signing
 * settings (which makes the stored results stale), every stored case is gone through once: the
 * marker (`signatureChecks.scanned`: the settings' fingerprint of the last full run) says whether a
 * run is due; new arrivals clear it until they are done, so a run cut short is finished next start.
 */
import { log } from '../../../../shared/log';
import type { AttachmentRef, CaseState } from '../../../../shared/workflow';
import type { Desk } from '../../db';
import { checkFile, type FileReaders } from './fileCheck';
import { fingerprintOf, storeCheck } from './signatureStore';

export interface ArrivalChecks {
  /** Settles when nothing is queued or under way. */
  idle(): Promise<void>;
  stop(): void;
}

const signedFiles = (state: CaseState): AttachmentRef[] =>
  state.application.attachments.filter((a) => a.signature !== undefined);

export function startArrivalChecks(
  desk: Desk,
  readers: () => FileReaders,
  options: { now?: () => Date; afterStart?: Promise<unknown> } = {},
): ArrivalChecks {
  const pending: string[] = [];
  const queued = new Set<string>();
  let running: Promise<void> | undefined;
  let scanDue = false;
  let stopped = false;

  const fail = (step: 'scan' | 'case' | 'run' | 'marker') => (error: unknown) => {
    // Codes only: the case, its applicant and the signer stay out of the logs.
    log.error('arrival signature checks failed', {
      step,
      error: error instanceof Error ? error.name : typeof error,
    });
  };

  async function checkCase(caseId: string): Promise<void> {
    const state = (await desk.cases.get(caseId))?.state;
    if (!state) return;
    for (const ref of signedFiles(state)) {
      if (stopped) return;
      const fingerprint = await fingerprintOf(desk);
      const stored = await desk.signatureChecks.fresh(ref.sha256, fingerprint);
      if (stored?.caseIds.includes(caseId) && stored.signature.sha256 === ref.signature?.sha256.toLowerCase())
        continue;
      const result = await checkFile(ref, (sha) => desk.attachments.get(sha), readers());
      // Verified with settings that changed meanwhile: the change's own run checks it again.
      if ((await fingerprintOf(desk)) !== fingerprint) continue;
      await storeCheck(desk, ref, result, { caseId, applicantIin: state.application.applicant.iin }, fingerprint, options.now);
    }
  }

  /** Every stored case with a signed file, in the stored order. */
  async function scan(): Promise<void> {
    const fingerprint = await fingerprintOf(desk);
    if ((await desk.signatureChecks.scanned()) === fingerprint) return;
    const ids: string[] = [];
    await desk.cases.eachState((chunk) => {
      for (const s of chunk) if (signedFiles(s).length > 0) ids.push(s.caseId);
    });
    enqueue(ids, false);
  }

  function run(): Promise<void> {
    running ??= (async () => {
      try {
        while (!stopped) {
          if (scanDue) {
            scanDue = false;
            await scan().catch(fail('scan'));
            continue;
          }
          const caseId = pending.shift();
          if (caseId === undefined) break;
          queued.delete(caseId);
          await checkCase(caseId).catch(fail('case'));
        }
        if (!stopped) await desk.signatureChecks.markScanned(await fingerprintOf(desk));
      } catch (error) {
        fail('run')(error);
      } finally {
        running = undefined;
      }
      // Work queued while the marker was being written.
      if (!stopped && (pending.length > 0 || scanDue)) await run();
    })();
    return running;
  }

  function enqueue(caseIds: readonly string[], arrived: boolean): void {
    const fresh = caseIds.filter((id) => !queued.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) {
      queued.add(id);
      pending.push(id);
    }
    // Until these are done, the next start goes through the stored cases again.
    if (arrived) void desk.signatureChecks.markScanned(undefined).catch(fail('marker'));
    void run();
  }

  function scanSoon(): void {
    scanDue = true;
    void run();
  }

  const unsubscribeCases = desk.cases.onChange((caseIds) => {
    // An empty change is "everything may have changed" (a reset, a reload): the full run.
    if (caseIds.length === 0) scanSoon();
    else enqueue(caseIds, true);
  });
  const unsubscribeSettings = desk.signingSettings.onChange(() => scanSoon());
  // After the projections are rebuilt (the desk's own background start), the run the marker asks for.
  void (options.afterStart ?? desk.rebuilt).then(scanSoon, scanSoon);

  return {
    async idle() {
      // A run may queue another (the scan's cases): wait until none is under way.
      await Promise.resolve();
      while (running) await running;
    },
    stop() {
      stopped = true;
      unsubscribeCases();
      unsubscribeSettings();
    },
  };
}
