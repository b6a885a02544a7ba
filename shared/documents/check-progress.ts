import { finding, resultOf } from './findings';
import type { CheckResult, Finding } from './findings';
import { compareIin } from './identity';
import type { CheckContext, ProgressRecord, ProgressYear } from './schemas';

/**
 * Year-end marks are not given in the first grade (assessment there is without marks), so the
 * "whole period of study" the ground speaks of starts with the second grade.
 */
export const FIRST_MARKED_GRADE = 2;

const startYear = (y: ProgressYear): number => Number(y.year.slice(0, 4));

function markFindings(year: ProgressYear): Finding[] {
  const findings: Finding[] = [];
  for (const { subject, finalMark } of year.subjects) {
    const params = { subject, year: year.year, grade: year.grade, mark: finalMark };
    if (typeof finalMark === 'number') {
      if (finalMark <= 3) findings.push(finding('progress.low-mark', 'fail', params));
    } else {
      // Credited or exempted subjects are not "4 or 5": whether they count is the officer's call.
      findings.push(finding('progress.non-numeric-mark', 'judgement', params));
    }
  }
  return findings;
}

function sequenceFindings(years: readonly ProgressYear[]): Finding[] {
  const findings: Finding[] = [];
  const first = years[0];
  if (first && first.grade > FIRST_MARKED_GRADE) {
    findings.push(
      finding('progress.early-grades-missing', 'judgement', {
        firstGrade: first.grade,
        expectedFrom: FIRST_MARKED_GRADE,
      }),
    );
  }
  for (let i = 1; i < years.length; i++) {
    const before = years[i - 1];
    const after = years[i];
    if (!before || !after) continue;
    if (startYear(after) - startYear(before) > 1) {
      findings.push(
        finding('progress.year-gap', 'judgement', { afterYear: before.year, beforeYear: after.year }),
      );
    }
    const step = after.grade - before.grade;
    if (step > 1) {
      findings.push(
        finding('progress.grade-gap', 'judgement', { afterGrade: before.grade, beforeGrade: after.grade }),
      );
    } else if (step <= 0) {
      findings.push(
        finding('progress.grade-repeated', 'judgement', { grade: after.grade, year: after.year }),
      );
    }
  }
  return findings;
}

/** The record of progress (ground 'marks'): only 4 and 5 in every subject over every year. */
export function checkProgressRecord(doc: ProgressRecord, context: CheckContext): CheckResult {
  const findings: Finding[] = [];

  const iin = compareIin(doc.pupilIin, context.pupilIin);
  if (iin.kind === 'invalid')
    findings.push(finding('progress.pupil-iin-invalid', 'fail', { reason: iin.reason }));
  if (iin.kind === 'mismatch') findings.push(finding('progress.pupil-iin-mismatch', 'fail'));

  // Years are judged in time order whatever order the central system listed them in.
  const years = [...doc.years].sort((a, b) => startYear(a) - startYear(b));
  for (const year of years) findings.push(...markFindings(year));
  findings.push(...sequenceFindings(years));

  return resultOf(findings);
}
