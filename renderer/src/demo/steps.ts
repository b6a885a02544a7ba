/** The steps each demo target takes through the service, with their gaps in working days. */
import type { ComplaintPlan, Target } from './plan';
import type { Random } from './random';

export type StepKind =
  | 'register'
  | 'assign'
  | 'confirm-documents'
  | 'reject-document'
  | 'check-complete'
  | 'check-incomplete'
  | 'refuse-1'
  | 'refuse-2'
  | 'request-school'
  | 'school-answer'
  | 'prepare-order'
  | 'send-approval'
  | 'approve'
  | 'return'
  | 'sign'
  | 'deliver'
  | 'complaint'
  | 'answer-complaint';

export interface Step {
  kind: StepKind;
  /** Working days after the previous step (the first: after the registration day). */
  gap: number;
}

/**
 * Where the current deadline starts and how long it is, so the due day can be placed around today:
 * `anchor` is the step that starts it, `term` its working days (SERVICE.md's process table).
 */
export interface StepPlan {
  steps: Step[];
  anchor: StepKind;
  term: number;
  /** Closed cases: the anchor is the last step and the plan's days count from it. */
  closed: boolean;
}

const s = (kind: StepKind, gap = 0): Step => ({ kind, gap });

export function stepsFor(target: Target, random: Random, complaint?: ComplaintPlan): StepPlan {
  const base = [s('register'), s('assign')];
  const incomplete = [...base, s('confirm-documents', random.int(0, 1)), s('check-incomplete')];
  const complete = [...base, s('confirm-documents', random.int(0, 1)), s('check-complete', random.int(0, 1))];
  const requested = [...complete, s('request-school', random.int(0, 1))];
  // Usually within the 6 days; now and then the school is late.
  const answered = [
    ...requested,
    s(
      'school-answer',
      random.weighted([
        [1, 2],
        [2, 3],
        [3, 3],
        [4, 2],
        [5, 1],
        [7, 1],
      ]),
    ),
  ];
  const granted = [...answered, s('prepare-order', random.int(0, 1)), s('send-approval')];
  const refused2 = [...answered, s('reject-document', random.int(0, 1)), s('refuse-2'), s('send-approval')];
  const refused1 = [...incomplete, s('refuse-1'), s('send-approval')];
  const approve = () => s('approve', random.int(0, 1));
  const close = [s('sign'), s('deliver')];

  const open = (steps: Step[], anchor: StepKind, term: number): StepPlan => ({
    steps,
    anchor,
    term,
    closed: false,
  });
  const plan = (() => {
    switch (target) {
      case 'registration':
        return open([], 'register', 0);
      case 'completeness':
        return open(base, 'register', 2);
      case 'completeness-incomplete':
        return open(incomplete, 'register', 2);
      case 'completeness-reopened':
        return open([...refused1, s('return', random.int(0, 1))], 'register', 2);
      case 'school-unsent':
        return open(complete, 'check-complete', 6);
      case 'school-waiting':
        return open(requested, 'check-complete', 6);
      case 'review':
        return open(answered, 'school-answer', 2);
      case 'review-returned':
        return open([...granted, s('return', random.int(0, 1))], 'school-answer', 2);
      case 'approval-grant':
        return open(granted, 'school-answer', 2);
      case 'approval-refusal-1':
        return open(refused1, 'register', 2);
      case 'approval-refusal-2':
        return open(refused2, 'school-answer', 2);
      case 'ready-grant':
        return open([...granted, approve()], 'register', 10);
      case 'ready-refusal-1':
        return open([...refused1, approve()], 'register', 2);
      case 'ready-signed':
        return open([...granted, approve(), s('sign')], 'register', 10);
      case 'closed-granted':
        return {
          steps: [...granted, approve(), ...close],
          anchor: 'deliver',
          term: 0,
          closed: true,
        } as StepPlan;
      case 'closed-refused-1':
        return {
          steps: [...refused1, approve(), ...close],
          anchor: 'deliver',
          term: 0,
          closed: true,
        } as StepPlan;
      case 'closed-refused-2':
        return {
          steps: [...refused2, approve(), ...close],
          anchor: 'deliver',
          term: 0,
          closed: true,
        } as StepPlan;
    }
  })();
  if (!complaint) return plan;

  const term = complaint.endsWith('provider') ? 5 : 15;
  if (complaint.startsWith('open')) {
    // The complaint's own deadline is the one to place around today.
    return {
      steps: [...plan.steps, s('complaint', random.int(1, 3))],
      anchor: 'complaint',
      term,
      closed: false,
    };
  }
  const answered2 = [
    ...plan.steps,
    s('complaint', random.int(1, 6)),
    s('answer-complaint', random.int(2, term - 1)),
  ];
  return { ...plan, steps: answered2, anchor: 'answer-complaint' };
}
