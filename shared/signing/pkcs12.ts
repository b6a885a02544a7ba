/**
 * The PKCS#12 signer: a key file chosen by the officer. node-forge only opens the container (it
 * reads the НУЦ's legacy BER containers — 3DES key bag, RC2-40 certificates, SHA-1 MAC — and
 * modern PBES2/AES ones, which pkijs and OpenSSL 3 do not both do); everything after that is
 * pkijs and WebCrypto. An RSA key signs here; a GOST key is recognised and refused with
 * `key.gost-needs-ncalayer`, since GOST signing belongs to NCALayer.
 *
 * The key lives only in this closure as PKCS#8 bytes: it becomes a non-extractable CryptoKey only
 * inside signDetached and is dropped right after; close() overwrites the bytes.
 */
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { addTimeStamp, buildSignedData, contentInfoDer } from './cms';
import { equalBytes, ownBuffer, sha256Bytes, toHex } from './bytes';
import { OID } from './oids';
import { infoOf, isCa, parseCertificate } from './x509';
import { SigningError, type CertificateInfo, type SignOptions, type SignResult, type Signer } from './types';

interface Opened {
  pkcs8: Uint8Array;
  cert: Uint8Array;
  certificate: pkijs.Certificate;
  info: CertificateInfo;
}

/** What a container holds: the key (PKCS#8 DER, any algorithm), its certificate and the others. */
export interface Pkcs12Contents {
  pkcs8: Uint8Array;
  cert: Uint8Array;
  certificate: pkijs.Certificate;
  info: CertificateInfo;
  others: Uint8Array[];
}

export function pkcs12Signer(p12: Uint8Array, password: string): Promise<Signer> {
  // Async by contract (NCALayer's signer is), though opening is synchronous.
  return Promise.resolve().then(() => signerOf(open(p12, password)));
}

function signerOf(opened: Opened): Signer {
  let key: Opened | undefined = opened;
  return {
    kind: 'pkcs12',
    certificate: () => Promise.resolve(opened.info),
    async signDetached(data: Uint8Array, options: SignOptions): Promise<SignResult> {
      if (!key) throw new SigningError('signer.closed');
      const { pkcs8, cert, certificate, info } = key;
      const { signedData, signature } = await buildSignedData({
        cert,
        certificate,
        content: data,
        ...(options.profile === 'pades' ? {} : { signingTime: options.signingTime }),
        signatureAlgorithm: OID.sha256WithRsa,
        sign: (tbs) => rsaSign(pkcs8, tbs),
      });
      let timestampProblem: SignResult['timestampProblem'];
      if (options.tsa) {
        try {
          const token = await options.tsa.timestamp({
            hashAlgorithm: 'SHA-256',
            digest: sha256Bytes(signature),
          });
          addTimeStamp(signedData, token);
        } catch (error) {
          timestampProblem = error instanceof SigningError ? error.code : 'tsa.bad-response';
        }
      }
      return {
        cms: contentInfoDer(signedData),
        certificate: info,
        timestamped: options.tsa !== undefined && timestampProblem === undefined,
        ...(timestampProblem ? { timestampProblem } : {}),
      };
    },
    close() {
      key?.pkcs8.fill(0);
      key = undefined;
    },
  };
}

async function rsaSign(pkcs8: Uint8Array, tbs: Uint8Array): Promise<Uint8Array> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const privateKey = await crypto.subtle.importKey('pkcs8', ownBuffer(pkcs8), algorithm, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign(algorithm, privateKey, ownBuffer(tbs)));
}

function binary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

function bytesOf(binaryString: string): Uint8Array {
  const out = new Uint8Array(binaryString.length);
  for (let i = 0; i < out.length; i++) out[i] = binaryString.charCodeAt(i);
  return out;
}

function derOf(asn1: forge.asn1.Asn1): Uint8Array {
  return bytesOf(forge.asn1.toDer(asn1).getBytes());
}

type Bag = forge.pkcs12.Bag & { asn1?: forge.asn1.Asn1 };

function open(p12: Uint8Array, password: string): Opened {
  const contents = openPkcs12(p12, password);
  const { info } = contents;
  if (info.keyAlgorithm.startsWith('gost')) {
    contents.pkcs8.fill(0);
    throw new SigningError('key.gost-needs-ncalayer');
  }
  if (info.keyAlgorithm !== 'rsa') throw new SigningError('key.unsupported');
  return contents;
}

