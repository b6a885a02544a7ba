/**
 * Revocation from what is at hand: OCSP responses (RFC 6960) and CRLs (RFC 5280), given or
 * embedded in the CMS (revocation-evidence.ts). An answer counts only when
 *  - it is about this certificate (OCSP: the CertID's serial, issuer name hash and issuer key hash;
 *    CRL: its issuer's name),
 *  - its signature verifies: an OCSP response by the issuer itself or by a responder the issuer
 *    certified for OCSP signing (id-kp-OCSPSigning) and valid when it answered, a CRL by the issuer,
 *  - it carries back the nonce the desk sent, when the desk asked for it itself,
 *  - and it speaks for the moment judged (the signing time): see `fresh`.
 * Several answers: a revocation wins over "good" (it is news the other did not have yet). A
 * certificate revoked after a time stamp proved the signature older is still a valid signature
 * ('revocation.revoked-after-signing'); without such proof a revocation is a revocation.
 */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { digestOf, verifySignature } from './algorithms';
import { equalBytes, ownBuffer } from './bytes';
import { certificateSignedBy } from './chain';
import { OID } from './oids';
import type { CrlEvidence, OcspEvidence } from './revocation-evidence';
import { parsedCert, type ParsedCert } from './signed-data';
import { REVOCATION_CLOCK_TOLERANCE_MS, type Check, type RevocationDetail } from './types';
import type { VerificationContext } from './verify';
import { extendedKeyUsage, nameDer, sameName, serialHexOf, serialHex } from './x509';

type RevocationCheck = Check<RevocationDetail>;

const REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'unused',
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
] as const;

/** The moment a signature is judged at, and whether a valid time stamp proved it. */
export interface JudgedMoment {
  at: Date;
  proven: boolean;
}

export async function checkRevocation(
  cert: ParsedCert,
  issuer: ParsedCert | undefined,
  context: VerificationContext,
  moment: JudgedMoment,
): Promise<RevocationCheck> {
  const answers: RevocationCheck[] = [];
  for (const evidence of context.revocation.ocsp) {
    const answer = await fromOcsp(evidence, cert, issuer, context, moment.at);
    if (answer) answers.push(answer);
  }
  for (const evidence of context.revocation.crls) {
    const answer = await fromCrl(evidence, cert, issuer, context, moment.at);
    if (answer) answers.push(answer);
  }
  const decided =
    answers.find((a) => a.code === 'revocation.revoked') ??
    answers.find((a) => a.code === 'revocation.good') ??
    answers.find((a) => a.code === 'revocation.unknown') ??
    answers[0];
  if (!decided) return { status: 'not-checked', code: 'revocation.no-source' };
  return judged(decided, moment);
}

function judged(answer: RevocationCheck, moment: JudgedMoment): RevocationCheck {
  if (answer.code !== 'revocation.revoked' || !answer.detail?.revokedAt || !moment.proven) return answer;
  return moment.at.getTime() < Date.parse(answer.detail.revokedAt)
    ? { ...answer, status: 'valid', code: 'revocation.revoked-after-signing' }
    : answer;
}

/**
 * Whether an answer of `thisUpdate`/`nextUpdate` speaks for the moment `at`, on a desk whose clock
 * says `now`, both within REVOCATION_CLOCK_TOLERANCE_MS: never an answer from the future; and for
 * "good", one made at or after `at` (a later "good" says the certificate was not revoked at `at`
 * either), or an earlier one whose nextUpdate reaches `at`. Without nextUpdate (the НУЦ's responder
 * gives none) an earlier answer speaks only for its own moment. A revocation is a fact from its
 * revocation time on, so a "revoked" answer needs only to be no answer from the future.
 */
function fresh(
  status: 'good' | 'revoked',
  thisUpdate: Date,
  nextUpdate: Date | undefined,
  at: Date,
  now: Date,
): boolean {
  const tolerance = REVOCATION_CLOCK_TOLERANCE_MS;
  if (thisUpdate.getTime() > now.getTime() + tolerance) return false;
  if (status === 'revoked') return true;
  return at.getTime() <= (nextUpdate ?? thisUpdate).getTime() + tolerance;
}

