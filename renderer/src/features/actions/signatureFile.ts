/**
 * What a detached CMS signature file (.cms/.p7s/.sig, as NCALayer, eGov or Kalkan write it) says
 * about itself: who signed, with which certificate, when, and the digest of what was signed. Until
 * signing on the desk exists (issue 8) this is how the desk knows that the file the officer chose
 * is a signature at all and which produced document it signs. The signature value itself is not
 * verified here: that needs the certificate chain and GOST, which come with issue 8.
 */
import {
  childrenOf,
  context,
  DerError,
  expectTag,
  hexOf,
  integerHex,
  oidOf,
  readDer,
  stringOf,
  TAG,
  timeOf,
  type Tlv,
} from './der';

export type CmsProblem =
  /** Not DER or base64 of it, or not a ContentInfo. */
  | 'not-cms'
  /** A CMS, but not SignedData (e.g. enveloped). */
  | 'not-signed-data'
  /** The signed content is inside the file: not a detached signature over a stored document. */
  | 'attached'
  /** No signer, or more than one (one file per signer). */
  | 'signers'
  /** The signer's attributes carry no message digest or no signing time. */
  | 'attributes'
  /** A digest algorithm the desk does not know. */
  | 'digest-unknown';

/** Digests the desk can compute itself (Web Crypto) and GOST, which it cannot yet. */
export type DigestAlgorithm = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512' | 'gost';

/** A signature file as the dialog knows it: what it says, and which stored documents it signs. */
export type SignatureReading =
  | { ok: true; signature: DetachedSignature; signs: string[] | 'unchecked' }
  | { ok: false; problem: CmsProblem };

export interface DetachedSignature {
  /** From the signer identifier (issuer and serial), hex, lowercase. */
  certificateSerial?: string;
  /** From the signer's certificate: CN, then the given name (the patronymic in the НУЦ's certificates). */
  signerName?: string;
  /** From the certificate's serialNumber attribute 'IIN…'. */
  signerIin?: string;
  signedAtMs: number;
  /** An RFC 3161 time-stamp token among the unsigned attributes. */
  timestamped: boolean;
  digest: { algorithm: DigestAlgorithm; hex: string };
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  givenName: '2.5.4.42',
} as const;

const DIGESTS: Readonly<Record<string, DigestAlgorithm>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  // GOST 34.311-95 (Kazakhstan), GOST R 34.11-94, Streebog 256 and 512.
  '1.2.398.3.10.1.3.1': 'gost',
  '1.2.643.2.2.9': 'gost',
  '1.2.643.7.1.1.2.2': 'gost',
  '1.2.643.7.1.1.2.3': 'gost',
};

/** DER as chosen, or the base64 (PEM or bare) that NCALayer and eGov often save. */
function derBytes(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === TAG.sequence) return bytes;
  const text = new TextDecoder('latin1').decode(bytes);
  const body = text.replace(/-----(BEGIN|END)[^-]*-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new DerError('not base64');
  return Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
}

function attributes(set: Tlv): Map<string, Tlv[]> {
  const out = new Map<string, Tlv[]>();
  for (const attr of childrenOf(set)) {
    const [type, values] = childrenOf(expectTag(attr, TAG.sequence));
    out.set(oidOf(expectTag(type, TAG.oid)), childrenOf(expectTag(values, TAG.set)));
  }
  return out;
}

function nameParts(name: Tlv): Map<string, string> {
  const out = new Map<string, string>();
  for (const rdn of childrenOf(expectTag(name, TAG.sequence))) {
    for (const atv of childrenOf(expectTag(rdn, TAG.set))) {
      const [type, value] = childrenOf(expectTag(atv, TAG.sequence));
      if (type && value) out.set(oidOf(type), stringOf(value));
    }
  }
  return out;
}

/** The signer's certificate among the file's: the one with the identifier's issuer and serial. */
function signerFrom(certificates: Tlv | undefined, issuer: Tlv, serialHex: string) {
  for (const cert of certificates ? childrenOf(certificates) : []) {
    const tbs = childrenOf(expectTag(childrenOf(expectTag(cert, TAG.sequence))[0], TAG.sequence));
    const fields = tbs[0]?.tag === context(0) ? tbs.slice(1) : tbs;
    const [serial, , certIssuer, , subject] = fields;
    if (!serial || !certIssuer || !subject) continue;
    if (integerHex(serial) !== serialHex || hexOf(certIssuer.raw) !== hexOf(issuer.raw)) continue;
    const parts = nameParts(subject);
    const name = [parts.get(OID.commonName), parts.get(OID.givenName)].filter(Boolean).join(' ');
    const iin = /^IIN(\d{12})$/.exec(parts.get(OID.serialNumber) ?? '')?.[1];
    return { ...(name ? { signerName: name } : {}), ...(iin ? { signerIin: iin } : {}) };
  }
  return {};
}