/**
 * Opens a container (throws password.wrong / container.unreadable / container.no-key). The key
 * comes back as PKCS#8 DER whatever its algorithm (the tests sign with the НУЦ's GOST keys).
 */
export function openPkcs12(p12: Uint8Array, password: string): Pkcs12Contents {
  let asn1: forge.asn1.Asn1;
  try {
    // Not strict: the НУЦ's containers are BER (indefinite lengths).
    asn1 = forge.asn1.fromDer(binary(p12), false);
  } catch (cause) {
    throw new SigningError('container.unreadable', { cause });
  }
  let container: forge.pkcs12.Pkcs12Pfx;
  // forge re-encodes the certificates it parses (e.g. adding NULL parameters), which would break
  // their signatures; a certificate it cannot parse it hands back as the ASN.1 it read, byte for
  // byte. So, for the duration of this synchronous call, it parses none.
  const parseCertificateAsn1 = forge.pki.certificateFromAsn1;
  forge.pki.certificateFromAsn1 = () => {
    throw new Error('kept as ASN.1');
  };
  try {
    container = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (cause) {
    // forge says "MAC could not be verified" or "Unable to decrypt …, wrong password?" for a
    // wrong password; anything else is a container it cannot read.
    const message = cause instanceof Error ? cause.message : '';
    const wrong = /password/i.test(message);
    throw new SigningError(wrong ? 'password.wrong' : 'container.unreadable', { cause });
  } finally {
    forge.pki.certificateFromAsn1 = parseCertificateAsn1;
  }
  const keyBags = bagsOf(container, forge.pki.oids.pkcs8ShroudedKeyBag ?? '').concat(
    bagsOf(container, forge.pki.oids.keyBag ?? ''),
  );
  const certBags = bagsOf(container, forge.pki.oids.certBag ?? '');
  const keyBag = keyBags[0];
  if (!keyBag) throw new SigningError('container.no-key');
  const certs = certBags.flatMap((bag) => {
    if (!bag.asn1) return [];
    const der = derOf(bag.asn1);
    return [{ der, parsed: parseCertificate(der).cert, localKeyId: localKeyId(bag) }];
  });
  const keyId = localKeyId(keyBag);
  // An RSA key's certificate is the one with its modulus (a container could name another by its
  // local key id, and a signature under the wrong certificate would fail every verifier); other
  // keys are matched by local key id, else the one end-entity certificate.
  const rsaKey = keyBag.key;
  const mine = rsaKey
    ? certs.find((c) => rsaModulusHex(c.parsed) === rsaKey.n.toString(16))
    : ((keyId && certs.find((c) => c.localKeyId && equalBytes(c.localKeyId, keyId))) ??
      certs.find((c) => !isCa(c.parsed)) ??
      certs[0]);
  if (!mine) throw new SigningError('container.no-key');
  const info = infoOf(mine.parsed, mine.der);
  // forge parses RSA keys and hands any other key back as the PrivateKeyInfo it decrypted.
  const keyAsn1 = keyBag.key
    ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key))
    : keyBag.asn1;
  if (!keyAsn1) throw new SigningError('container.no-key');
  const others = certs.filter((c) => c !== mine).map((c) => c.der);
  return { pkcs8: derOf(keyAsn1), cert: mine.der, certificate: mine.parsed, info, others };
}

function rsaModulusHex(cert: pkijs.Certificate): string | undefined {
  try {
    const key = pkijs.RSAPublicKey.fromBER(
      ownBuffer(new Uint8Array(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)),
    );
    return toHex(new Uint8Array(key.modulus.valueBlock.valueHexView)).replace(/^0+/, '');
  } catch {
    return undefined;
  }
}

function bagsOf(container: forge.pkcs12.Pkcs12Pfx, bagType: string): Bag[] {
  return container.getBags({ bagType })[bagType] ?? [];
}

function localKeyId(bag: Bag): Uint8Array | undefined {
  const id = (bag.attributes as Record<string, string[] | undefined>).localKeyId?.[0];
  return id ? bytesOf(id) : undefined;
}
