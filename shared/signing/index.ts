/** shared/signing: certificates, signers and verification of issue 8 (types.ts is the contract). */
export * from './types';
export { certificateInfo } from './x509';
export { parseBin, type BinDivision, type BinInvalidReason, type BinResult, type BinType } from './bin';
export { checkSigningRules, isSigningKey } from './rules';
export { OID, rolesOf } from './oids';
export { pkcs12Signer } from './pkcs12';
export { verifyCms } from './verify';
export { ocspRequest, type OcspRequest } from './ocsp-request';
export { fetchOcsp, responderUrlFor, type OcspFetchFailure } from './ocsp-fetch';
export { httpTimeStampClient, type HttpTimeStampOptions } from './tsp';
export {
  ncaLayerSigner,
  NCALAYER_CODES,
  type NcaLayerSigner,
  type NcaLayerSignerOptions,
  type NcaLayerCode,
} from './ncalayer';