function read(
  bytes: Uint8Array,
): { ok: true; signature: DetachedSignature } | { ok: false; problem: CmsProblem } {
  const fail = (problem: CmsProblem) => ({ ok: false as const, problem });
  const [contentType, explicit] = childrenOf(expectTag(readDer(derBytes(bytes)), TAG.sequence));
  if (oidOf(expectTag(contentType, TAG.oid)) !== OID.signedData) return fail('not-signed-data');
  const signedData = childrenOf(expectTag(childrenOf(expectTag(explicit, context(0)))[0], TAG.sequence));
  const encapsulated = childrenOf(expectTag(signedData[2], TAG.sequence));
  if (encapsulated.length > 1) return fail('attached');
  const rest = signedData.slice(3);
  const certificates = rest.find((t) => t.tag === context(0));
  const signerInfos = childrenOf(expectTag(rest.at(-1), TAG.set));
  if (signerInfos.length !== 1) return fail('signers');
  const info = childrenOf(expectTag(signerInfos[0], TAG.sequence));
  const [, sid, digestAlgorithm, signedAttrs] = info;
  const algorithm =
    DIGESTS[oidOf(expectTag(childrenOf(expectTag(digestAlgorithm, TAG.sequence))[0], TAG.oid))];
  if (!algorithm) return fail('digest-unknown');
  if (signedAttrs?.tag !== context(0)) return fail('attributes');
  const attrs = attributes(signedAttrs);
  const digest = attrs.get(OID.messageDigest)?.[0];
  const signingTime = attrs.get(OID.signingTime)?.[0];
  if (digest?.tag !== TAG.octetString || !signingTime) return fail('attributes');
  const unsigned = info.find((t) => t.tag === context(1));
  const timestamped = unsigned ? attributes(unsigned).has(OID.timeStampToken) : false;

  let signer = {};
  let certificateSerial: string | undefined;
  if (sid?.tag === TAG.sequence) {
    const [issuer, serial] = childrenOf(sid);
    if (issuer && serial) {
      certificateSerial = integerHex(serial);
      signer = signerFrom(certificates, issuer, certificateSerial);
    }
  }
  return {
    ok: true,
    signature: {
      ...(certificateSerial ? { certificateSerial } : {}),
      ...signer,
      signedAtMs: timeOf(signingTime),
      timestamped,
      digest: { algorithm, hex: hexOf(digest.value) },
    },
  };
}

/** Never throws: a file that is not a readable CMS is 'not-cms'. */
export function readDetachedSignature(
  bytes: Uint8Array,
): { ok: true; signature: DetachedSignature } | { ok: false; problem: CmsProblem } {
  try {
    return read(bytes);
  } catch (error) {
    if (
      error instanceof DerError ||
      error instanceof TypeError ||
      error instanceof RangeError ||
      error instanceof DOMException
    )
      return { ok: false, problem: 'not-cms' };
    throw error;
  }
}

/**
 * Which of `documents` the signature's message digest is the digest of. `unchecked` for a GOST
 * digest, which the desk cannot compute before issue 8 (the dialog says so).
 */
export async function documentsSigned(
  signature: DetachedSignature,
  documents: ReadonlyArray<{ sha256: string; bytes: Uint8Array }>,
): Promise<string[] | 'unchecked'> {
  const { algorithm, hex } = signature.digest;
  if (algorithm === 'gost') return 'unchecked';
  const matches: string[] = [];
  for (const doc of documents) {
    const digest =
      algorithm === 'SHA-256'
        ? doc.sha256.toLowerCase()
        : hexOf(new Uint8Array(await crypto.subtle.digest(algorithm, doc.bytes as Uint8Array<ArrayBuffer>)));
    if (digest === hex) matches.push(doc.sha256.toLowerCase());
  }
  return matches;
}
