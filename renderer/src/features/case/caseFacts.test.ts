import type { TFunction } from 'i18next';
import { kazakhstanCalendar } from '../../../../shared/calendar';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleApplication } from '../../../../shared/workflow/testing/scenario';
import type { CaseState } from '../../../../shared/workflow';
import { demoCase, translations } from '../../stores/fixtures';
import { caseFacts } from './caseFacts';

let tKk: TFunction;
let tRu: TFunction;
beforeAll(async () => {
  ({ kk: tKk, ru: tRu } = await translations());
});

function legalBasisRow(t: TFunction, state: CaseState, level?: 'district' | 'republican-city') {
  const sections = caseFacts(t, state, {
    language: 'kk',
    timeZone: 'Asia/Almaty',
    today: '2026-12-16',
    calendar: kazakhstanCalendar,
    ...(level ? { akimatLevel: level } : {}),
  });
  return sections.find((s) => s.id === 'application')?.rows.at(-1);
}

describe('the legal basis the application cites', () => {
  const citing = (basis: CaseState['application']['legalBasis']): CaseState => {
    const { state } = demoCase('review');
    return { ...state, application: { ...state.application, ...sampleApplication(), legalBasis: basis } };
  };

  it('is flagged for the officer, in both languages, when it is not the competence of the akimat’s level', () => {
    const state = citing('art6-p2-sp24-4');
    const kk = legalBasisRow(tKk, state, 'district');
    expect(kk?.value).toBe(tKk('legalBasis.art6-p2-sp24-4'));
    expect(kk?.warnings).toEqual([
      tKk('caseScreen.flag.legalBasisMismatch', { expected: tKk('legalBasis.art6-p4-sp21-3') }),
    ]);
    expect(kk?.warnings?.[0]).toContain('21-3)');
    const ru = legalBasisRow(tRu, state, 'republican-city');
    expect(ru?.warnings?.[0]).toContain('25-7)');
    expect(ru?.warnings?.[0]).toMatch(/^Заявление ссылается/);
  });

  it('is not flagged when it is the level’s own, or when the level is not known yet', () => {
    expect(legalBasisRow(tKk, citing('art6-p4-sp21-3'), 'district')?.warnings).toBeUndefined();
    expect(legalBasisRow(tKk, citing('art6-p2-sp24-4'))?.warnings).toBeUndefined();
  });
});
