import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../../../shared/calendar';
import {
  applyEvent,
  registrationPayload,
  type CaseEvent,
  type CaseState,
  type EventPayloads,
} from '../../../../shared/workflow';
import { makeEvent } from '../../stores/eventFactory';
import { demoCase, NOW, translations } from '../../stores/fixtures';
import { caseFacts } from './caseFacts';
import { historyRows } from './caseHistory';

let tKk: TFunction;
let tRu: TFunction;
beforeAll(async () => {
  ({ kk: tKk, ru: tRu } = await translations());
});

const SHA = 'ab'.repeat(32);

/** The case after a document was produced, with the events as the history receives them. */
function produced(payload: EventPayloads['document-produced']): { state: CaseState; events: CaseEvent[] } {
  const { state, events } = demoCase('review');
  const event = makeEvent(
    state,
    'document-produced',
    payload,
    { userId: state.assignedTo ?? 'officer-1', role: 'officer' },
    new Date(NOW),
  );
  const applied = applyEvent(state, event);
  if (!applied.ok) throw new Error(`not applied: ${applied.reason.code}`);
  return { state: applied.state, events: [...events, event] };
}

const options = { timeZone: 'Asia/Almaty', userName: (id: string) => id, calendar: kazakhstanCalendar };

describe('a produced document in the case history', () => {
  it('names the form, its language and the template version in Kazakh', () => {
    const { state, events } = produced({
      form: 'appendix-2',
      language: 'ru',
      sha256: SHA,
      templateId: 'appendix-2.ru',
      templateVersion: '1.2.0',
    });
    const row = historyRows(tKk, events, state, options)[0]!;
    expect(row.what).toBe(tKk('eventType.document-produced'));
    expect(row.details).toBe(
      'Өтінішті қараудан бас тарту туралы хабарлама (2-қосымша) — орыс тілінде, үлгінің 1.2.0 нұсқасы',
    );
  });

  it('says the same in Russian, never the raw form id', () => {
    const { state, events } = produced({
      form: 'school-request',
      language: 'kk',
      sha256: SHA,
      templateId: 'school-request.kk',
      templateVersion: '2.0.1',
    });
    const details = historyRows(tRu, events, state, options)[0]!.details;
    expect(details).toBe('Запрос в школу — на казахском, шаблон версии 2.0.1');
    expect(details).not.toContain('school-request');
  });
});

describe('a late registration', () => {
  /** The registration demo case received on Friday 27.11.2026, registered on Wednesday 02.12. */
  function lateRegistration(): { state: CaseState; events: CaseEvent[] } {
    const { state, events } = demoCase('registration');
    const received = {
      ...state,
      application: { ...state.application, receivedAt: '2026-11-27T10:00:00+05:00' },
    };
    const payload = registrationPayload(
      received,
      kazakhstanCalendar,
      '2026-12-02T09:30:00.000+05:00',
      '01-07/31',
    );
    const event = makeEvent(
      received,
      'registered',
      payload,
      { userId: 'officer-1', role: 'officer' },
      new Date('2026-12-02T04:30:00Z'),
    );
    const applied = applyEvent(received, event);
    if (!applied.ok) throw new Error(`not applied: ${applied.reason.code}`);
    return { state: applied.state, events: [...events, event] };
  }

  it('is listed in the history as late, with the law’s day and by how many working days', () => {
    const { state, events } = lateRegistration();
    expect(historyRows(tRu, events, state, options)[0]!.details).toBe(
      'Рег. номер 01-07/31 от 02.12.2026 — Зарегистрировано с опозданием: по закону 27.11.2026, позже на 3 рабочих дня',
    );
  });

  /** The case page's "registered" row, read in Kazakh on `today`. */
  function registeredFact(state: CaseState, today: string) {
    const facts = caseFacts(tKk, state, {
      language: 'kk',
      timeZone: 'Asia/Almaty',
      today,
      calendar: kazakhstanCalendar,
    });
    return facts
      .find((s) => s.id === 'application')!
      .rows.find((r) => r.label === tKk('caseScreen.registered'))!;
  }

  it('is flagged on the case page', () => {
    const row = registeredFact(lateRegistration().state, '2026-12-02');
    expect(row.value).toBe('№ 01-07/31, 02.12.2026');
    expect(row.warnings).toEqual(['Кешігіп тіркелді: заң бойынша 27.11.2026, 3 жұмыс күнге кешікті']);
  });

  it('is not flagged when on time', () => {
    expect(registeredFact(demoCase('completeness').state, '2026-11-24').warnings).toBeUndefined();
  });
});

describe('a review in the history', () => {
  it('says the document was confirmed against a failed check, with the reason', () => {
    const { state, events } = demoCase('completeness');
    const doc = state.application.attachments.find((a) => a.kind !== 'application')!;
    const event = makeEvent(
      state,
      'document-reviewed',
      {
        attachmentId: doc.id,
        verdict: 'confirmed',
        comment: 'Түпнұсқасы көрсетілді',
        check: { status: 'fail', codes: ['medical.expired'] },
      },
      { userId: state.assignedTo ?? 'officer-1', role: 'officer' },
      new Date(NOW),
    );
    const applied = applyEvent(state, event);
    if (!applied.ok) throw new Error(applied.reason.code);
    const details = historyRows(tRu, [...events, event], applied.state, options)[0]!.details;
    expect(details).toContain(' — не прошёл автоматическую проверку — Түпнұсқасы көрсетілді');
  });
});
