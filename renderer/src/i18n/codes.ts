/**
 * Every code the domain hands the UI to translate, and the functions that turn a code and its
 * params into a sentence. The lists are what the translation test enumerates, so a code added in
 * shared/ without a Kazakh and a Russian sentence fails the build.
 */
// The code list alone: shared/api's index builds every message schema of the API.
import { SERVER_REJECTION_CODES } from '../../../shared/api/rejection-codes';
import type { TFunction } from 'i18next';
// The code lists only (types.ts, pdf/errors.ts): not the signing code, which loads with its screens.
import { COVERAGE_CODES, PDF_SIGNING_ERROR_CODES } from '../../../shared/signing/pdf/errors';
import {
  SIGNER_ROLES,
  SIGNING_ERROR_CODES,
  VERIFICATION_CODES,
  type CmsVerification,
} from '../../../shared/signing/types';
import { DOCUMENT_KINDS, FINDING_CODES, GROUNDS, type Finding } from '../../../shared/documents';
import {
  DIRECTORY_REFUSALS,
  SECRET_ISSUE_CODES,
  USER_ISSUE_CODES,
  USER_ROLES,
  VERIFY_FAILURES,
} from '../../../shared/auth';
import { HOST_ERROR_CODES } from '../../../shared/host/contract';
// problems.ts alone: the codes, without the NCALayer client and its CMS code.
import { NCALAYER_CODES } from '../../../shared/signing/ncalayer/problems';
import { ACT_TYPES, AKIMAT_LEVELS, ISSUER_KINDS, SETTINGS_ISSUE_CODES } from '../../../shared/settings';
import {
  EVENT_TYPES,
  QUEUE_IDS,
  REJECTION_CODES,
  STAGES as WORKFLOW_STAGES,
  type RejectionReason,
  type Stage,
} from '../../../shared/workflow';
import { formatDate } from './format';

export const STAGES: readonly Stage[] = WORKFLOW_STAGES;
/**
 * renderer/src/db's StorageErrorCode plus the attachment limit and a refused reset of the desk
 * (unsent work), which the desk reports the same way.
 */
export const STORAGE_ERROR_CODES = [
  'quota',
  'disk-full',
  'blocked',
  'unavailable',
  'corrupt',
  'attachment.too-large',
  'clear.unsent-work',
  'unknown',
] as const;
export type StorageProblem = (typeof STORAGE_ERROR_CODES)[number];
export const IIN_REASONS = ['format', 'century', 'date', 'checksum'] as const;
export const DEADLINE_STAGES = [
  'registration',
  'completeness',
  'school',
  'review',
  'term',
  'complaint',
] as const;
export const DEADLINE_STATUSES = ['met', 'on-track', 'at-risk', 'overdue', 'late'] as const;
export const LEGAL_BASES = ['art6-p2-sp24-4', 'art6-p3-sp25-7', 'art6-p4-sp21-3'] as const;
export const ACTOR_ROLES = ['officer', 'head', 'portal', 'system'] as const;
/** Payload fields a 'date.out-of-order' rejection can name. */
export const DATE_FIELDS = [
  'registeredOn',
  'decisionDate',
  'sentOn',
  'answeredOn',
  'orderDate',
  'dueOn',
  'deliveredAt',
  'signedAt',
] as const;
/** Rejection params that hold an ISO date, shown as dd.MM.yyyy. */
const DATE_PARAMS_OF_REJECTIONS = new Set(['notBefore', 'notAfter', 'today', 'registeredOn']);

/** Each group of codes with the key prefix its translations live under. */
/** What a file that is no signed CMS is reported as (CmsVerification.problem). */
const CMS_PROBLEMS: readonly NonNullable<CmsVerification['problem']>[] = [
  'cms.unreadable',
  'cms.not-signed-data',
  'cms.no-signers',
];

