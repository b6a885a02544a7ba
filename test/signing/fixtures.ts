/**
 * The НУЦ РК test material of ../shared/fixtures/nca-test (read where it lies, never copied; see
 * its README): keys, CA certificates, CRLs, OCSP and TSP responses. Every certificate there has
 * expired: tests that need one "valid" pin the clock inside its validity (NCA_2022).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../../shared/fixtures/nca-test/', import.meta.url));

export function ncaFixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(dir + path));
}

/** Passwords of the НУЦ's containers (fixtures README). */
export const NCA_PASSWORDS = {
  'individual-sign-rsa.p12': 'Qwerty12',
  'individual-sign-rsa-revoked.p12': 'Qwerty12',
  'individual-auth-rsa-revoked.p12': 'Qwerty12',
  'ceo-sign-gost2004-revoked.p12': 'Qwerty12',
  'individual-sign-gost2015.p12': 'Aa123456',
  'ceo-sign-gost2015-revoked.p12': 'Aa123456',
} as const;

/** A moment inside the validity of the 2022 test certificates and of the OCSP answers' time. */
export const NCA_2022 = new Date('2022-09-10T12:00:00Z');
/** Inside the validity of the 2021 RSA containers (2021-01-18 – 2022-01-18). */
export const NCA_2021 = new Date('2021-06-01T12:00:00Z');
