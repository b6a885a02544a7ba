/**
 * TEMPORARY (test code only): a Signer over a test PKI party's key, made with pkijs, until the
 * crypto helper's pkcs12Signer lands (tag signing-core). Same layout as the contract asks: detached
 * SignedData, signer by issuerAndSerialNumber, signed attributes contentType, signingTime,
 * signingCertificateV2, messageDigest.
 */
import * as asn1js from 'asn1js';
import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { OID } from '../../../../shared/signing/oids';
import type { Signer } from '../../../../shared/signing/types';
import { certificateInfo } from '../../../../shared/signing/x509';
import { testEngine, type TestParty } from '../../../signing/pki';

const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());

export function tempSigner(party: TestParty, chain: TestParty[] = []): Signer {
  const info = certificateInfo(party.cert);
  let closed = false;
  return {
    kind: 'pkcs12',
    certificate: () => Promise.resolve(info),
    close: () => {
      closed = true;
    },
    async signDetached(data, { signingTime }) {
      if (closed) throw new Error('closed');
      const certHash = sha256(party.cert);
      const signingCertificateV2 = new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash })] })],
          }),
        ],
      });
      const attrs = [
        new pkijs.Attribute({
          type: OID.contentType,
          values: [new asn1js.ObjectIdentifier({ value: OID.data })],
        }),
        new pkijs.Attribute({
          type: OID.signingTime,
          values: [new asn1js.UTCTime({ valueDate: signingTime })],
        }),
        new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2] }),
        new pkijs.Attribute({
          type: OID.messageDigest,
          values: [new asn1js.OctetString({ valueHex: sha256(data) })],
        }),
      ];
      const sd = new pkijs.SignedData({
        version: 1,
        encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
        signerInfos: [
          new pkijs.SignerInfo({
            version: 1,
            sid: new pkijs.IssuerAndSerialNumber({
              issuer: party.certificate.issuer,
              serialNumber: party.certificate.serialNumber,
            }),
            signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: attrs }),
          }),
        ],
        certificates: [party.certificate, ...chain.map((c) => c.certificate)],
      });
      await sd.sign(party.privateKey, 0, 'SHA-256', undefined, testEngine);
      const ci = new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) });
      return { cms: new Uint8Array(ci.toSchema().toBER()), certificate: info, timestamped: false };
    },
  };
}
