/**
 * TEMPORARY until signing-core lands: the bench signs with the test-only signer and verifies with
 * OpenSSL's view of nothing (a digest only). Replaced by pkcs12Signer and verifyPdf at the merge.
 */
import { createHash } from 'node:crypto';
import type { Signer } from '../../shared/signing/types';
import type { TestPki } from '../signing/pki';
import { tempSigner } from '../unit/signing-pdf/support/temp-signer';

export function benchSigner(pki: TestPki): Promise<Signer> {
  return Promise.resolve(tempSigner(pki.signing, [pki.root]));
}

export function benchVerify(pdf: Uint8Array, _cms: Uint8Array, _root: Uint8Array): Promise<void> {
  createHash('sha256').update(pdf).digest();
  return Promise.resolve();
}
