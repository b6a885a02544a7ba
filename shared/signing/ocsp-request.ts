/**
 * An OCSP request (RFC 6960) for one certificate, with a fresh nonce (RFC 8954), for a desk that
 * fetches OCSP answers when online (a setting; the fetching itself lives with the caller, shared/
 * does no network here). The answer goes to verifyCms as `{ response, nonce }`: it then counts
 * only when it carries this nonce back, so an old answer replayed by someone in between is not
 * taken for a fresh one.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digestOf } from './algorithms';
import { ownBuffer } from './bytes';
import { OID } from './oids';
import { nameDer, parseCertificate } from './x509';

export interface OcspRequest {
  /** DER OCSPRequest, to POST as application/ocsp-request. */
  request: Uint8Array;
  nonce: Uint8Array;
}

/**
 * The request about `certificate` issued by `issuer` (both DER or PEM). The CertID hashes with
 * SHA-1 by default (what every responder answers), or SHA-256.
 */
export function ocspRequest(
  certificate: Uint8Array,
  issuer: Uint8Array,
  options: { hash?: 'SHA-1' | 'SHA-256'; nonce?: Uint8Array } = {},
): OcspRequest {
  const cert = parseCertificate(certificate).cert;
  const ca = parseCertificate(issuer).cert;
  const hashOid = options.hash === 'SHA-256' ? OID.sha256 : OID.sha1;
  const hash = (bytes: Uint8Array) => ownBuffer(digestOf(hashOid, bytes) ?? new Uint8Array());
  const nonce = options.nonce ?? crypto.getRandomValues(new Uint8Array(16));
  const request = new pkijs.OCSPRequest({
    tbsRequest: new pkijs.TBSRequest({
      requestList: [
        new pkijs.Request({
          reqCert: new pkijs.CertID({
            hashAlgorithm: new pkijs.AlgorithmIdentifier({
              algorithmId: hashOid,
              algorithmParams: new asn1js.Null(),
            }),
            issuerNameHash: new asn1js.OctetString({ valueHex: hash(nameDer(cert.issuer)) }),
            issuerKeyHash: new asn1js.OctetString({
              valueHex: hash(
                new Uint8Array(ca.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView),
              ),
            }),
            serialNumber: cert.serialNumber,
          }),
        }),
      ],
      requestExtensions: [
        new pkijs.Extension({
          extnID: OID.ocspNonce,
          extnValue: new asn1js.OctetString({ valueHex: ownBuffer(nonce) }).toBER(false),
        }),
      ],
    }),
  });
  return { request: new Uint8Array(request.toSchema(true).toBER()), nonce };
}
