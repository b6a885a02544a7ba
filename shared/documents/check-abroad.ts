import { finding, resultOf } from './findings';
import type { CheckResult, Finding, FindingCode } from './findings';
import { compareIin } from './identity';
import { uncoveredParts } from './periods';
import type { CheckContext, Period, ResidenceAbroad, StudyAbroad } from './schemas';

const KAZAKHSTAN = 'KZ';

function coverageFindings(code: FindingCode, requested: Period, covered: Period): Finding[] {
  return uncoveredParts(requested, covered).map((part) =>
    finding(code, 'fail', { from: part.from, to: part.to }),
  );
}

/** Certificate of the parents' temporary residence abroad (ground 'abroad-with-parents'). */
export function checkResidenceAbroad(doc: ResidenceAbroad, context: CheckContext): CheckResult {
  const findings: Finding[] = [];

  const iin = compareIin(doc.personIin, context.applicantIin);
  if (iin.kind === 'invalid')
    findings.push(finding('residence.person-iin-invalid', 'fail', { reason: iin.reason }));
  // The certificate may be about the other parent, who did not apply: the officer decides.
  if (iin.kind === 'mismatch') findings.push(finding('residence.person-not-applicant', 'judgement'));

  if (doc.country === KAZAKHSTAN) findings.push(finding('residence.country-is-kazakhstan', 'fail'));
  if (doc.validTo < context.today) {
    findings.push(finding('residence.expired', 'fail', { validTo: doc.validTo, today: context.today }));
  }
  findings.push(
    ...coverageFindings('residence.period-not-covered', context.studyPeriod, {
      from: doc.validFrom,
      to: doc.validTo,
    }),
  );

  return resultOf(findings);
}

/** Document confirming the pupil's study abroad (ground 'abroad-alone'). */
export function checkStudyAbroad(doc: StudyAbroad, context: CheckContext): CheckResult {
  const findings: Finding[] = [];

  const iin = compareIin(doc.pupilIin, context.pupilIin);
  if (iin.kind === 'invalid')
    findings.push(finding('study-abroad.pupil-iin-invalid', 'fail', { reason: iin.reason }));
  if (iin.kind === 'mismatch') findings.push(finding('study-abroad.pupil-iin-mismatch', 'fail'));

  if (doc.country === KAZAKHSTAN) findings.push(finding('study-abroad.country-is-kazakhstan', 'fail'));
  findings.push(
    ...coverageFindings('study-abroad.period-not-covered', context.studyPeriod, {
      from: doc.from,
      to: doc.to,
    }),
  );

  return resultOf(findings);
}
