/**
 * Revocation from what is at hand: OCSP responses (RFC 6960) and CRLs (RFC 5280), given or
 * embedded. An answer counts only when its signature verifies — an OCSP response by the issuer
 * itself or by a responder the issuer certified for OCSP signing, a CRL by the issuer. A
 * certificate revoked after a time stamp proved the signature older is still a valid signature
 * ('revocation.revoked-after-signing'); without such proof a revocation is a revocation.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digestOf, verifySignature } from './algorithms';
import { equalBytes, ownBuffer } from './bytes';
import { certificateSignedBy } from './chain';
import { OID } from './oids';
import { parsedCert, type ParsedCert } from './signed-data';
import type { Check, RevocationDetail } from './types';
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

export async function checkRevocation(
  cert: ParsedCert,
  issuer: ParsedCert | undefined,
  context: VerificationContext,
  provenSigningTime: Date | undefined,
): Promise<RevocationCheck> {
  let firstProblem: RevocationCheck | undefined;
  for (const der of context.ocspResponses) {
    const answer = await fromOcsp(der, cert, issuer, context.pool);
    if (!answer) continue;
    if (answer.status !== 'not-checked' || answer.code === 'revocation.unknown') {
      return judged(answer, provenSigningTime);
    }
    firstProblem ??= answer;
  }
  for (const der of context.crls) {
    const answer = await fromCrl(der, cert, issuer);
    if (!answer) continue;
    if (answer.status !== 'not-checked') return judged(answer, provenSigningTime);
    firstProblem ??= answer;
  }
  return firstProblem ?? { status: 'not-checked', code: 'revocation.no-source' };
}

function judged(answer: RevocationCheck, proven: Date | undefined): RevocationCheck {
  if (answer.code !== 'revocation.revoked' || !answer.detail?.revokedAt || !proven) return answer;
  return proven.getTime() < Date.parse(answer.detail.revokedAt)
    ? { ...answer, status: 'valid', code: 'revocation.revoked-after-signing' }
    : answer;
}

/** The answer of one OCSP response about `cert`, or undefined when it says nothing about it. */
async function fromOcsp(
  der: Uint8Array,
  cert: ParsedCert,
  issuer: ParsedCert | undefined,
  pool: readonly ParsedCert[],
): Promise<RevocationCheck | undefined> {
  let basic: pkijs.BasicOCSPResponse;
  try {
    const response = pkijs.OCSPResponse.fromBER(ownBuffer(der));
    if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) return undefined;
    if (response.responseBytes.responseType !== OID.ocspBasic) return undefined;
    basic = pkijs.BasicOCSPResponse.fromBER(
      ownBuffer(new Uint8Array(response.responseBytes.response.valueBlock.valueHexView)),
    );
  } catch {
    return undefined;
  }
  const single = basic.tbsResponseData.responses.find((r) => sameCertId(r.certID, cert, issuer));
  if (!single) return undefined;
  const producedAt = basic.tbsResponseData.producedAt.toISOString();
  const signed = await responderVerified(basic, issuer, pool);
  if (signed !== 'valid') {
    return {
      status: 'not-checked',
      code: signed === 'invalid' ? 'revocation.response-bad-signature' : 'revocation.responder-not-verified',
      detail: { source: 'ocsp', producedAt },
    };
  }
  const status = single.certStatus as asn1js.BaseBlock;
  const tag = status.idBlock.tagNumber;
  if (tag === 0) return { status: 'valid', code: 'revocation.good', detail: { source: 'ocsp', producedAt } };
  if (tag === 1 && status instanceof asn1js.Constructed) {
    const [time, reasonTagged] = status.valueBlock.value;
    const revokedAt = time instanceof asn1js.GeneralizedTime ? time.toDate().toISOString() : undefined;
    const reasonValue =
      reasonTagged instanceof asn1js.Constructed ? reasonTagged.valueBlock.value[0] : undefined;
    const reason =
      reasonValue instanceof asn1js.Enumerated ? REASONS[reasonValue.valueBlock.valueDec] : undefined;
    return {
      status: 'invalid',
      code: 'revocation.revoked',
      detail: {
        source: 'ocsp',
        producedAt,
        ...(revokedAt ? { revokedAt } : {}),
        ...(reason ? { reason } : {}),
      },
    };
  }
  return { status: 'not-checked', code: 'revocation.unknown', detail: { source: 'ocsp', producedAt } };
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

/** 'valid' when the response is signed by the issuer or by its delegated OCSP responder. */
async function responderVerified(
  basic: pkijs.BasicOCSPResponse,
  issuer: ParsedCert | undefined,
  pool: readonly ParsedCert[],
): Promise<'valid' | 'invalid' | 'not-checked'> {
  if (!issuer) return 'not-checked';
  const candidates = [issuer, ...(basic.certs ?? []).map(parsedCert), ...pool];
  const tbs = basic.tbsResponseData.tbsView;
  const signature = new Uint8Array(basic.signature.valueBlock.valueHexView);
  let result: 'invalid' | 'not-checked' = 'not-checked';
  for (const responder of candidates) {
    const check = await verifySignature(
      responder.cert.subjectPublicKeyInfo,
      basic.signatureAlgorithm.algorithmId,
      tbs,
      signature,
    );
    if (check.status === 'invalid') result = 'invalid';
    if (check.status !== 'valid') continue;
    if (equalBytes(responder.der, issuer.der)) return 'valid';
    const delegated =
      extendedKeyUsage(responder.cert).includes(OID.ekuOcspSigning) &&
      sameName(responder.cert.issuer, issuer.cert.subject) &&
      (await certificateSignedBy(responder.cert, issuer.cert)).status === 'valid';
    if (delegated) return 'valid';
  }
  return result;
}

/** The answer of one CRL about `cert`, or undefined when the CRL is not its issuer's. */
async function fromCrl(
  der: Uint8Array,
  cert: ParsedCert,
  issuer: ParsedCert | undefined,
): Promise<RevocationCheck | undefined> {
  let crl: pkijs.CertificateRevocationList;
  try {
    crl = pkijs.CertificateRevocationList.fromBER(ownBuffer(der));
  } catch {
    return undefined;
  }
  if (!sameName(crl.issuer, cert.cert.issuer)) return undefined;
  const producedAt = crl.thisUpdate.value.toISOString();
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
      detail: { source: 'crl', producedAt },
    };
  }
  const serial = serialHexOf(cert.cert);
  const entry = crl.revokedCertificates?.find(
    (r) => serialHex(new Uint8Array(r.userCertificate.valueBlock.valueHexView)) === serial,
  );
  if (!entry) return { status: 'valid', code: 'revocation.good', detail: { source: 'crl', producedAt } };
  const reasonExt = entry.crlEntryExtensions?.extensions.find((e) => e.extnID === OID.crlReason);
  const reasonAsn = reasonExt
    ? asn1js.fromBER(reasonExt.extnValue.valueBlock.valueHexView).result
    : undefined;
  const reason = reasonAsn instanceof asn1js.Enumerated ? REASONS[reasonAsn.valueBlock.valueDec] : undefined;
  return {
    status: 'invalid',
    code: 'revocation.revoked',
    detail: {
      source: 'crl',
      producedAt,
      revokedAt: entry.revocationDate.value.toISOString(),
      ...(reason ? { reason } : {}),
    },
  };
}
