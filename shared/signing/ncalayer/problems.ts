/**
 * How signing through NCALayer fails: always a SigningError (shared/signing/types.ts) with one of
 * the contract's `ncalayer.*` codes, which the desk translates (renderer/src/i18n/{kk,ru}/ncalayer.json,
 * keys `signing.<code>`, each sentence saying what to do). NCALayer's own message is never carried:
 * it is a Java exception text that may hold a file path or a name. What may go along, as the
 * error's `cause`, is the protocol code and the module (for a support call, never personal data).
 *
 *   ncalayer.not-running     no connection could be opened (not installed, not started, or the
 *                            browser does not trust its certificate)
 *   ncalayer.refused         a connection opened but NCALayer closed it: before greeting, or while
 *                            a request was in flight (that answer is lost)
 *   ncalayer.cancelled       the officer closed NCALayer's dialog
 *   ncalayer.no-token        no key storage the desk allows is connected (commonUtils)
 *   ncalayer.wrong-key-type  NCALayer signed with a key that is not a signing key
 *   ncalayer.module-missing  neither kz.gov.pki.knca.basics nor kz.gov.pki.knca.commonUtils
 *   ncalayer.timeout         no answer in the time allowed
 *   ncalayer.busy            a request while another is in flight (NCALayer has no request ids)
 *   ncalayer.bad-response    an answer the desk cannot read, or a CMS that is not a detached
 *                            signature over the data sent
 *   ncalayer.failed          NCALayer answered with a failure of its own
 *   signer.closed            the desk closed the client while something waited
 */
import { SIGNING_ERROR_CODES, SigningError, type SigningErrorCode } from '../types';

export type NcaLayerCode = Extract<SigningErrorCode, `ncalayer.${string}`>;

/** Every `ncalayer.*` code of the contract (what the translation test enumerates). */
export const NCALAYER_CODES: readonly NcaLayerCode[] = SIGNING_ERROR_CODES.filter(
  (code): code is NcaLayerCode => code.startsWith('ncalayer.'),
);

/** What may accompany a failure: protocol codes only, never NCALayer's message text. */
export interface NcaLayerDetail {
  /** NCALayer's code for a failure (`INVOCATION_ERROR`, `500`, …). */
  ncalayerCode?: string;
  /** The module that answered or was missing. */
  module?: string;
}

export function ncaLayerError(
  code: NcaLayerCode | 'signer.closed',
  detail: NcaLayerDetail = {},
): SigningError {
  return new SigningError(code, { cause: detail });
}

/** The detail of a failure made here (empty for any other error). */
export function ncaLayerDetail(error: unknown): NcaLayerDetail {
  if (!(error instanceof SigningError) || typeof error.cause !== 'object' || error.cause === null) return {};
  const { ncalayerCode, module } = error.cause as Record<string, unknown>;
  return {
    ...(typeof ncalayerCode === 'string' ? { ncalayerCode } : {}),
    ...(typeof module === 'string' ? { module } : {}),
  };
}
