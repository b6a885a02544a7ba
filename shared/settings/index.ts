export type { AkimatLevel } from './legal-basis';
export { AKIMAT_LEVELS, legalBasisFor } from './legal-basis';
export type { BinIssueCode } from './bin';
export { binIssue, isValidBin } from './bin';
export type { ActType, ActWording, IssuerKind } from './issuer';
export {
  ACT_TYPES,
  ISSUER_KINDS,
  actTypeOf,
  actWording,
  defaultActType,
  defaultSignatoryTitle,
  signatoryTitleOf,
} from './issuer';
export type {
  IssuerSettings,
  Language,
  Settings,
  SettingsIssue,
  SettingsIssueCode,
  SettingsResult,
} from './schema';
export {
  DEFAULT_LOCK_MINUTES,
  MAX_ATTACHMENT_BYTES,
  MAX_LOCK_MINUTES,
  MIN_LOCK_MINUTES,
  MIN_ATTACHMENT_BYTES,
  SETTINGS_ISSUE_CODES,
  settingsSchema,
  validateSettings,
} from './schema';
export { DEFAULT_MAX_ATTACHMENT_BYTES, DEMO_SETTINGS } from './defaults';
export type {
  SigningSettings,
  SigningSettingsIssue,
  SigningSettingsIssueCode,
  SigningSettingsResult,
  TrustedCertificate,
} from './signing';
export {
  DEFAULT_SIGNING_SETTINGS,
  MAX_TRUSTED_CERTIFICATES,
  SIGNING_SETTINGS_ISSUE_CODES,
  signingOriginsOf,
  signingFingerprint,
  signingSettingsSchema,
  validateSigningSettings,
} from './signing';
