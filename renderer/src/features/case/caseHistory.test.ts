import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, type CaseEvent, type CaseState, type EventPayloads } from '../../../../shared/workflow';
import { makeEvent } from '../../stores/eventFactory';
import { demoCase, NOW, translations } from '../../stores/fixtures';
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

const options = { timeZone: 'Asia/Almaty', userName: (id: string) => id };

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
