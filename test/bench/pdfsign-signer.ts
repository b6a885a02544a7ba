/** What the signed-PDF bench signs and verifies with: the desk's PKCS#12 signer and verifyPdf. */
import { verifyPdf } from '../../shared/signing/pdf/verify';
import type { Signer } from '../../shared/signing/types';
import { partySigner } from '../signing/containers';
import type { TestPki } from '../signing/pki';

export function benchSigner(pki: TestPki): Promise<Signer> {
  return partySigner(pki, pki.signing);
}

/** Verifies the embedded signature against the root; throws unless it is valid and trusted. */
export async function benchVerify(pdf: Uint8Array, root: Uint8Array): Promise<void> {
  const result = await verifyPdf(pdf, { trustedRoots: [root] });
  const sig = result.signatures[0];
  if (sig?.integrity.status !== 'valid' || sig.chain.status !== 'valid')
    throw new Error('the bench PDF does not verify');
}
