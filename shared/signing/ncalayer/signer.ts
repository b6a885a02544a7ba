/**
 * `ncaLayerSigner(options)`: the Signer of shared/signing/types.ts over NCALayer. The key never
 * reaches the desk: NCALayer shows its own dialog, the officer chooses a key on a token, a card or
 * a file and types its PIN there, and NCALayer answers with a detached CMS. So the certificate is
 * unknown until something has been signed (`certificate()` is undefined before), and the desk's
 * rules (checkSigningRules) can only judge the certificate of the signature made: the caller checks
 * them on `SignResult.certificate` before recording anything.
 *
 * What NCALayer answers is checked before it is returned (cms.ts): a detached SignedData over
 * exactly the bytes sent, by a signing key. NCALayer writes the signingTime from its own clock (the
 * `signingTime` option cannot reach it) and, with `tsaProfile: {}`, may time-stamp from its own
 * TSA; when it did not and a `tsa` is given, the desk adds the time stamp itself (timestamp.ts).
 * Integrity is checked with the verifier's code (RSA, GOST 2015); a GOST 34.310-2004 signature
 * cannot be checked here and passes as NCALayer made it (verifyCms then says "not checked").
 */
import { isSigningKey } from '../rules';
import {
  isSigningError,
  type CertificateInfo,
  type SignOptions,
  type Signer,
  type SignResult,
} from '../types';
import { NcaLayerClient, type NcaLayerClientOptions } from './client';
import { readReturnedCms } from './cms';
import { ncaLayerError } from './problems';
import type { KeyFilter, NcaLayerLocale } from './protocol';
import { signCmsWithNcaLayer } from './sign';
import { addTimestamp } from './timestamp';

export interface NcaLayerSignerOptions extends NcaLayerClientOptions {
  /** Storages NCALayer may offer (`PKCS12`, `AKKaztokenStore`, `AKKZIDCardStore`, …); null or absent: any. */
  allowedStorages?: readonly string[] | null;
  /** Which keys NCALayer offers (basics only; commonUtils offers every signing key). */
  keys?: KeyFilter;
  /** The language of NCALayer's dialog (the desk's). */
  locale: NcaLayerLocale;
}

export interface NcaLayerSigner extends Signer {
  readonly kind: 'ncalayer';
  /** Connects (or reuses the connection) and gives NCALayer's version: "is NCALayer there?". */
  connect(): Promise<string>;
}

export function ncaLayerSigner(options: NcaLayerSignerOptions): NcaLayerSigner {
  const client = new NcaLayerClient(options);
  const signOptions = {
    allowedStorages: options.allowedStorages ?? null,
    keys: options.keys ?? {},
    locale: options.locale,
  };
  let lastCertificate: CertificateInfo | undefined;
  let signing = false;
  let closed = false;

  async function signDetached(data: Uint8Array, { tsa }: SignOptions): Promise<SignResult> {
    if (closed) throw ncaLayerError('signer.closed');
    // The fallback to commonUtils takes several requests: no other signing may slip in between.
    if (signing) throw ncaLayerError('ncalayer.busy');
    signing = true;
    try {
      const cms = await signCmsWithNcaLayer(client, data, signOptions);
      const returned = await readReturnedCms(cms, data);
      if (!isSigningKey(returned.certificate)) throw ncaLayerError('ncalayer.wrong-key-type');
      lastCertificate = returned.certificate;
      if (returned.timestamped || !tsa) {
        return { cms, certificate: returned.certificate, timestamped: returned.timestamped };
      }
      try {
        const stamped = await addTimestamp(returned.signedData, tsa);
        return { cms: stamped, certificate: returned.certificate, timestamped: true };
      } catch (error) {
        // Offline or refused: signed without a time stamp, and the result says why.
        if (!isSigningError(error)) throw error;
        return { cms, certificate: returned.certificate, timestamped: false, timestampProblem: error.code };
      }
    } finally {
      signing = false;
    }
  }

  return {
    kind: 'ncalayer',
    connect: () => (closed ? Promise.reject(ncaLayerError('signer.closed')) : client.connect()),
    certificate: () => Promise.resolve(lastCertificate),
    signDetached,
    close() {
      closed = true;
      lastCertificate = undefined;
      client.close();
    },
  };
}
