/**
 * One demo case as a real sequence of events, each accepted by the reducer (never a hand-made
 * projection). Days are placed backwards from today so the current deadline falls near it.
 */
import { addDays } from '../../../shared/calendar/dates';
import type { IsoDate, WorkingDayCalendar } from '../../../shared/calendar/types';
import { requiredDocuments } from '../../../shared/documents';
import {
  applyEvent,
  type Actor,
  type Application,
  type AttachmentRef,
  type CaseEvent,
  type CaseState,
  type EventPayloads,
  type EventType,
  type LegalBasis,
} from '../../../shared/workflow';
import { REFUSAL_REASONS, supportingData } from './documents';
import type { DemoFileMeta, DemoFileName } from './files/manifest';
import { makeFamily } from './people';
import type { CasePlan } from './plan';
import type { Random } from './random';
import { className, DEMO_SCHOOLS } from './schools';
import { stepsFor, type Step, type StepKind } from './steps';
import { CaseClock, timestamp, workingDaysBefore } from './timeline';

export interface DemoContext {
  today: IsoDate;
  calendar: WorkingDayCalendar;
  /** User ids of the officers who take cases (at least one). */
  officers: readonly string[];
  head: { id: string; name: string };
  legalBasis: LegalBasis;
  files: Readonly<Record<DemoFileName, DemoFileMeta>>;
}

export interface BuiltCase {
  events: CaseEvent[];
  state: CaseState;
}

const PORTAL: Actor = { userId: 'egov', role: 'portal' };

const SUPPORTING_FILE = {
  health: 'medical-035-1.pdf',
  marks: 'progress-record.pdf',
  'abroad-with-parents': 'residence-abroad.pdf',
  'abroad-alone': 'study-abroad.png',
} as const satisfies Record<Application['ground'], DemoFileName>;

function hex(random: Random, length: number): string {
  return Array.from({ length }, () => random.int(0, 15).toString(16)).join('');
}

/** Days of each step: the anchor's day puts the deadline `overdueBy` working days before today. */
function placeSteps(
  steps: readonly Step[],
  anchorIndex: number,
  anchorDay: IsoDate,
  ctx: DemoContext,
): IsoDate[] {
  const days: IsoDate[] = new Array<IsoDate>(steps.length);
  days[anchorIndex] = anchorDay;
  for (let i = anchorIndex + 1; i < steps.length; i++) {
    const next = ctx.calendar.addWorkingDays(days[i - 1] as IsoDate, steps[i]?.gap ?? 0);
    // Nothing happens after today: a step that would is squeezed onto today.
    days[i] = next > ctx.today ? ctx.today : next;
  }
  for (let i = anchorIndex - 1; i >= 0; i--) {
    days[i] = workingDaysBefore(ctx.calendar, days[i + 1] as IsoDate, steps[i + 1]?.gap ?? 0);
  }
  return days;
}

/** An arrival instant that the office registers on `day` (the day itself, or the evening before). */
function arrivalFor(
  random: Random,
  day: IsoDate,
  ctx: DemoContext,
  sameDayOnly: boolean,
): { at: string; minutes: number; day: IsoDate } {
  if (day === ctx.today) {
    // Nothing has arrived later today yet: today's applications came in overnight.
    const early = random.int(6 * 60, 8 * 60 + 50);
    const at = timestamp(day, early);
    if (ctx.calendar.registrationDay(at) === day) return { at, minutes: early, day };
  }
  if (!sameDayOnly && random.chance(0.35)) {
    const evening = addDays(day, -1);
    const minutes = random.int(19 * 60, 23 * 60 + 30);
    const at = timestamp(evening, minutes);
    if (ctx.calendar.registrationDay(at) === day) return { at, minutes, day: evening };
  }
  const minutes = random.int(9 * 60, 17 * 60);
  return { at: timestamp(day, minutes), minutes, day };
}