/** The answer of one OCSP response about `cert`, or undefined when it says nothing about it. */
async function fromOcsp(
  evidence: OcspEvidence,
  cert: ParsedCert,
  issuer: ParsedCert | undefined,
  context: VerificationContext,
  at: Date,
): Promise<RevocationCheck | undefined> {
  const { basic } = evidence;
  const single = basic.tbsResponseData.responses.find((r) => sameCertId(r.certID, cert, issuer));
  if (!single) return undefined;
  const producedAtDate = basic.tbsResponseData.producedAt;
  const detail: RevocationDetail = {
    source: 'ocsp',
    producedAt: producedAtDate.toISOString(),
    ...(evidence.embedded ? { embedded: true } : {}),
  };
  const notChecked = (code: RevocationCheck['code']): RevocationCheck => ({
    status: 'not-checked',
    code,
    detail,
  });
  const signed = await responderVerified(basic, issuer, context.pool, producedAtDate);
  if (signed !== 'valid') {
    return notChecked(
      signed === 'unauthorized'
        ? 'revocation.responder-not-authorized'
        : signed === 'invalid'
          ? 'revocation.response-bad-signature'
          : 'revocation.responder-not-verified',
    );
  }
  if (evidence.nonce && !carriesNonce(basic, evidence.nonce)) return notChecked('revocation.nonce-mismatch');
  const status = single.certStatus as asn1js.BaseBlock;
  const tag = status.idBlock.tagNumber;
  if (tag === 0) {
    if (!fresh('good', single.thisUpdate, single.nextUpdate, at, context.now))
      return notChecked('revocation.not-fresh');
    return { status: 'valid', code: 'revocation.good', detail };
  }
  if (tag === 1 && status instanceof asn1js.Constructed) {
    if (!fresh('revoked', single.thisUpdate, single.nextUpdate, at, context.now))
      return notChecked('revocation.not-fresh');
    const [time, reasonTagged] = status.valueBlock.value;
    const revokedAt = time instanceof asn1js.GeneralizedTime ? time.toDate().toISOString() : undefined;
    const reasonValue =
      reasonTagged instanceof asn1js.Constructed ? reasonTagged.valueBlock.value[0] : undefined;
    const reason =
      reasonValue instanceof asn1js.Enumerated ? REASONS[reasonValue.valueBlock.valueDec] : undefined;
    return {
      status: 'invalid',
      code: 'revocation.revoked',
      detail: { ...detail, ...(revokedAt ? { revokedAt } : {}), ...(reason ? { reason } : {}) },
    };
  }
  return notChecked('revocation.unknown');
}

/**
 * The response's nonce extension carries what was sent: its value is an OCTET STRING holding the
 * nonce (RFC 8954); some responders echo the bare bytes, which count too.
 */
function carriesNonce(basic: pkijs.BasicOCSPResponse, sent: Uint8Array): boolean {
  const ext = basic.tbsResponseData.responseExtensions?.find((e) => e.extnID === OID.ocspNonce);
  if (!ext) return false;
  const raw = new Uint8Array(ext.extnValue.valueBlock.valueHexView);
  if (equalBytes(raw, sent)) return true;
  const inner = asn1js.fromBER(ownBuffer(raw)).result;
  return (
    inner instanceof asn1js.OctetString && equalBytes(new Uint8Array(inner.valueBlock.valueHexView), sent)
  );
}

function sameCertId(id: pkijs.CertID, cert: ParsedCert, issuer: ParsedCert | undefined): boolean {
  if (serialHex(new Uint8Array(id.serialNumber.valueBlock.valueHexView)) !== serialHexOf(cert.cert))
    return false;
  const hash = (bytes: Uint8Array) => digestOf(id.hashAlgorithm.algorithmId, bytes);
  const nameHash = hash(nameDer(cert.cert.issuer));
  // A hash the desk cannot compute cannot tell issuers apart: the response is not about this cert.
  if (!nameHash || !equalBytes(nameHash, new Uint8Array(id.issuerNameHash.valueBlock.valueHexView)))
    return false;
  if (!issuer) return true;
  const keyHash = hash(
    new Uint8Array(issuer.cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView),
  );
  return (
    keyHash !== undefined && equalBytes(keyHash, new Uint8Array(id.issuerKeyHash.valueBlock.valueHexView))
  );
}

