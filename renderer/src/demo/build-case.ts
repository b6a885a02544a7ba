/**
 * One demo case as a real sequence of events, each accepted by the reducer (never a hand-made
 * projection). Days are placed backwards from today so the current deadline falls near it.
 */
import { utcOffsetIn } from '../../../shared/calendar/instant';
import type { IsoDate, WorkingDayCalendar } from '../../../shared/calendar/types';
import {
  applyEvent,
  checkAttachment,
  confirmationNeedsReason,
  EVENT_SCHEMA_VERSION,
  registrationPayload,
  resultFormOf,
  reviewCheckOf,
  type Actor,
  type CaseEvent,
  type CaseState,
  type EventPayloads,
  type EventType,
  type LegalBasis,
} from '../../../shared/workflow';
import { makeApplication } from './application';
import { REFUSAL_REASONS } from './documents';
import type { DemoFileMeta, DemoFileName, DemoSignedResult } from './files/manifest';
import { DEMO_RESULT_LANGUAGE, DEMO_RESULTS, type DemoResultForm } from './files/result-names';
import type { CasePlan } from './plan';
import type { Random } from './random';
import { stepsFor, type StepKind } from './steps';
import { arrivalFor, CaseClock, placeSteps, workingDaysBefore } from './timeline';

export interface DemoContext {
  today: IsoDate;
  calendar: WorkingDayCalendar;
  /** User ids of the officers who take cases (at least one). */
  officers: readonly string[];
  head: { id: string; name: string };
  legalBasis: LegalBasis;
  files: Readonly<Record<DemoFileName, DemoFileMeta>>;
  /** The demo's signed result of each form (files/manifest.ts DEMO_SIGNED). */
  signed: Readonly<Record<DemoResultForm, DemoSignedResult>>;
}

export interface BuiltCase {
  events: CaseEvent[];
  state: CaseState;
}

const PORTAL: Actor = { userId: 'egov', role: 'portal' };

export function buildCase(random: Random, plan: CasePlan, ctx: DemoContext): BuiltCase {
  const caseId = random.uuid();
  const officer = ctx.officers[plan.index % ctx.officers.length] ?? ctx.head.id;

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

  const withoutSupporting = steps.some((st) => st.kind === 'check-incomplete');
  const { application, supportingKind, schoolName } = makeApplication(random, plan, ctx, {
    caseId,
    arrival,
    registrationDay,
    withoutSupporting,
  });
  const attachments = application.attachments;

  const events: CaseEvent[] = [];
  let state: CaseState | undefined;
  const emit = <T extends EventType>(type: T, payload: EventPayloads[T], actor: Actor, at: string) => {
    const event = {
      id: random.uuid(),
      caseId,
      baseVersion: state?.version ?? 0,
      schemaVersion: EVENT_SCHEMA_VERSION,
      actor,
      at,
      // The demo plays the portal's part too: its events are marked as the portal's.
      origin: { kind: actor.role === 'portal' ? 'portal' : 'desk' },
      type,
      payload,
    } as CaseEvent;
    const result = applyEvent(state, event);
    // A demo that the reducer refuses is a bug of this generator, never something to hide.
    if (!result.ok)
      throw new Error(`demo case ${plan.index} (${plan.target}): ${type} refused: ${result.reason.code}`);
    state = result.state;
    events.push(event);
  };

  // The central system stamps the office's offset at receipt; the demo does the same.
  const { timeZone } = ctx.calendar.officeHours;
  const office = { timeZone, utcOffsetMinutes: utcOffsetIn(arrival.at, timeZone) };
  emit('received', { application, office }, PORTAL, arrival.at);
  const current = (): CaseState => {
    if (!state) throw new Error('demo case without events');
    return state;
  };
  const checkOf = (a: (typeof attachments)[number], day: IsoDate) => checkAttachment(application, a, day);
  const supporting = () => {
    const found = attachments.find((a) => a.id === `${caseId}-doc`);
    if (!found) throw new Error(`demo case ${plan.index}: no supporting document to reject`);
    return found;
  };
  const seq = 300 + plan.index;
  const me: Actor = { userId: officer, role: 'officer' };
  const head: Actor = { userId: ctx.head.id, role: 'head' };
  const complaintId = `${caseId}-c1`;
  const complaintTo = plan.complaint?.endsWith('authority') ? 'quality-authority' : 'provider';

  /** The result form of the case's decision: the demo's one document of that form. */
  const resultForm = (): DemoResultForm => {
    const decision = current().decision;
    if (!decision) throw new Error(`demo case ${plan.index}: a result without a decision`);
    const form = resultFormOf(decision);
    if (!(form in DEMO_RESULTS)) throw new Error(`demo case ${plan.index}: no demo file for ${form}`);
    return form as DemoResultForm;
  };
  // The result is produced from its template, as the desk produces it (forms/produce.ts): the
  // demo's document of that form, stored with the demo files.
  const produce = (actor: Actor, at: string): DemoResultForm => {
    const form = resultForm();
    const { templateId, templateVersion } = ctx.signed[form];
    emit(
      'document-produced',
      {
        form,
        language: DEMO_RESULT_LANGUAGE,
        sha256: ctx.files[DEMO_RESULTS[form].document].sha256,
        templateId,
        templateVersion,
      },
      actor,
      at,
    );
    return form;
  };

  steps.forEach((st, i) => {
    const day = days[i] as IsoDate;
    const at = clock.at(day);
    const take: Record<StepKind, () => void> = {
      register: () =>
        emit('registered', registrationPayload(current(), ctx.calendar, at, `01-07/${seq}`), me, at),
      assign: () => emit('assigned', { officerId: officer }, head, at),
      'confirm-documents': () => {
        // Defective documents are left for the officer to judge on screen.
        for (const a of attachments) {
          if (a.kind === 'application' || !plan.flaw) {
            const check = reviewCheckOf(checkOf(a, day));
            // A confirmation against a doubtful check says why, as the officer must.
            const reason = confirmationNeedsReason(check) ? { comment: 'Түпнұсқасымен салыстырылды' } : {};
            emit(
              'document-reviewed',
              { attachmentId: a.id, verdict: 'confirmed', check, ...reason },
              me,
              clock.at(day),
            );
          }
        }
      },
      'reject-document': () =>
        emit(
          'document-reviewed',
          {
            attachmentId: `${caseId}-doc`,
            verdict: 'rejected',
            comment: plan.flaw ? REFUSAL_REASONS[plan.flaw] : 'Құжат жарамсыз',
            check: reviewCheckOf(checkOf(supporting(), day)),
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
          { outgoingNumber: `01-15/${seq}`, sentOn: day, schoolContact: schoolName },
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
      'send-approval': () => {
        // The officer sends the head what is to be approved: the decision and its document.
        produce(me, at);
        emit('sent-for-approval', {}, me, clock.at(day));
      },
      approve: () => emit('approved', {}, head, at),
      return: () => emit('returned', { comment: 'Құжаттарды қайта тексеріңіз' }, head, at),
      sign: () => {
        // Only a document produced after the approval may be signed (shared/workflow/signing.ts):
        // the head produces it again — the same bytes, the same template and values — and signs
        // it. The signature is the demo's real one over that document (see files/write-files.mjs):
        // the stamped PDF and its detached CMS, with what the desk's signing records about them.
        const form = produce(head, at);
        const { payload } = ctx.signed[form];
        emit('signed', payload, head, clock.at(day));
      },
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
