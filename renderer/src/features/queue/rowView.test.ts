import { describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../../../shared/calendar';
import i18n from '../../i18n';
import { prepareRows, type QueueSourceRow } from './queueModel';
import { rowView } from './rowView';

const TODAY = '2026-11-24'; // a Tuesday

const base: QueueSourceRow = {
  caseId: 'c1',
  caseNumber: 'KZ-2026-00001',
  stage: 'closed',
  outcome: 'refused',
  ground: 'health',
  applicant: { iin: '850101400123', lastName: 'Ахметова', firstName: 'Гүлнар' },
  pupil: { iin: '130505500111', lastName: 'Ахметов', firstName: 'Ерлан' },
  schoolName: 'Школа №1',
  className: '7 «А»',
  assignedTo: null,
  receivedAt: '2026-11-02T10:00:00+05:00',
  dueOn: null,
  termDueOn: '2026-11-16',
  openComplaints: 2,
  complaintDueOn: '2026-11-23',
};

function chips(language: 'kk' | 'ru', row: QueueSourceRow) {
  const [prepared] = prepareRows([row], kazakhstanCalendar, TODAY);
  return rowView(i18n.getFixedT(language), prepared!, (id) => id).complaints;
}

describe('rowView: complaints', () => {
  const two: QueueSourceRow = {
    ...base,
    complaints: [
      { addressee: 'provider', dueOn: '2026-11-23' },
      { addressee: 'quality-authority', dueOn: '2026-12-08' },
    ],
  };

  it('gives each open complaint its own chip: to whom, due when, the overdue one red', () => {
    const ru = chips('ru', two);
    expect(ru.map((c) => [c.short, c.tone])).toEqual([
      ['В акимат · 23.11.2026', 'bad'],
      ['В орган качества · 08.12.2026', 'ok'],
    ]);
    expect(ru[0]!.full).toBe('Жалоба руководителю услугодателя (в акимат): ответ до 23.11.2026, Просрочено');
    expect(ru[1]!.full).toContain('в уполномоченный орган по оценке и контролю');
    const kk = chips('kk', two);
    expect(kk.map((c) => c.short)).toEqual(['Әкімдікке · 23.11.2026', 'Сапа органына · 08.12.2026']);
    expect(kk[0]!.full).toContain('Мерзімі өтті');
  });

  it('tells apart two complaints to the same body by their due days, a due-soon one amber', () => {
    const same = chips('kk', {
      ...two,
      complaints: [
        { addressee: 'provider', dueOn: '2026-11-25' },
        { addressee: 'provider', dueOn: '2026-11-30' },
      ],
    });
    expect(same.map((c) => [c.short, c.tone])).toEqual([
      ['Әкімдікке · 25.11.2026', 'warn'],
      ['Әкімдікке · 30.11.2026', 'ok'],
    ]);
  });

  it('a row not yet listed (stored before version 9) still says the count and the earliest due day', () => {
    expect(chips('ru', base).map((c) => c.short)).toEqual(['2 жалобы · Жалоба: ответ до 23.11.2026']);
    expect(chips('ru', { ...base, openComplaints: 0, complaints: [] })).toEqual([]);
  });
});

describe('rowView: the applicant’s signature marker', () => {
  const [prepared] = prepareRows([base], kazakhstanCalendar, TODAY);
  it('has none when no stored verification warns', () => {
    expect(rowView(i18n.getFixedT('kk'), prepared!, (id) => id).signature).toBeUndefined();
  });
  it.each(['kk', 'ru'] as const)('names a broken signature and another signer apart, in %s', (language) => {
    const t = i18n.getFixedT(language);
    const broken = rowView(t, prepared!, (id) => id, 'broken').signature;
    const other = rowView(t, prepared!, (id) => id, 'not-applicant').signature;
    expect(broken?.warning).toBe('broken');
    expect(other?.warning).toBe('not-applicant');
    // Translated words, never the key; the two sentences differ (the accessible name says which).
    for (const s of [broken!, other!]) {
      expect(s.short).not.toMatch(/signatureWarning/);
      expect(s.full).not.toMatch(/signatureWarning/);
    }
    expect(broken!.full).not.toBe(other!.full);
    expect(broken!.full).toBe(t('queue.signatureWarning.broken.full'));
  });
});
