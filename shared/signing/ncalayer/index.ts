/**
 * Signing through NCALayer (issue 8). The desk calls `ncaLayerSigner(options)` and uses it as any
 * Signer; `NcaLayerClient` and `signCmsWithNcaLayer` are the layers below, for a screen that only
 * asks whether NCALayer is there, or for tests. Every failure is a SigningError with an
 * `ncalayer.*` code (problems.ts), translated under `signing.<code>`.
 */
export { ncaLayerSigner, type NcaLayerSigner, type NcaLayerSignerOptions } from './signer';
export {
  NcaLayerClient,
  type NcaLayerClientOptions,
  type RequestKind,
  type SocketConstructor,
  type SocketLike,
} from './client';
export { signCmsWithNcaLayer, type NcaLayerSignOptions } from './sign';
export { readReturnedCms, type ReturnedCms } from './cms';
export { NCALAYER_CODES, ncaLayerDetail, type NcaLayerCode, type NcaLayerDetail } from './problems';
export { SIGNING_EKU, PKCS12_STORAGE, type KeyFilter, type NcaLayerLocale } from './protocol';
