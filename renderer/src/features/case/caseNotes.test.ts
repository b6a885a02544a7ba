import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEvent } from '../../../../shared/workflow';
import { makeEvent } from '../../stores/eventFactory';
import { demoCase, NOW, TODAY, translations, user } from '../../stores/fixtures';
import { caseNotes } from './caseNotes';

let tKk: TFunction;
let tRu: TFunction;
beforeAll(async () => {
  ({ kk: tKk, ru: tRu } = await translations());
});

const names = (id: string) => id;

describe('what the case says is pending', () => {
  it('names the order prepared in review and says that it is the one decision', () => {
    const review = demoCase('review', (c) => c.state.decision === undefined).state;
    const event = makeEvent(
      review,
      'order-prepared',
      { orderNumber: '245-Б', orderDate: TODAY },
      { userId: review.assignedTo!, role: 'officer' },
      new Date(NOW),
    );
    const applied = applyEvent(review, event);
    if (!applied.ok) throw new Error(applied.reason.code);
    const notes = caseNotes(tRu, applied.state, user(review.assignedTo!), names);
    expect(notes).toContainEqual(
      expect.stringContaining('Решение подготовлено: приказ № 245-Б от 24.11.2026'),
    );
    expect(notes.join(' ')).toContain('Одновременно может быть только одно решение');
  });

  it('names a refusal waiting for the head with its ground', () => {
    const { state } = demoCase('approval-refusal-2');
    const notes = caseNotes(tKk, state, user(state.assignedTo!), names);
    expect(notes).toContainEqual(expect.stringMatching(/^Басшының келісуінде: 2-негіз бойынша бас тарту № /));
  });

  it('says nothing is pending once the decision is agreed or before one is made', () => {
    for (const target of ['ready-grant', 'school-waiting'] as const) {
      const { state } = demoCase(target);
      expect(caseNotes(tRu, state, user(state.assignedTo!), names).join(' ')).not.toMatch(
        /подготовлено|согласовании/,
      );
    }
  });

  it('says the extract is to be produced before a signature can be recorded over it', () => {
    const { state } = demoCase('ready-grant');
    const notes = caseNotes(tRu, state, user(state.assignedTo!), names);
    expect(notes).toContainEqual(
      expect.stringContaining(
        'Нет документа для подписи: сначала после согласования решения подготовьте «Выписка из приказа (приложение 3)»',
      ),
    );
  });
});
