/**
 * A detached CMS over some bytes, made by NCALayer with the key the officer chooses in its dialog.
 * The basics module first; an NCALayer that lacks it (MODULE_NOT_FOUND: no dialog was shown, so
 * asking again is safe) is asked through commonUtils, which needs a storage named up front.
 */
import { toBase64 } from '../bytes';
import { cmsBytes } from './base64';
import type { NcaLayerClient } from './client';
import {
  basicsSignRequest,
  BASICS,
  COMMON_UTILS,
  createCadesRequest,
  getActiveTokensRequest,
  PKCS12_STORAGE,
  readBasicsSign,
  readCommonUtils,
  type KeyFilter,
  type NcaLayerLocale,
} from './protocol';
import { ncaLayerError } from './problems';

export interface NcaLayerSignOptions {
  /** Storages NCALayer may offer (`PKCS12`, `AKKaztokenStore`, `AKKZIDCardStore`, …); null: any. */
  allowedStorages: readonly string[] | null;
  keys: KeyFilter;
  /** The language of NCALayer's dialog. */
  locale: NcaLayerLocale;
}

/** The DER bytes of the CMS NCALayer made over `data`; throws NcaLayerError. */
export async function signCmsWithNcaLayer(
  client: NcaLayerClient,
  data: Uint8Array,
  options: NcaLayerSignOptions,
): Promise<Uint8Array> {
  const base64 = toBase64(data);
  const basics = readBasicsSign(await client.request(basicsSignRequest(base64, options), 'person'));
  if (basics.kind === 'ok') return oneCms(basics.value, BASICS);

  const tokens = readCommonUtils(await client.request(getActiveTokensRequest(), 'answer'));
  if (tokens.kind === 'module-missing')
    throw ncaLayerError('ncalayer.module-missing', { module: COMMON_UTILS });
  const storage = chooseStorage(tokens.value, options.allowedStorages);
  const cades = readCommonUtils(await client.request(createCadesRequest(storage, base64), 'person'));
  if (cades.kind === 'module-missing')
    throw ncaLayerError('ncalayer.module-missing', { module: COMMON_UTILS });
  if (typeof cades.value !== 'string') throw ncaLayerError('ncalayer.bad-response', { module: COMMON_UTILS });
  return oneCms(cades.value, COMMON_UTILS);
}

/**
 * commonUtils signs from one named storage: a connected token or card the desk allows (the first,
 * as NCALayer lists them), else the file storage if allowed.
 */
export function chooseStorage(activeTokens: unknown, allowed: readonly string[] | null): string {
  if (!Array.isArray(activeTokens) || !activeTokens.every((t): t is string => typeof t === 'string')) {
    throw ncaLayerError('ncalayer.bad-response', { module: COMMON_UTILS });
  }
  const token = activeTokens.find((t) => allowed === null || allowed.includes(t));
  if (token !== undefined) return token;
  if (allowed === null || allowed.includes(PKCS12_STORAGE)) return PKCS12_STORAGE;
  throw ncaLayerError('ncalayer.no-token', { module: COMMON_UTILS });
}

function oneCms(result: string | string[], module: string): Uint8Array {
  // One piece of data was sent, so one signature comes back (basics answers an array for arrays).
  const text = Array.isArray(result) ? (result.length === 1 ? result[0]! : null) : result;
  const bytes = text === null ? null : cmsBytes(text);
  if (!bytes) throw ncaLayerError('ncalayer.bad-response', { module });
  return bytes;
}
