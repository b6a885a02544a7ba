/**
 * OCSP fetching (signing settings "OCSP fetching"): for a certificate about which no revocation
 * evidence is at hand, the verifier asks a responder itself, with a fresh nonce (ocsp-request.ts),
 * and the answer goes through the same checks as any other (revocation.ts), the nonce included.
 * The responder is the one the certificate's AuthorityInfoAccess names when the desk may connect
 * to its origin (the CSP lets the page reach only the configured signing origins), else the one
 * the settings name. Offline, no responder, no issuer, unreachable, refused or no OCSP response:
 * a code, and the revocation stays not-checked (never "valid").
 */
import { ownBuffer } from './bytes';
import { ocspRequest } from './ocsp-request';
import type { ParsedCert } from './signed-data';
import type { FetchedOcspResponse, OcspFetchOptions, VerificationCode } from './types';
import { ocspUrlsOf } from './x509';
import { serviceOriginOf } from '../host/csp';

export type OcspFetchFailure = Extract<
  VerificationCode,
  | 'revocation.fetch-offline'
  | 'revocation.fetch-no-responder'
  | 'revocation.fetch-no-issuer'
  | 'revocation.fetch-failed'
>;

/** The URL to ask about `cert`: its AIA's when allowed, else the configured responder's. */
export function responderUrlFor(cert: ParsedCert, options: OcspFetchOptions): string | undefined {
  const allowed = (url: string) => {
    const origin = serviceOriginOf(url);
    return origin !== null && options.allowedOrigins.includes(origin);
  };
  const fromAia = ocspUrlsOf(cert.cert).find(allowed);
  if (fromAia !== undefined) return fromAia;
  return options.responderUrl !== undefined && allowed(options.responderUrl)
    ? options.responderUrl
    : undefined;
}

export async function fetchOcsp(
  cert: ParsedCert,
  issuer: ParsedCert | undefined,
  options: OcspFetchOptions,
): Promise<FetchedOcspResponse | { failure: OcspFetchFailure }> {
  if (!options.online) return { failure: 'revocation.fetch-offline' };
  const url = responderUrlFor(cert, options);
  if (url === undefined) return { failure: 'revocation.fetch-no-responder' };
  if (!issuer) return { failure: 'revocation.fetch-no-issuer' };
  const { request, nonce } = ocspRequest(cert.der, issuer.der);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000);
  try {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/ocsp-request' },
      body: ownBuffer(request),
      signal: controller.signal,
    });
    if (!response.ok) return { failure: 'revocation.fetch-failed' };
    return { response: new Uint8Array(await response.arrayBuffer()), nonce };
  } catch {
    // Unreachable, refused by the page's policy, timed out: the same "asked, no answer".
    return { failure: 'revocation.fetch-failed' };
  } finally {
    clearTimeout(timer);
  }
}
