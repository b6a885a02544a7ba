/**
 * The revocation evidence at hand for a signature: OCSP responses and CRLs the caller gives, and
 * those the CMS carries itself, so that an offline desk can decide revocation from what travels
 * with the signature:
 *  - RFC 5652/5940 revocationInfoChoices of the SignedData: a CRL, or `other` with
 *    id-ri-ocsp-response (an OCSPResponse);
 *  - the CAdES unsigned attribute revocation-values (ETSI EN 319 122-1, explicit tags): crlVals [0]
 *    and ocspVals [1] (BasicOCSPResponses) of one signer.
 * The НУЦ fixtures hold no CMS made by Kalkan or NCANode, so no third embedding is read here.
 * Anything unreadable is no evidence (it is skipped, never an error).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { derFromPem, ownBuffer } from './bytes';
import { OID } from './oids';
import { attributeValue } from './signed-data';
import type { FetchedOcspResponse } from './types';

export interface OcspEvidence {
  basic: pkijs.BasicOCSPResponse;
  /** The nonce the desk sent for it, when it asked for it itself. */
  nonce?: Uint8Array;
  embedded: boolean;
}

export interface CrlEvidence {
  crl: pkijs.CertificateRevocationList;
  embedded: boolean;
}

export interface RevocationEvidence {
  ocsp: OcspEvidence[];
  crls: CrlEvidence[];
}

/** The BasicOCSPResponse of a successful OCSPResponse (DER or PEM), or undefined. */
export function basicOfOcspResponse(input: Uint8Array): pkijs.BasicOCSPResponse | undefined {
  try {
    const response = pkijs.OCSPResponse.fromBER(ownBuffer(derFromPem(input)));
    if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) return undefined;
    if (response.responseBytes.responseType !== OID.ocspBasic) return undefined;
    return pkijs.BasicOCSPResponse.fromBER(
      ownBuffer(new Uint8Array(response.responseBytes.response.valueBlock.valueHexView)),
    );
  } catch {
    return undefined;
  }
}

function crlOf(input: Uint8Array): pkijs.CertificateRevocationList | undefined {
  try {
    return pkijs.CertificateRevocationList.fromBER(ownBuffer(derFromPem(input)));
  } catch {
    return undefined;
  }
}

function basicOf(value: asn1js.AsnType): pkijs.BasicOCSPResponse | undefined {
  try {
    return new pkijs.BasicOCSPResponse({ schema: value });
  } catch {
    return undefined;
  }
}

function crlOfSchema(value: asn1js.AsnType): pkijs.CertificateRevocationList | undefined {
  try {
    return new pkijs.CertificateRevocationList({ schema: value });
  } catch {
    return undefined;
  }
}

/** What the caller gives (VerifyOptions.ocspResponses / crls). */
export function givenEvidence(
  ocspResponses: readonly (Uint8Array | FetchedOcspResponse)[],
  crls: readonly Uint8Array[],
): RevocationEvidence {
  return {
    ocsp: ocspResponses.flatMap((given) => {
      const fetched = given instanceof Uint8Array ? undefined : given;
      const basic = basicOfOcspResponse(fetched ? fetched.response : (given as Uint8Array));
      return basic ? [{ basic, embedded: false, ...(fetched ? { nonce: fetched.nonce } : {}) }] : [];
    }),
    crls: crls.flatMap((der) => {
      const crl = crlOf(der);
      return crl ? [{ crl, embedded: false }] : [];
    }),
  };
}

/** The SignedData's revocationInfoChoices: CRLs, and OCSP responses as RFC 5940 `other`. */
export function signedDataEvidence(signedData: pkijs.SignedData): RevocationEvidence {
  const ocsp: OcspEvidence[] = [];
  const crls: CrlEvidence[] = [];
  for (const choice of signedData.crls ?? []) {
    if (choice instanceof pkijs.CertificateRevocationList) {
      crls.push({ crl: choice, embedded: true });
    } else if (choice.otherRevInfoFormat === OID.riOcspResponse) {
      const info: unknown = choice.otherRevInfo;
      const basic =
        info instanceof asn1js.BaseBlock ? basicOfOcspResponse(new Uint8Array(info.toBER(false))) : undefined;
      if (basic) ocsp.push({ basic, embedded: true });
    }
  }
  return { ocsp, crls };
}

/** One signer's CAdES revocation-values: crlVals [0], ocspVals [1]. */
export function signerEvidence(signer: pkijs.SignerInfo): RevocationEvidence {
  const value = attributeValue(signer.unsignedAttrs, OID.revocationValues);
  const ocsp: OcspEvidence[] = [];
  const crls: CrlEvidence[] = [];
  if (!(value instanceof asn1js.Sequence)) return { ocsp, crls };
  for (const tagged of value.valueBlock.value) {
    if (tagged.idBlock.tagClass !== 3 || !(tagged instanceof asn1js.Constructed)) continue;
    const list = tagged.valueBlock.value[0];
    if (!(list instanceof asn1js.Sequence)) continue;
    for (const item of list.valueBlock.value) {
      if (tagged.idBlock.tagNumber === 0) {
        const crl = crlOfSchema(item);
        if (crl) crls.push({ crl, embedded: true });
      } else if (tagged.idBlock.tagNumber === 1) {
        const basic = basicOf(item);
        if (basic) ocsp.push({ basic, embedded: true });
      }
    }
  }
  return { ocsp, crls };
}

export function joinEvidence(...parts: RevocationEvidence[]): RevocationEvidence {
  return { ocsp: parts.flatMap((p) => p.ocsp), crls: parts.flatMap((p) => p.crls) };
}
