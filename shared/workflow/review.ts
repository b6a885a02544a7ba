/** The automated check of an attachment, and what a review records of it (shared/documents). */
import type { IsoDate } from '../calendar/types';
import { checkDocument } from '../documents/check';
import type { CheckResult } from '../documents/findings';
import type { Application, AttachmentRef, ReviewCheck } from './events';

/**
 * The automated check of one attachment against its case on `today`; null when there is nothing to
 * check (the application itself, or a file the central system sent without structured data).
 */
export function checkAttachment(
  application: Application,
  attachment: AttachmentRef,
  today: IsoDate,
): CheckResult | null {
  if (attachment.kind === 'application' || attachment.data === undefined) return null;
  return checkDocument(attachment.data, {
    pupilIin: application.pupil.iin,
    applicantIin: application.applicant.iin,
    today,
    studyPeriod: application.studyPeriod,
  });
}

/**
 * The check as the review records it: its status and finding codes (never the params, which may
 * one day carry more than codes). `null` (nothing to check) is 'none'. A file whose bytes could not
 * be read is 'unreadable', which only the caller that tried to read it can say.
 */
export function reviewCheckOf(result: CheckResult | null): ReviewCheck {
  if (result === null) return { status: 'none', codes: [] };
  return { status: result.status, codes: [...new Set(result.findings.map((f) => f.code))] };
}