export function buildCase(random: Random, plan: CasePlan, ctx: DemoContext): BuiltCase {
  const caseId = random.uuid();
  const officer = ctx.officers[plan.index % ctx.officers.length] ?? ctx.head.id;
  const grade = random.int(5, 11);
  const familyGrade = plan.pupilIinProblem === 'age' ? random.pick([2, 14]) : grade;
  const family = makeFamily(random, familyGrade, ctx.today, plan.index * 3);
  const school = random.pick(DEMO_SCHOOLS);

  const { steps, anchor, term, closed } = stepsFor(plan.target, random, plan.complaint);
  const overdue = anchor === 'complaint' ? random.int(-3, 2) : plan.overdueBy;
  const anchorDay = workingDaysBefore(
    ctx.calendar,
    ctx.today,
    closed ? overdue : Math.max(0, term + overdue),
  );
  const anchorIndex = steps.findIndex((st) => st.kind === anchor);
  const days = anchorIndex >= 0 ? placeSteps(steps, anchorIndex, anchorDay, ctx) : [];
  const registrationDay = days[0] ?? anchorDay;

  // Before registration the office has not touched it: it may have arrived at night (due today).
  const arrival = arrivalFor(
    random,
    registrationDay,
    ctx,
    plan.target === 'registration' && plan.overdueBy > 0,
  );
  const clock = new CaseClock(random);
  clock.startAfter(arrival.day, arrival.minutes);

  const supportingKind = requiredDocuments(plan.ground)[1] ?? 'application';
  const groundOne = steps.some((st) => st.kind === 'check-incomplete');
  const period = {
    from: addDays(registrationDay, 14),
    to: `${Number(ctx.today.slice(0, 4)) + (Number(ctx.today.slice(5, 7)) >= 9 ? 1 : 0)}-05-25`,
  };
  const fileRef = (
    id: string,
    kind: AttachmentRef['kind'],
    name: DemoFileName,
    data?: unknown,
  ): AttachmentRef => {
    const meta = ctx.files[name];
    return {
      id,
      kind,
      fileName: name,
      mimeType: meta.mimeType,
      size: meta.size,
      sha256: meta.sha256,
      ...(data === undefined ? {} : { data }),
    };
  };
  const attachments: AttachmentRef[] = [fileRef(`${caseId}-app`, 'application', 'application.pdf')];
  if (!groundOne) {
    const data = supportingData(
      random,
      plan.ground,
      family,
      grade,
      ctx.today,
      school.name,
      period,
      plan.flaw,
    );
    attachments.push(
      fileRef(
        `${caseId}-doc`,
        supportingKind,
        plan.corruptFile ? 'corrupt.pdf' : SUPPORTING_FILE[plan.ground],
        data,
      ),
    );
  }

  let pupilIin = family.pupil.iin;
  if (plan.pupilIinProblem === 'checksum') {
    pupilIin = pupilIin.slice(0, 11) + String((Number(pupilIin[11]) + 1) % 10);
  }
  const application: Application = {
    caseNumber: `KZ-${arrival.day.slice(0, 4)}-${String(10_000 + plan.index * 7 + random.int(0, 6)).padStart(6, '0')}`,
    receivedAt: arrival.at,
    applicant: {
      ...family.applicant,
      phone: `+7 70${random.int(0, 8)} ${random.int(100, 999)} ${String(random.int(0, 9999)).padStart(4, '0')}`,
      address: `${school.address.split(',')[0] ?? ''}, ${random.int(1, 120)}-үй`,
    },
    pupil: { ...family.pupil, iin: pupilIin },
    ground: plan.ground,
    school: { name: school.name, bin: school.bin, address: school.address },
    className: className(random, school, grade),
    studyPeriod: period,
    legalBasis: ctx.legalBasis,
    attachments,
  };

  const events: CaseEvent[] = [];
  let state: CaseState | undefined;
  const emit = <T extends EventType>(type: T, payload: EventPayloads[T], actor: Actor, at: string) => {
    const event = {
      id: random.uuid(),
      caseId,
      baseVersion: state?.version ?? 0,
      actor,
      at,
      type,
      payload,
    } as CaseEvent;
    const result = applyEvent(state, event, { timeZone: ctx.calendar.officeHours.timeZone });
    // A demo that the reducer refuses is a bug of this generator, never something to hide.
    if (!result.ok)
      throw new Error(`demo case ${plan.index} (${plan.target}): ${type} refused: ${result.reason.code}`);
    state = result.state;
    events.push(event);
  };

  emit('received', { application }, PORTAL, arrival.at);
  const seq = 300 + plan.index;
  const me: Actor = { userId: officer, role: 'officer' };
  const head: Actor = { userId: ctx.head.id, role: 'head' };
  const complaintId = `${caseId}-c1`;
  const complaintTo = plan.complaint?.endsWith('authority') ? 'quality-authority' : 'provider';

  steps.forEach((st, i) => {
    const day = days[i] as IsoDate;
    const at = clock.at(day);
    const take: Record<StepKind, () => void> = {
      register: () => emit('registered', { registrationNumber: `01-07/${seq}`, registeredOn: day }, me, at),
      assign: () => emit('assigned', { officerId: officer }, head, at),
      'confirm-documents': () => {
        // Defective documents are left for the officer to judge on screen.
        for (const a of attachments) {
          if (a.kind === 'application' || !plan.flaw)
            emit('document-reviewed', { attachmentId: a.id, verdict: 'confirmed' }, me, clock.at(day));
        }
      },
      'reject-document': () =>
        emit(
          'document-reviewed',
          {
            attachmentId: `${caseId}-doc`,
            verdict: 'rejected',
            comment: plan.flaw ? REFUSAL_REASONS[plan.flaw] : 'Құжат жарамсыз',
          },
          me,
          at,
        ),
      'check-complete': () => emit('completeness-checked', { complete: true }, me, at),
      'check-incomplete': () =>
        emit(
          'completeness-checked',
          { complete: false, missing: [supportingKind], comment: 'Негізді растайтын құжат тіркелмеген' },
          me,
          at,
        ),
      'refuse-1': () =>
        emit(
          'refused',
          {
            ground: 1,
            documents: [supportingKind],
            reasons: 'Құжаттардың толық топтамасы ұсынылмаған',
            decisionNumber: `${seq}-Б`,
            decisionDate: day,
          },
          me,
          at,
        ),
      'refuse-2': () =>
        emit(
          'refused',
          {
            ground: 2,
            documents: [supportingKind],
            reasons: plan.flaw ? REFUSAL_REASONS[plan.flaw] : 'Құжат жарамсыз',
            decisionNumber: `${seq}-Б`,
            decisionDate: day,
          },
          me,
          at,
        ),
      'request-school': () =>
        emit(
          'school-request-sent',
          { outgoingNumber: `01-15/${seq}`, sentOn: day, schoolContact: school.name },
          me,
          at,
        ),
      'school-answer': () =>
        emit(
          'school-answer-recorded',
          {
            answeredOn: day,
            confirmed: true,
            summary: `Оқушы ${application.className} сыныбында оқиды`,
            incomingNumber: `${seq}-К`,
          },
          me,
          at,
        ),
      'prepare-order': () => emit('order-prepared', { orderNumber: `${seq}-Ө`, orderDate: day }, me, at),
      'send-approval': () => emit('sent-for-approval', {}, me, at),
      approve: () => emit('approved', {}, head, at),
      return: () => emit('returned', { comment: 'Құжаттарды қайта тексеріңіз' }, head, at),
      sign: () =>
        emit(
          'signed',
          { documentSha256: hex(random, 64), certificateSerial: hex(random, 16), signerName: ctx.head.name },
          head,
          at,
        ),
      deliver: () => emit('result-delivered', { deliveredAt: at, channel: 'portal' }, me, at),
      complaint: () =>
        emit(
          'complaint-registered',
          {
            complaintId,
            addressee: complaintTo,
            registeredOn: day,
            summary: 'Өтініш беруші шешіммен келіспейді',
          },
          me,
          at,
        ),
      'answer-complaint': () =>
        emit(
          'complaint-answered',
          {
            complaintId,
            answeredOn: day,
            outcome: random.pick(['rejected', 'rejected', 'partly', 'upheld'] as const),
            summary: 'Шағым қаралды, жауап жіберілді',
          },
          complaintTo === 'provider' ? head : me,
          at,
        ),
    };
    take[st.kind]();
  });

  if (!state) throw new Error('demo case without events');
  return { events, state };
}
