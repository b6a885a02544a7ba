/** The case's deadlines and its history (newest first) as translated rows. */
import type { TFunction } from 'i18next';
import type { IsoDate, WorkingDayCalendar } from '../../../../shared/calendar';
import {
  caseDeadlines,
  type CaseEvent,
  type CaseState,
  type DeadlineStatus,
} from '../../../../shared/workflow';
import { formatDate, formatDateTime } from '../../i18n/format';
import type { Tone } from '../../ui/Badge';
import { daysText } from '../queue/rowView';
import { workingDaysLate } from './lateness';
import { producedDocuments, type ProducedDocument } from './producedDocuments';

export interface DeadlineRow {
  key: string;
  stage: string;
  started: string;
  due: string;
  done: string;
  state: string;
  tone: Tone;
  days: string;
  provisional: boolean;
}

const TONE: Record<DeadlineStatus, Tone> = {
  met: 'ok',
  'on-track': 'ok',
  'at-risk': 'warn',
  overdue: 'bad',
  late: 'bad',
};

export function deadlineRows(
  t: TFunction,
  state: CaseState,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): DeadlineRow[] {
  return caseDeadlines(state, calendar, today).map((d) => ({
    key: d.complaintId ? `complaint-${d.complaintId}` : d.stage,
    stage: t(`deadlineStage.${d.stage}`),
    started: formatDate(d.startedOn),
    due: formatDate(d.dueOn),
    done: d.doneOn ? formatDate(d.doneOn) : '',
    state: t(`deadlineStatus.${d.status}`),
    tone: TONE[d.status],
    days: d.doneOn ? '' : daysText(t, d.workingDaysLeft),
    provisional: d.provisional,
  }));
}

export interface HistoryRow {
  id: string;
  when: string;
  who: string;
  what: string;
  details: string;
  /** A document the desk produced: it can be opened and re-sent from the history. */
  document?: ProducedDocument;
}

function kinds(t: TFunction, list: readonly string[]): string {
  return list.map((k) => t(`documentKind.${k}`)).join(', ');
}

/** What the event says, in a line; texts typed by officers are quoted as they were typed. */
export function eventDetails(
  t: TFunction,
  event: CaseEvent,
  state: CaseState,
  options: { userName: (id: string) => string; calendar: WorkingDayCalendar },
): string {
  const { userName } = options;
  const d = (key: string, params: Record<string, string | number>) => t(`history.detail.${key}`, params);
  switch (event.type) {
    case 'received':
      return d('received', { number: event.payload.application.caseNumber });
    case 'registered': {
      const registered = d('registered', {
        number: event.payload.registrationNumber,
        date: formatDate(event.payload.registeredOn),
      });
      const late = workingDaysLate(event.payload.dueOn, event.payload.registeredOn, options.calendar);
      return late === 0
        ? registered
        : `${registered} — ${t('record.registration.wasLate', { dueOn: formatDate(event.payload.dueOn), count: late })}`;
    }
    case 'assigned':
      return event.payload.officerId === null
        ? d('released', {})
        : d('assigned', { name: userName(event.payload.officerId) });
    case 'document-reviewed': {
      const att = state.application.attachments.find((a) => a.id === event.payload.attachmentId);
      const doc = att ? `${t(`documentKind.${att.kind}`)} (${att.fileName})` : event.payload.attachmentId;
      const verdict = t(`documents.verdict.${event.payload.verdict}`);
      // What the automated check showed when the officer decided, where it did not pass.
      const { status } = event.payload.check;
      const against =
        status === 'fail' || status === 'judgement' || status === 'unreadable'
          ? t(`record.history.against.${status}`)
          : '';
      return [d('reviewed', { document: doc, verdict }), against, event.payload.comment]
        .filter(Boolean)
        .join(' — ');
    }
    case 'completeness-checked':
      return event.payload.complete
        ? d('complete', {})
        : [d('incomplete', { documents: kinds(t, event.payload.missing) }), event.payload.comment]
            .filter(Boolean)
            .join(' — ');
    case 'refused':
      return d('refused', {
        ground: event.payload.ground,
        documents: kinds(t, event.payload.documents),
        number: event.payload.decisionNumber,
        date: formatDate(event.payload.decisionDate),
        reasons: event.payload.reasons,
      });
    case 'school-request-sent':
      return d('schoolRequest', {
        number: event.payload.outgoingNumber,
        date: formatDate(event.payload.sentOn),
      });
    case 'school-answer-recorded':
      return d(event.payload.confirmed ? 'schoolConfirmed' : 'schoolNotConfirmed', {
        date: formatDate(event.payload.answeredOn),
        summary: event.payload.summary,
      });
    case 'order-prepared':
      return d('order', { number: event.payload.orderNumber, date: formatDate(event.payload.orderDate) });
    case 'sent-for-approval':
      return '';
    case 'approved':
      return event.payload.comment ?? '';
    case 'returned':
      return event.payload.comment;
    case 'signed':
      return d('signed', { signer: event.payload.signerName, serial: event.payload.certificateSerial });
    case 'cosigned':
      return d('cosigned', { signer: event.payload.signerName, serial: event.payload.certificateSerial });
    case 'result-delivered':
      return d('delivered', { channel: t(`actions.channel.${event.payload.channel}`) });
    case 'document-produced':
      return d('produced', {
        form: t(`forms.name.${event.payload.form}`),
        language: t(`forms.language.${event.payload.language}`),
        version: event.payload.templateVersion,
      });
    case 'complaint-registered':
      return d('complaint', {
        addressee: t(`actions.addressee.${event.payload.addressee}`),
        summary: event.payload.summary,
      });
    case 'complaint-answered':
      return d('complaintAnswer', {
        outcome: t(`actions.outcome.${event.payload.outcome}`),
        summary: event.payload.summary,
      });
  }
}

export function historyRows(
  t: TFunction,
  events: readonly CaseEvent[],
  state: CaseState,
  options: { timeZone: string; userName: (id: string) => string; calendar: WorkingDayCalendar },
): HistoryRow[] {
  const documents = new Map(
    producedDocuments(events, state.application.caseNumber).map((d) => [d.eventId, d]),
  );
  return [...events].reverse().map((e) => {
    const document = documents.get(e.id);
    return {
      id: e.id,
      when: formatDateTime(e.at, options.timeZone),
      who:
        e.actor.role === 'officer' || e.actor.role === 'head'
          ? options.userName(e.actor.userId)
          : t(`role.${e.actor.role}`),
      what: t(`eventType.${e.type}`),
      details: eventDetails(t, e, state, options),
      ...(document ? { document } : {}),
    };
  });
}
