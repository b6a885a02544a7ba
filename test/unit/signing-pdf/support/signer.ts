/** The desk's own PKCS#12 signer over a test PKI party (its container made by OpenSSL at test time). */
import { pkcs12Signer } from '../../../../shared/signing/pkcs12';
import type { Signer } from '../../../../shared/signing/types';
import { TEST_P12_PASSWORD, type TestParty, type TestPki } from '../../../signing/pki';

export function signerOf(
  pki: TestPki,
  party: TestParty,
  format: 'modern' | 'legacy' = 'modern',
): Promise<Signer> {
  return pkcs12Signer(pki.pkcs12(party, format), TEST_P12_PASSWORD);
}
