/**
 * NCALayer's JSON protocol, as a real NCALayer speaks it (../shared/fixtures/ncalayer/test-data.json
 * is a recorded session): the requests the desk sends and what each kind of answer means. No I/O
 * here; the connection is client.ts.
 *
 * Two modules sign a CMS. `kz.gov.pki.knca.basics` (2022 on) takes named args and answers
 * `{status, body | code/message/details}`; the older `kz.gov.pki.knca.commonUtils` takes positional
 * args and answers `{code: "200" | "500", responseObject | message}`. An NCALayer without a module
 * answers a request to it with the core's `{"success":false,"errorCode":"MODULE_NOT_FOUND"}`.
 */
import { OID } from '../oids';
import { ncaLayerError } from './problems';

export const BASICS = 'kz.gov.pki.knca.basics';
export const COMMON_UTILS = 'kz.gov.pki.knca.commonUtils';
export const HEARTBEAT = '--heartbeat--';
/** Extended key usage of a signing key (an authentication key has 1.3.6.1.5.5.7.3.2). */
export const SIGNING_EKU = OID.ekuSigning;
/** The file storage; every other storage name is a token or a card (AKKaztokenStore, AKKZIDCardStore, …). */
export const PKCS12_STORAGE = 'PKCS12';

export type NcaLayerLocale = 'kk' | 'ru';

/** Which keys NCALayer offers the officer (signerParams of basics). */
export interface KeyFilter {
  /** Only certificates of this person. */
  iin?: string;
  /** Only certificates of this organisation (the akimat). */
  bin?: string;
  /** Only certificates issued under these CA certificates (base64 DER); NCALayer's own list when absent. */
  chain?: string[];
}

export type JsonObject = { [key: string]: unknown };

export interface NcaLayerRequest extends JsonObject {
  module: string;
  method: string;
  args?: unknown;
}

/** `basics.sign` of a detached CMS over `dataBase64`, the args exactly as NCALayer expects them. */
export function basicsSignRequest(
  dataBase64: string,
  options: { allowedStorages: readonly string[] | null; keys: KeyFilter; locale: NcaLayerLocale },
): NcaLayerRequest {
  const signerParams: JsonObject = { extKeyUsageOids: [SIGNING_EKU] };
  if (options.keys.iin !== undefined) signerParams.iin = options.keys.iin;
  if (options.keys.bin !== undefined) signerParams.bin = options.keys.bin;
  if (options.keys.chain !== undefined) signerParams.chain = [...options.keys.chain];
  return {
    module: BASICS,
    method: 'sign',
    args: {
      allowedStorages: options.allowedStorages === null ? null : [...options.allowedStorages],
      format: 'cms',
      data: dataBase64,
      // decode: the data is base64 of the bytes to sign; encapsulate false: detached; digested
      // false: the bytes themselves, not their hash; an empty TSA profile: NCALayer's default.
      signingParams: { decode: true, encapsulate: false, digested: false, tsaProfile: {} },
      signerParams,
      locale: options.locale,
    },
  };
}

export function getActiveTokensRequest(): NcaLayerRequest {
  return { module: COMMON_UTILS, method: 'getActiveTokens' };
}

/** `commonUtils.createCAdESFromBase64(storage, "SIGNATURE", base64, attach = false)`: a detached CMS. */
export function createCadesRequest(storage: string, dataBase64: string): NcaLayerRequest {
  return {
    module: COMMON_UTILS,
    method: 'createCAdESFromBase64',
    args: [storage, 'SIGNATURE', dataBase64, false],
  };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The core's answer to a request for a module this NCALayer does not have. */
export function isModuleNotFound(answer: unknown): boolean {
  return isObject(answer) && answer.success === false && answer.errorCode === 'MODULE_NOT_FOUND';
}

/** The version of the greeting NCALayer sends on connect (`{"result":{"version":"1.2"}}`), or null. */
export function greetingVersion(frame: unknown): string | null {
  if (!isObject(frame) || !isObject(frame.result)) return null;
  const { version } = frame.result;
  return typeof version === 'string' && version !== '' ? version : null;
}

function codeOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export type ModuleAnswer<T> = { kind: 'ok'; value: T } | { kind: 'module-missing' };

/**
 * The result of `basics.sign`: a PEM string (an array when an array of data was signed). An empty
 * body is the officer's cancel; `status:false` NCALayer's failure, reported by its code alone.
 */
export function readBasicsSign(answer: unknown): ModuleAnswer<string | string[]> {
  if (isModuleNotFound(answer)) return { kind: 'module-missing' };
  if (!isObject(answer) || typeof answer.status !== 'boolean')
    throw ncaLayerError('ncalayer.bad-response', { module: BASICS });
  if (!answer.status)
    throw ncaLayerError('ncalayer.failed', { module: BASICS, ncalayerCode: codeOf(answer.code) });
  if (!isObject(answer.body)) throw ncaLayerError('ncalayer.bad-response', { module: BASICS });
  if (!('result' in answer.body)) throw ncaLayerError('ncalayer.cancelled', { module: BASICS });
  const { result } = answer.body;
  if (typeof result === 'string') return { kind: 'ok', value: result };
  if (Array.isArray(result) && result.every((r): r is string => typeof r === 'string'))
    return { kind: 'ok', value: result };
  throw ncaLayerError('ncalayer.bad-response', { module: BASICS });
}

/**
 * `responseObject` of a commonUtils answer with code "200". Code "500" with `action.canceled` is
 * the officer's cancel; any other code NCALayer's failure.
 */
export function readCommonUtils(answer: unknown): ModuleAnswer<unknown> {
  if (isModuleNotFound(answer)) return { kind: 'module-missing' };
  if (!isObject(answer)) throw ncaLayerError('ncalayer.bad-response', { module: COMMON_UTILS });
  const code = codeOf(answer.code);
  if (code === '200') return { kind: 'ok', value: answer.responseObject };
  if (code === undefined) throw ncaLayerError('ncalayer.bad-response', { module: COMMON_UTILS });
  if (answer.message === 'action.canceled')
    throw ncaLayerError('ncalayer.cancelled', { module: COMMON_UTILS });
  throw ncaLayerError('ncalayer.failed', { module: COMMON_UTILS, ncalayerCode: code });
}
