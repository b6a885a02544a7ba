/**
 * The chain of a certificate up to one of the configured trusted roots: each link's issuer found
 * by name (and key identifier), its signature over the certificate verified, the issuer a CA and
 * valid at the moment that matters (the signing time). A root is trusted by being given, never by
 * being self-signed.
 */
import type * as pkijs from 'pkijs';
import { verifySignature, type SignatureCheck } from './algorithms';
import { equalBytes } from './bytes';
import type { ParsedCert } from './signed-data';
import type { ChainDetail, Check } from './types';
import { commonNameOf, isCa, mayHaveIssued } from './x509';

const MAX_DEPTH = 8;

/** Whether `issuer`'s key signed `cert`. */
export function certificateSignedBy(
  cert: pkijs.Certificate,
  issuer: pkijs.Certificate,
): Promise<SignatureCheck> {
  return verifySignature(
    issuer.subjectPublicKeyInfo,
    cert.signatureAlgorithm.algorithmId,
    cert.tbsView,
    new Uint8Array(cert.signatureValue.valueBlock.valueHexView),
  );
}

/** The issuer of `cert` among `candidates` whose signature verifies, and how the check went. */
export async function findIssuer(
  cert: ParsedCert,
  candidates: readonly ParsedCert[],
): Promise<{ issuer?: ParsedCert; check: SignatureCheck['status'] | 'none' }> {
  let best: SignatureCheck['status'] | 'none' = 'none';
  for (const candidate of candidates) {
    if (!mayHaveIssued(candidate.cert, cert.cert)) continue;
    const check = await certificateSignedBy(cert.cert, candidate.cert);
    if (check.status === 'valid') return { issuer: candidate, check: 'valid' };
    // Remember the most telling failure: "cannot check" over "bad signature".
    if (check.status === 'not-checked' || best === 'none') best = check.status;
  }
  return { check: best };
}

function validAt(cert: pkijs.Certificate, at: Date): boolean {
  return cert.notBefore.value.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.value.getTime();
}

export async function checkChain(
  cert: ParsedCert,
  pool: readonly ParsedCert[],
  roots: readonly ParsedCert[],
  at: Date,
): Promise<Check<ChainDetail>> {
  if (roots.length === 0) return { status: 'not-checked', code: 'chain.no-trusted-roots' };
  const isRoot = (c: ParsedCert) => roots.some((r) => equalBytes(r.der, c.der));
  const path: string[] = [];
  let current = cert;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (isRoot(current)) return { status: 'valid', code: 'chain.trusted', detail: { path } };
    const others = [...roots, ...pool].filter((c) => !equalBytes(c.der, current.der));
    const { issuer, check } = await findIssuer(current, others);
    if (!issuer) {
      if (check === 'not-checked')
        return { status: 'not-checked', code: 'chain.algorithm-not-checked', detail: { path } };
      if (check === 'invalid') return { status: 'invalid', code: 'chain.bad-signature', detail: { path } };
      return { status: 'invalid', code: 'chain.untrusted', detail: { path } };
    }
    path.push(commonNameOf(issuer.cert.subject));
    if (!isCa(issuer.cert)) return { status: 'invalid', code: 'chain.not-a-ca', detail: { path } };
    if (!validAt(issuer.cert, at)) return { status: 'invalid', code: 'chain.ca-expired', detail: { path } };
    current = issuer;
  }
  return { status: 'invalid', code: 'chain.untrusted', detail: { path } };
}