export const CODE_GROUPS: ReadonlyArray<{ prefix: string; codes: readonly string[] }> = [
  { prefix: 'rejection', codes: REJECTION_CODES },
  { prefix: 'sync.reason', codes: SERVER_REJECTION_CODES },
  { prefix: 'finding', codes: FINDING_CODES },
  { prefix: 'settingsIssue', codes: SETTINGS_ISSUE_CODES },
  { prefix: 'storageError', codes: STORAGE_ERROR_CODES },
  { prefix: 'hostError', codes: HOST_ERROR_CODES },
  { prefix: 'iinReason', codes: IIN_REASONS },
  { prefix: 'stage', codes: STAGES },
  { prefix: 'queueName', codes: [...QUEUE_IDS, 'overdue', 'due-soon', 'all'] },
  { prefix: 'ground', codes: GROUNDS },
  { prefix: 'documentKind', codes: DOCUMENT_KINDS },
  { prefix: 'eventType', codes: EVENT_TYPES },
  { prefix: 'deadlineStage', codes: DEADLINE_STAGES },
  { prefix: 'deadlineStatus', codes: DEADLINE_STATUSES },
  { prefix: 'legalBasis', codes: LEGAL_BASES },
  { prefix: 'akimatLevel', codes: AKIMAT_LEVELS },
  { prefix: 'issuerKind', codes: ISSUER_KINDS },
  { prefix: 'actType', codes: ACT_TYPES },
  { prefix: 'role', codes: ACTOR_ROLES },
  { prefix: 'role', codes: USER_ROLES },
  { prefix: 'auth.verify', codes: [...VERIFY_FAILURES, 'storage', 'other-user'] },
  { prefix: 'auth.refusal', codes: DIRECTORY_REFUSALS },
  // A SigningError's code is its key under `signing` (`signing.ncalayer.not-running`).
  { prefix: 'signing', codes: NCALAYER_CODES },
  { prefix: 'auth.userIssue', codes: USER_ISSUE_CODES },
  { prefix: 'auth.secretIssue', codes: SECRET_ISSUE_CODES },
  { prefix: 'dateField', codes: DATE_FIELDS },
  { prefix: 'mark', codes: ['pass', 'exempt'] },
  { prefix: 'signing.error', codes: [...SIGNING_ERROR_CODES, ...PDF_SIGNING_ERROR_CODES, 'signing.failed'] },
  { prefix: 'signing.check.code', codes: [...VERIFICATION_CODES, ...COVERAGE_CODES] },
  { prefix: 'signing.check.status', codes: ['valid', 'invalid', 'not-checked'] },
  { prefix: 'signing.check.problem', codes: ['pdf.unreadable', 'pdf.no-signatures', ...CMS_PROBLEMS] },
  { prefix: 'signing.role', codes: SIGNER_ROLES },
  {
    prefix: 'finding.signatureProblem',
    codes: ['missing', 'altered', 'damaged', 'unsupported', 'storage', ...CMS_PROBLEMS],
  },
];

type Param = string | number | boolean | null | readonly string[] | undefined;

function listOf(t: TFunction, prefix: string, value: Param): string {
  const items = Array.isArray(value) ? (value as readonly string[]) : [String(value)];
  return items.map((v) => t(`${prefix}.${v}`)).join(', ');
}

/**
 * A rejection of the reducer as a sentence. Params that are codes themselves (a stage, an event
 * type, document kinds, a date) are translated first so the sentence reads naturally.
 */
export function rejectionText(
  t: TFunction,
  reason: RejectionReason,
  userName: (id: string) => string = (id) => id,
): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.params ?? {})) {
    if (name === 'stage') params[name] = t(`stage.${String(value)}`);
    else if (name === 'type') params[name] = t(`eventType.${String(value)}`);
    else if (name === 'kind') params[name] = t(`documentKind.${String(value)}`);
    else if ((name === 'expected' || name === 'missing') && Array.isArray(value))
      params[name] = listOf(t, 'documentKind', value);
    else if (name === 'field') params[name] = t(`dateField.${String(value)}`);
    else if (DATE_PARAMS_OF_REJECTIONS.has(name)) params[name] = formatDate(String(value));
    else if (name === 'role') params[name] = t(`role.${String(value)}`);
    else if (name === 'assignedTo')
      params[name] = value === null ? t('common.nobody') : userName(String(value));
    else params[name] = typeof value === 'number' ? value : String(value);
  }
  return t(`rejection.${reason.code}`, params);
}

const DATE_PARAMS = new Set(['date', 'today', 'validUntil', 'validTo', 'from', 'to']);

/** A finding of the document checks as a sentence; dates in dd.MM.yyyy, codes translated. */
export function findingText(t: TFunction, finding: Finding): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(finding.params ?? {})) {
    if (DATE_PARAMS.has(name) && typeof value === 'string') params[name] = formatDate(value);
    else if (name === 'mark' && typeof value === 'string') params[name] = t(`mark.${value}`);
    else if (name === 'reason') params[name] = t(`iinReason.${String(value)}`);
    // A signature finding names what the verifier answered: its code, in the check screen's words.
    else if (name === 'code' && finding.code.startsWith('signature.'))
      params[name] = t(`signing.check.code.${String(value)}`);
    else if (name === 'problem' && finding.code === 'signature.unreadable')
      params[name] = t(`finding.signatureProblem.${String(value)}`);
    else params[name] = value;
  }
  return t(`finding.${finding.code}`, params);
}

/** A storage failure in plain words. */
export function storageText(t: TFunction, code: StorageProblem): string {
  return t(`storageError.${code}`);
}
