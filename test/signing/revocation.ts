/**
 * Revocation evidence of the test PKI: a CRL of the root, and OCSP responses by its delegated
 * responder (or, to test the desk's refusals, by someone else, stale, or with a nonce).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from '../../shared/signing/oids';
import { DAY, ext, sha1, testEngine } from './der';
import type { TestParty } from './pki';

export async function makeCrl(
  issuer: TestParty,
  revoked: { party: TestParty; at: Date }[],
  now: Date,
): Promise<Uint8Array> {
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    issuer: issuer.certificate.subject,
    thisUpdate: new pkijs.Time({ type: 0, value: new Date(now.getTime() - DAY) }),
    nextUpdate: new pkijs.Time({ type: 0, value: new Date(now.getTime() + 7 * DAY) }),
    revokedCertificates: revoked.map(
      ({ party, at }) =>
        new pkijs.RevokedCertificate({
          userCertificate: party.certificate.serialNumber,
          revocationDate: new pkijs.Time({ type: 0, value: at }),
          crlEntryExtensions: new pkijs.Extensions({
            extensions: [ext(OID.crlReason, false, new asn1js.Enumerated({ value: 1 /* keyCompromise */ }))],
          }),
        }),
    ),
  });
  await crl.sign(issuer.privateKey, 'SHA-256', testEngine);
  return new Uint8Array((crl.toSchema(true) as asn1js.Sequence).toBER());
}

/** How an OCSP response of the tests departs from a fresh, correct one. */
export interface OcspResponseOptions {
  /** producedAt and thisUpdate (default: the PKI's now). */
  producedAt?: Date;
  /** nextUpdate; null leaves it out (as the НУЦ's responder does). Default: a day after producedAt. */
  nextUpdate?: Date | null;
  /** The nonce extension (RFC 8954: an OCTET STRING holding the nonce). */
  nonce?: Uint8Array | undefined;
  /** Who signs it (default: the delegated responder). */
  responder?: TestParty;
}

export async function makeOcspResponse(
  input: {
    issuer: TestParty;
    party: TestParty;
    revokedAt: Date | undefined;
    producedAt: Date;
    responder: TestParty;
  } & OcspResponseOptions,
): Promise<Uint8Array> {
  const { issuer, party, revokedAt } = input;
  const responder = input.responder;
  const producedAt = input.producedAt ?? new Date();
  const nextUpdate = input.nextUpdate === undefined ? new Date(producedAt.getTime() + DAY) : input.nextUpdate;
  const certID = new pkijs.CertID({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.sha1,
      algorithmParams: new asn1js.Null(),
    }),
    issuerNameHash: new asn1js.OctetString({
      valueHex: sha1(new Uint8Array(party.certificate.issuer.toSchema().toBER())),
    }),
    issuerKeyHash: new asn1js.OctetString({
      valueHex: sha1(
        new Uint8Array(issuer.certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView),
      ),
    }),
    serialNumber: party.certificate.serialNumber,
  });
  const certStatus = revokedAt
    ? new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 1 },
        value: [
          new asn1js.GeneralizedTime({ valueDate: revokedAt }),
          new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 0 },
            value: [new asn1js.Enumerated({ value: 1 })],
          }),
        ],
      })
    : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } });
  const tbs = new pkijs.ResponseData({
    responderID: responder.certificate.subject,
    producedAt,
    responses: [
      new pkijs.SingleResponse({
        certID,
        certStatus,
        thisUpdate: producedAt,
        ...(nextUpdate ? { nextUpdate } : {}),
      }),
    ],
    ...(input.nonce
      ? {
          responseExtensions: [
            ext(OID.ocspNonce, false, new asn1js.OctetString({ valueHex: input.nonce.slice().buffer })),
          ],
        }
      : {}),
  });
  const basic = new pkijs.BasicOCSPResponse({ tbsResponseData: tbs, certs: [responder.certificate] });
  await basic.sign(responder.privateKey, 'SHA-256', testEngine);
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({
      responseType: OID.ocspBasic,
      response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER() }),
    }),
  });
  return new Uint8Array(response.toSchema().toBER());
}
