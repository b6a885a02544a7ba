/**
 * Changing a CMS made by the desk the way another signer (or a forger) would, for tests of what the
 * verifier refuses: signed attributes replaced and signed again with the party's key (so the
 * signature value is valid and only the changed attribute can fail), and revocation evidence put
 * into the CMS as RFC 5940 revocationInfoChoices or as the CAdES revocation-values attribute.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { contentInfoDer } from '../../shared/signing/cms';
import { OID } from '../../shared/signing/oids';
import { parseSignedData } from '../../shared/signing/signed-data';
import type { TestParty } from './pki';

function signedDataOf(cms: Uint8Array): pkijs.SignedData {
  const parsed = parseSignedData(cms);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.signedData;
}

function compare(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** The signer's signed attributes changed by `edit`, in DER order, signed again by `party` (RSA). */
export async function resigned(
  cms: Uint8Array,
  party: TestParty,
  edit: (attributes: pkijs.Attribute[]) => pkijs.Attribute[],
): Promise<Uint8Array> {
  const signedData = signedDataOf(cms);
  const signer = signedData.signerInfos[0]!;
  const attributes = edit([...(signer.signedAttrs?.attributes ?? [])])
    .map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER()) }))
    .sort((x, y) => compare(x.der, y.der))
    .map((e) => e.a);
  const set = new Uint8Array(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER());
  const algorithm = { name: 'RSASSA-PKCS1-v1_5' };
  const signature = new Uint8Array(await crypto.subtle.sign(algorithm, party.privateKey, set));
  signer.signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  signer.signature = new asn1js.OctetString({ valueHex: signature.slice().buffer });
  return contentInfoDer(signedData);
}

/** An attribute of one value. */
export function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

function parsedBer(der: Uint8Array): asn1js.AsnType {
  return asn1js.fromBER(der.slice().buffer).result;
}

/**
 * The CMS with OCSP responses (DER OCSPResponse) and CRLs embedded: 'rfc5940' puts them among the
 * SignedData's revocationInfoChoices (an OCSP response as `other`, id-ri-ocsp-response), 'cades'
 * into the first signer's revocation-values attribute (the BasicOCSPResponse inside).
 */
export function withRevocation(
  cms: Uint8Array,
  evidence: { ocsp?: readonly Uint8Array[]; crls?: readonly Uint8Array[] },
  as: 'rfc5940' | 'cades',
): Uint8Array {
  const signedData = signedDataOf(cms);
  const ocsp = evidence.ocsp ?? [];
  const crls = evidence.crls ?? [];
  if (as === 'rfc5940') {
    signedData.crls = [
      ...crls.map((c) => pkijs.CertificateRevocationList.fromBER(c.slice().buffer)),
      ...ocsp.map(
        (o) =>
          new pkijs.OtherRevocationInfoFormat({
            otherRevInfoFormat: OID.riOcspResponse,
            otherRevInfo: parsedBer(o),
          }),
      ),
    ];
    // RFC 5652 §5.1: a SignedData with `other` revocation information is version 5.
    if (ocsp.length > 0) signedData.version = 5;
  } else {
    const basics = ocsp.map((o) => {
      const response = pkijs.OCSPResponse.fromBER(o.slice().buffer);
      return parsedBer(new Uint8Array(response.responseBytes!.response.valueBlock.valueHexView));
    });
    const values = new asn1js.Sequence({
      value: [
        ...(crls.length > 0
          ? [
              new asn1js.Constructed({
                idBlock: { tagClass: 3, tagNumber: 0 },
                value: [new asn1js.Sequence({ value: crls.map(parsedBer) })],
              }),
            ]
          : []),
        ...(basics.length > 0
          ? [
              new asn1js.Constructed({
                idBlock: { tagClass: 3, tagNumber: 1 },
                value: [new asn1js.Sequence({ value: basics })],
              }),
            ]
          : []),
      ],
    });
    const signer = signedData.signerInfos[0]!;
    signer.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [...(signer.unsignedAttrs?.attributes ?? []), attribute(OID.revocationValues, values)],
    });
  }
  return contentInfoDer(signedData);
}
