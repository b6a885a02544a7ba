// Users, roles and secrets of the desk: pure, so the desk and (with sync) the central system agree.
export {
  CREDENTIAL_ALGORITHM,
  MIN_PBKDF2_ITERATIONS,
  PBKDF2_ITERATIONS,
  constantTimeEqual,
  makeCredential,
  needsRehash,
  verifyCredential,
  type Credential,
} from './credential';
export {
  MAX_SECRET_LENGTH,
  MIN_PASSWORD_LENGTH,
  MIN_PIN_DIGITS,
  SECRET_ISSUE_CODES,
  isPin,
  secretIssue,
  type SecretIssueCode,
} from './policy';
export { FREE_FAILURES, delayAfter, retryAfterMs, withFailure, type FailureRecord } from './throttle';
export {
  MANAGER_ROLES,
  USER_ISSUE_CODES,
  USER_ROLES,
  canEditSettings,
  canManageUsers,
  caseRoleOf,
  isCaseUser,
  isManager,
  userProfileSchema,
  validateProfile,
  type Bilingual,
  type CaseUser,
  type DeskUser,
  type ProfileResult,
  type UserIssue,
  type UserIssueCode,
  type UserProfile,
  type UserRole,
} from './users';
export {
  DIRECTORY_REFUSALS,
  checkChange,
  checkCreate,
  needsSetup,
  newUser,
  type DirectoryRefusal,
} from './rules';
export { VERIFY_FAILURES } from './directory';
export type { DirectoryResult, UserChanges, UserDirectory, VerifyFailure, VerifyResult } from './directory';
