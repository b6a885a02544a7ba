/**
 * An RFC 3161 time-stamp client over fetch: the TSA's URL is a setting (the desk's CSP must allow
 * its origin, see shared/host/csp.ts). It asks for the imprint with a fresh nonce and the TSA's
 * certificate, and accepts the answer only when it is granted, imprints what was asked and
 * carries the nonce back; then the token goes into the signature as it came.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { equalBytes, ownBuffer } from './bytes';
import { OID } from './oids';
import { tstInfoOf } from './timestamp';
import { SigningError, type TimeStampClient } from './types';

export interface HttpTimeStampOptions {
  url: string;
  /** Defaults to the global fetch (tests pass their own). */
  fetch?: typeof globalThis.fetch;
  /** Give up after this long (default 15 s): the desk then signs without a time stamp. */
  timeoutMs?: number;
}

export function httpTimeStampClient(options: HttpTimeStampOptions): TimeStampClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async timestamp({ digest }) {
      const nonce = crypto.getRandomValues(new Uint8Array(8));
      // A positive INTEGER in minimal DER: the high bit clear (positive) and the next one set, so the
      // first byte is never 0x00 (a leading zero before a byte under 0x80 is illegal padding, and
      // OpenSSL refuses the whole token for it: 1 request in 256 with only the high bit cleared).
      nonce[0] = ((nonce[0] ?? 0) & 0x7f) | 0x40;
      const body = timeStampRequest(digest, nonce);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let answer: Uint8Array;
      try {
        const response = await doFetch(options.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/timestamp-query' },
          body: ownBuffer(body),
          signal: controller.signal,
        });
        if (!response.ok) throw new SigningError('tsa.refused');
        answer = new Uint8Array(await response.arrayBuffer());
      } catch (cause) {
        if (cause instanceof SigningError) throw cause;
        throw new SigningError('tsa.unreachable', { cause });
      } finally {
        clearTimeout(timer);
      }
      return tokenOfResponse(answer, digest, nonce);
    },
  };
}

/** A DER TimeStampReq for a SHA-256 imprint (exported for the tests' responder and for openssl). */
export function timeStampRequest(digest: Uint8Array, nonce: Uint8Array): Uint8Array {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: ownBuffer(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: ownBuffer(nonce) }),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER());
}

/** The token of a TimeStampResp after checking status, imprint and nonce. */
export function tokenOfResponse(answer: Uint8Array, digest: Uint8Array, nonce: Uint8Array): Uint8Array {
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(ownBuffer(answer));
  } catch (cause) {
    throw new SigningError('tsa.bad-response', { cause });
  }
  const status = response.status.status;
  const granted = status === pkijs.PKIStatus.granted || status === pkijs.PKIStatus.grantedWithMods;
  if (!granted || !response.timeStampToken) throw new SigningError('tsa.refused');
  const token = new Uint8Array(response.timeStampToken.toSchema().toBER());
  const tst = tstInfoOf(token);
  if (!tst) throw new SigningError('tsa.bad-response');
  const imprinted = new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
  const returnedNonce = tst.nonce ? new Uint8Array(tst.nonce.valueBlock.valueHexView) : undefined;
  if (
    tst.messageImprint.hashAlgorithm.algorithmId !== OID.sha256 ||
    !equalBytes(imprinted, digest) ||
    !returnedNonce ||
    !equalBytes(stripZeros(returnedNonce), stripZeros(nonce))
  ) {
    throw new SigningError('tsa.bad-response');
  }
  return token;
}

function stripZeros(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}
