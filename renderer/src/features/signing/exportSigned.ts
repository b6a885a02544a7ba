/**
 * Saving a signed result: the signed PDF and its detached CMS, the bytes recorded with the `signed`
 * event, each checked against its SHA-256 before it leaves the desk. "Both" saves the PDF and then
 * the CMS beside it (one save dialog each: a browser and the host save one file at a time).
 */
import type { Host, HostErrorCode } from '../../../../shared/host';
import { isHostError } from '../../../../shared/host';
import type { CosignedPayload, SignedPayload } from '../../../../shared/workflow';
import type { StoredAttachment } from '../../db';
import { verifiedBytes, type FileProblem } from '../documents/fileCheck';

export type SaveWhat = 'pdf' | 'cms' | 'both';

export type SaveOutcome =
  | { kind: 'done' }
  | { kind: 'cancelled' }
  | { kind: 'file'; problem: FileProblem }
  | { kind: 'host-failed'; code: HostErrorCode };

interface Deps {
  load: (sha256: string) => Promise<StoredAttachment | undefined>;
  host: Pick<Host, 'saveFile'>;
}

export async function saveSignedFiles(
  signature: SignedPayload | CosignedPayload,
  names: { pdf: string; cms: string },
  what: SaveWhat,
  deps: Deps,
): Promise<SaveOutcome> {
  const wanted: { sha256: string; mimeType: string; name: string }[] = [];
  if (what !== 'cms' && signature.signedPdfSha256)
    wanted.push({ sha256: signature.signedPdfSha256, mimeType: 'application/pdf', name: names.pdf });
  if (what !== 'pdf')
    wanted.push({
      sha256: signature.signatureSha256,
      mimeType: 'application/pkcs7-signature',
      name: names.cms,
    });
  // Checked first, all of them: nothing is saved when one of the pair is missing or changed.
  const files: { bytes: Uint8Array; name: string; mimeType: string }[] = [];
  for (const w of wanted) {
    const verified = await verifiedBytes({ sha256: w.sha256, mimeType: w.mimeType }, deps.load);
    if ('problem' in verified) return { kind: 'file', problem: verified.problem };
    files.push({ bytes: verified.bytes, name: w.name, mimeType: w.mimeType });
  }
  try {
    for (const f of files) {
      const result = await deps.host.saveFile({
        suggestedName: f.name,
        mimeType: f.mimeType,
        bytes: f.bytes,
      });
      if (!result.saved) return { kind: 'cancelled' };
    }
    return { kind: 'done' };
  } catch (error) {
    if (isHostError(error))
      return error.code === 'cancelled' ? { kind: 'cancelled' } : { kind: 'host-failed', code: error.code };
    return { kind: 'host-failed', code: 'io' };
  }
}
