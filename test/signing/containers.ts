/**
 * PKCS#12 containers of the test PKI's parties, made on demand by OpenSSL in the modern
 * (PBES2/AES-256, MAC SHA-256) and legacy (3DES key bag, RC2-40 certificates, MAC SHA-1 — the
 * НУЦ's layout) forms, and the desk's PKCS#12 signer over one of them: what every test that
 * "opens the officer's key file and signs" starts with.
 */
import { spawnSync } from 'node:child_process';
import { pkcs12Signer } from '../../shared/signing/pkcs12';
import type { Signer } from '../../shared/signing/types';
import type { TestParty, TestPki } from './pki';

export const TEST_P12_PASSWORD = 'Test-Pki-2026';

export function opensslPkcs12(
  party: TestParty,
  chain: TestParty[],
  format: 'modern' | 'legacy',
  password: string,
): Uint8Array {
  const r = spawnSync(
    'openssl',
    [
      'pkcs12',
      '-export',
      ...(format === 'legacy' ? ['-legacy'] : []),
      '-passout',
      'env:DESK_TEST_P12_PASSWORD',
      '-name',
      party.label,
    ],
    {
      input: party.keyPem + party.certPem + chain.map((c) => c.certPem).join(''),
      env: { ...process.env, DESK_TEST_P12_PASSWORD: password },
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`openssl pkcs12 failed: ${r.stderr.toString()}`);
  return new Uint8Array(r.stdout);
}

/** The desk's PKCS#12 signer over the party's container (OpenSSL-made, the test password). */
export function partySigner(
  pki: TestPki,
  party: TestParty,
  format: 'modern' | 'legacy' = 'modern',
): Promise<Signer> {
  return pkcs12Signer(pki.pkcs12(party, format), TEST_P12_PASSWORD);
}