/**
 * 'valid' when the response is signed by the issuer or by its delegated OCSP responder: a
 * certificate with id-kp-OCSPSigning that the issuer signed and that was valid when it answered.
 */
async function responderVerified(
  basic: pkijs.BasicOCSPResponse,
  issuer: ParsedCert | undefined,
  pool: readonly ParsedCert[],
  producedAt: Date,
): Promise<'valid' | 'invalid' | 'not-checked' | 'unauthorized'> {
  if (!issuer) return 'not-checked';
  const candidates = [issuer, ...(basic.certs ?? []).map(parsedCert), ...pool];
  const tbs = basic.tbsResponseData.tbsView;
  const signature = new Uint8Array(basic.signature.valueBlock.valueHexView);
  let result: 'invalid' | 'not-checked' | 'unauthorized' = 'not-checked';
  for (const responder of candidates) {
    const check = await verifySignature(
      responder.cert.subjectPublicKeyInfo,
      basic.signatureAlgorithm.algorithmId,
      tbs,
      signature,
    );
    if (check.status === 'invalid' && result === 'not-checked') result = 'invalid';
    if (check.status !== 'valid') continue;
    if (equalBytes(responder.der, issuer.der)) return 'valid';
    const delegated =
      extendedKeyUsage(responder.cert).includes(OID.ekuOcspSigning) &&
      responder.cert.notBefore.value.getTime() <= producedAt.getTime() &&
      producedAt.getTime() <= responder.cert.notAfter.value.getTime() &&
      sameName(responder.cert.issuer, issuer.cert.subject) &&
      (await certificateSignedBy(responder.cert, issuer.cert)).status === 'valid';
    if (delegated) return 'valid';
    // Signed, but by a key the issuer did not make its OCSP responder (or not at that time).
    result = 'unauthorized';
  }
  return result;
}

/** The answer of one CRL about `cert`, or undefined when the CRL is not its issuer's. */
async function fromCrl(
  evidence: CrlEvidence,
  cert: ParsedCert,
  issuer: ParsedCert | undefined,
  context: VerificationContext,
  at: Date,
): Promise<RevocationCheck | undefined> {
  const { crl } = evidence;
  if (!sameName(crl.issuer, cert.cert.issuer)) return undefined;
  const detail: RevocationDetail = {
    source: 'crl',
    producedAt: crl.thisUpdate.value.toISOString(),
    ...(evidence.embedded ? { embedded: true } : {}),
  };
  const signed = issuer
    ? await verifySignature(
        issuer.cert.subjectPublicKeyInfo,
        crl.signatureAlgorithm.algorithmId,
        crl.tbsView,
        new Uint8Array(crl.signatureValue.valueBlock.valueHexView),
      )
    : undefined;
  if (signed?.status !== 'valid') {
    return {
      status: 'not-checked',
      code:
        signed?.status === 'invalid'
          ? 'revocation.response-bad-signature'
          : 'revocation.responder-not-verified',
      detail,
    };
  }
  const serial = serialHexOf(cert.cert);
  const entry = crl.revokedCertificates?.find(
    (r) => serialHex(new Uint8Array(r.userCertificate.valueBlock.valueHexView)) === serial,
  );
  const status = entry ? 'revoked' : 'good';
  if (!fresh(status, crl.thisUpdate.value, crl.nextUpdate?.value, at, context.now))
    return { status: 'not-checked', code: 'revocation.not-fresh', detail };
  if (!entry) return { status: 'valid', code: 'revocation.good', detail };
  const reasonExt = entry.crlEntryExtensions?.extensions.find((e) => e.extnID === OID.crlReason);
  const reasonAsn = reasonExt
    ? asn1js.fromBER(reasonExt.extnValue.valueBlock.valueHexView).result
    : undefined;
  const reason = reasonAsn instanceof asn1js.Enumerated ? REASONS[reasonAsn.valueBlock.valueDec] : undefined;
  return {
    status: 'invalid',
    code: 'revocation.revoked',
    detail: { ...detail, revokedAt: entry.revocationDate.value.toISOString(), ...(reason ? { reason } : {}) },
  };
}
