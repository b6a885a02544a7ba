import { isIsoDate } from '../calendar/dates';
import { finding, resultOf } from './findings';
import type { CheckResult, Finding } from './findings';
import { compareIin } from './identity';
import { monthsBefore } from './periods';
import type { CheckContext, MedicalConclusion } from './schemas';

/** A conclusion older than this is not refused outright, but the officer weighs whether it still holds. */
export const MEDICAL_FRESH_MONTHS = 12;

function isBlank(value: string | null | undefined): boolean {
  return value == null || value.trim() === '';
}

function dateFindings(date: string | null | undefined, today: string): Finding[] {
  if (date == null || isBlank(date)) return [finding('medical.date-missing', 'fail')];
  const trimmed = date.trim();
  if (!isIsoDate(trimmed)) return [finding('medical.date-invalid', 'fail')];
  if (trimmed > today) return [finding('medical.date-in-future', 'fail', { date: trimmed, today })];
  if (trimmed < monthsBefore(today, MEDICAL_FRESH_MONTHS)) {
    return [
      finding('medical.older-than-12-months', 'judgement', { date: trimmed, months: MEDICAL_FRESH_MONTHS }),
    ];
  }
  return [];
}

/** Form 035-1/у: the conclusion of the medical advisory commission (ground 'health'). */
export function checkMedicalConclusion(doc: MedicalConclusion, context: CheckContext): CheckResult {
  const findings: Finding[] = [];

  if (isBlank(doc.number)) findings.push(finding('medical.number-missing', 'fail'));
  findings.push(...dateFindings(doc.date, context.today));
  if (doc.commission == null) findings.push(finding('medical.commission-missing', 'fail'));

  const iin = compareIin(doc.pupilIin, context.pupilIin);
  if (iin.kind === 'invalid')
    findings.push(finding('medical.pupil-iin-invalid', 'fail', { reason: iin.reason }));
  if (iin.kind === 'mismatch') findings.push(finding('medical.pupil-iin-mismatch', 'fail'));

  // Only the officer can read what "other" means; the free text is never copied into a finding.
  if (doc.recommendation.code === 'other')
    findings.push(finding('medical.recommendation-other', 'judgement'));

  if (doc.validUntil != null && doc.validUntil < context.today) {
    findings.push(finding('medical.expired', 'fail', { validUntil: doc.validUntil, today: context.today }));
  }

  return resultOf(findings);
}
