/** What the demo desk holds: how many cases end where, on which ground, with which defects. */
import type { Ground } from '../../../shared/workflow';
import { FLAWS_BY_GROUND, REFUSABLE_FLAWS, type DocumentFlaw } from './documents';
import type { Random } from './random';

export type Target =
  | 'registration'
  | 'completeness'
  | 'completeness-incomplete'
  | 'completeness-reopened'
  | 'school-unsent'
  | 'school-waiting'
  | 'review'
  | 'review-returned'
  | 'approval-grant'
  | 'approval-refusal-1'
  | 'approval-refusal-2'
  | 'ready-grant'
  | 'ready-refusal-1'
  | 'ready-signed'
  | 'closed-granted'
  | 'closed-refused-1'
  | 'closed-refused-2';

export type ComplaintPlan = 'open-provider' | 'open-authority' | 'answered-provider' | 'answered-authority';

export interface CasePlan {
  index: number;
  target: Target;
  ground: Ground;
  /**
   * Working days the current stage is past its due day (negative: days left). For closed cases,
   * working days since the result was delivered.
   */
  overdueBy: number;
  flaw?: DocumentFlaw;
  pupilIinProblem?: 'checksum' | 'age';
  /** The supporting document arrives as a corrupt file. */
  corruptFile?: boolean;
  /**
   * The application arrives signed, with a signature that is not over it (another document's CMS):
   * the arrival check finds it broken, the queue marks the row before the case is opened.
   */
  brokenSignature?: boolean;
  complaint?: ComplaintPlan;
}

/** About 200 cases; every stage, ground and outcome is present. */
export const DEMO_COUNTS: Readonly<Record<Target, number>> = {
  registration: 16,
  completeness: 26,
  'completeness-incomplete': 6,
  'completeness-reopened': 2,
  'school-unsent': 8,
  'school-waiting': 22,
  review: 20,
  'review-returned': 2,
  'approval-grant': 14,
  'approval-refusal-1': 3,
  'approval-refusal-2': 4,
  'ready-grant': 8,
  'ready-refusal-1': 2,
  'ready-signed': 4,
  'closed-granted': 40,
  'closed-refused-1': 12,
  'closed-refused-2': 8,
};

const GROUND_WEIGHTS: ReadonlyArray<readonly [Ground, number]> = [
  ['health', 35],
  ['marks', 30],
  ['abroad-with-parents', 20],
  ['abroad-alone', 15],
];

/** Mostly close to the due day, a third of them late. */
const OVERDUE_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [-3, 1],
  [-2, 2],
  [-1, 3],
  [0, 3],
  [1, 2],
  [2, 1],
  [3, 1],
];

const isRefusal2 = (t: Target) => t === 'approval-refusal-2' || t === 'closed-refused-2';
const isOpenReview = (t: Target) => ['completeness', 'review', 'school-waiting'].includes(t);

function refusableFlaw(random: Random, ground: Ground): DocumentFlaw {
  return random.pick(FLAWS_BY_GROUND[ground].filter((f) => REFUSABLE_FLAWS.has(f)));
}

/** One plan per case, shuffled by the seed; the targets are fixed so every queue has cases. */
export function demoPlans(
  random: Random,
  counts: Readonly<Record<Target, number>> = DEMO_COUNTS,
  firstIndex = 0,
): CasePlan[] {
  const plans: CasePlan[] = [];
  // Case and registration numbers derive from the index: slices of a large bench set start apart.
  let index = firstIndex;
  for (const [target, count] of Object.entries(counts) as Array<[Target, number]>) {
    for (let i = 0; i < count; i++) {
      // Every ground reaches every outcome: the first four of a target take the grounds in turn.
      const ground = i < 4 ? (GROUND_WEIGHTS[i]?.[0] ?? 'health') : random.weighted(GROUND_WEIGHTS);
      const plan: CasePlan = { index: index++, target, ground, overdueBy: random.weighted(OVERDUE_WEIGHTS) };
      if (target === 'registration')
        plan.overdueBy = random.weighted([
          [0, 6],
          [1, 2],
          [2, 1],
        ]);
      if (target.startsWith('closed')) plan.overdueBy = random.int(1, 45);
      if (isRefusal2(target)) plan.flaw = refusableFlaw(random, ground);
      // Open cases whose documents an officer still reviews: a quarter carry a defect to find.
      else if (isOpenReview(target) && random.chance(0.25)) plan.flaw = random.pick(FLAWS_BY_GROUND[ground]);
      plans.push(plan);
    }
  }
  markSpecialCases(plans);
  return plans;
}

/** A few fixed defects the UI must show: bad pupil IINs, corrupt files, complaints. */
function markSpecialCases(plans: CasePlan[]): void {
  const byTarget = (t: Target) => plans.filter((p) => p.target === t);
  const [r0, r1, r2, r3] = byTarget('registration');
  const [c0, c1, c2, c3] = byTarget('completeness');
  if (r0) r0.pupilIinProblem = 'checksum';
  if (c0) c0.pupilIinProblem = 'checksum';
  if (r1) r1.pupilIinProblem = 'age';
  if (c1) c1.pupilIinProblem = 'age';
  if (c2) c2.pupilIinProblem = 'age';
  if (r2) r2.corruptFile = true;
  if (r3) r3.brokenSignature = true;
  if (c3) c3.corruptFile = true;
  const review = byTarget('review')[0];
  if (review) review.corruptFile = true;

  const refused = [...byTarget('closed-refused-1'), ...byTarget('closed-refused-2')];
  const complaints: ComplaintPlan[] = [
    'open-provider',
    'open-authority',
    'answered-provider',
    'answered-authority',
    'open-provider',
    'answered-provider',
  ];
  complaints.forEach((c, i) => {
    const plan = refused[i * 2];
    if (plan) plan.complaint = c;
  });
  // A complaint about inaction on a case still waiting for the school.
  const waiting = byTarget('school-waiting').find((p) => p.overdueBy > 0);
  if (waiting) waiting.complaint = 'open-provider';
}
