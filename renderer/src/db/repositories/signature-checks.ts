/**
 * The stored verifications of signed files (version 12). A record holds for the signing settings
 * it was verified with (`settings`, their fingerprint): callers pass the current fingerprint and a
 * record made with other settings is stale — not shown, checked again.
 */
import { ChangeFeed } from '../changes';
import type { DeskDatabase } from '../database';
import { guarded } from '../errors';
import type { SignatureCheckRecord } from './signature-checks-records';

export type { SignatureCheckRecord } from './signature-checks-records';

const SCANNED = 'signatureChecks.scanned';

export interface SignatureCheckRepository {
  /** The record of a signed file, fresh for `fingerprint`; undefined when none or stale. */
  fresh(sha256: string, fingerprint: string): Promise<SignatureCheckRecord | undefined>;
  /** The record of a signed file, fresh or stale. */
  get(sha256: string): Promise<SignatureCheckRecord | undefined>;
  put(record: SignatureCheckRecord): Promise<void>;
  /** Of `caseIds`, the cases a fresh record warns for, with the warning. */
  warnings(
    caseIds: readonly string[],
    fingerprint: string,
  ): Promise<Map<string, SignatureCheckRecord['warnings'][string]>>;
  /** Every case a fresh record warns for (only records that warn are in the `warned` index). */
  allWarnings(fingerprint: string): Promise<Map<string, SignatureCheckRecord['warnings'][string]>>;
  /**
   * The fingerprint every stored case's signed files were last all checked with (the background
   * run's marker, in syncState); undefined while a run is due (new arrivals, never run).
   */
  scanned(): Promise<string | undefined>;
  markScanned(fingerprint: string | undefined): Promise<void>;
  /** Told the case ids whose stored verification changed. */
  onChange(listener: (caseIds: string[]) => void): () => void;
}

export function createSignatureCheckRepository(db: DeskDatabase): SignatureCheckRepository {
  const feed = new ChangeFeed<string[]>();
  return {
    fresh: (sha256, fingerprint) =>
      guarded(async () => {
        const record = await db.signatureChecks.get(sha256.toLowerCase());
        return record?.settings === fingerprint ? record : undefined;
      }),
    get: (sha256) => guarded(() => db.signatureChecks.get(sha256.toLowerCase())),
    async put(record) {
      await guarded(() => db.signatureChecks.put(record));
      feed.emit(record.caseIds);
    },
    warnings: (caseIds, fingerprint) =>
      guarded(async () => {
        const out = new Map<string, SignatureCheckRecord['warnings'][string]>();
        if (caseIds.length === 0) return out;
        const records = await db.signatureChecks.where('warned').anyOf([...caseIds]).distinct().toArray();
        const wanted = new Set(caseIds);
        for (const r of records) {
          if (r.settings !== fingerprint) continue;
          for (const id of r.warned) {
            const w = r.warnings[id];
            // 'broken' outweighs 'not-applicant' when two signed files of a case warn.
            if (wanted.has(id) && w && out.get(id) !== 'broken') out.set(id, w);
          }
        }
        return out;
      }),
    allWarnings: (fingerprint) =>
      guarded(async () => {
        const out = new Map<string, SignatureCheckRecord['warnings'][string]>();
        const records = await db.signatureChecks.orderBy('warned').distinct().toArray();
        for (const r of records) {
          if (r.settings !== fingerprint) continue;
          for (const id of r.warned) {
            const w = r.warnings[id];
            if (w && out.get(id) !== 'broken') out.set(id, w);
          }
        }
        return out;
      }),
    scanned: () =>
      guarded(async () => {
        const value = (await db.syncState.get(SCANNED))?.value;
        return typeof value === 'string' ? value : undefined;
      }),
    markScanned: (fingerprint) =>
      guarded(async () => {
        if (fingerprint === undefined) await db.syncState.delete(SCANNED);
        else await db.syncState.put({ key: SCANNED, value: fingerprint });
      }),
    onChange: (listener) => feed.subscribe(listener),
  };
}
