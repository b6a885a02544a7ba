import { describe, expect, it } from 'vitest';
import { almaty, atCompleteness, OFFICER, review, steps } from '../../../../shared/workflow/testing/scenario';
import i18n from '../../i18n';
import { approvalView } from './approvalView';

const names: Record<string, string> = { 'officer-1': 'Ахметова Гүлнар', 'head-1': 'Серікбаев Нұрлан' };
const userName = (id: string) => names[id] ?? id;

describe('approvalView', () => {
  it('says which order is proposed, and who registered, checked, reviewed, prepared and sent it', () => {
    const s = atCompleteness();
    const file = s.current.application.attachments[0]!;
    s.do('document-reviewed', review(file.id, 'confirmed'), { at: '2026-12-15T10:30:00+05:00' });
    steps.complete(s);
    steps.requestSchool(s);
    steps.schoolAnswer(s);
    steps.prepareOrder(s);
    steps.sendForApproval(s);
    const t = i18n.getFixedT('ru');
    const view = approvalView(t, s.current, s.events, userName)!;
    expect(view.decision).toBe('Разрешение: приказ № P-1 от 21.12.2026');
    expect(view.details).toEqual([]);
    expect(view.trail).toHaveLength(5);
    expect(view.trail[0]).toContain(t('eventType.registered'));
    expect(view.trail[1]).toContain(
      `${t(`documentKind.${file.kind}`)} — ${t('documents.verdict.confirmed')}`,
    );
    expect(view.trail.at(-1)).toBe(`21.12.2026 11:00 — Ахметова Гүлнар: ${t('eventType.sent-for-approval')}`);
  });

  it('gives a refusal its ground, number, reasons and documents; nothing before a decision', () => {
    const s = atCompleteness();
    const t = i18n.getFixedT('kk');
    expect(approvalView(t, s.current, s.events, userName)).toBeUndefined();
    steps.incomplete(s);
    steps.refuseGround1(s);
    const view = approvalView(t, s.current, s.events, userName)!;
    expect(view.decision).toBe('Бас тарту (1-негіз): шешім № D-1, 15.12.2026');
    expect(view.details).toEqual([
      'Негіздеме: No 035-1/u conclusion',
      `Құжаттар: ${t('documentKind.medical-conclusion')}`,
    ]);
  });

  it('names the draft being approved — the extract produced after the order — or says it is missing', () => {
    const s = atCompleteness();
    steps.complete(s);
    steps.requestSchool(s);
    steps.schoolAnswer(s);
    steps.prepareOrder(s);
    steps.sendForApproval(s);
    const t = i18n.getFixedT('ru');
    // Sent before the desk asked for the draft (an older history): the view says none is there.
    const older = approvalView(t, s.current, s.events, userName)!;
    expect(older.draft).toEqual({ missing: t('ux.approval.noDraft', { form: t('forms.name.appendix-3') }) });
    expect(older.draft).toHaveProperty('missing', expect.stringContaining('Выписка'));

    const withDraft = atCompleteness();
    steps.complete(withDraft);
    steps.requestSchool(withDraft);
    steps.schoolAnswer(withDraft);
    steps.prepareOrder(withDraft);
    withDraft.do(
      'document-produced',
      {
        form: 'appendix-3',
        language: 'kk',
        sha256: 'c'.repeat(64),
        templateId: 'appendix-3.kk',
        templateVersion: '1.0.0',
      },
      { actor: OFFICER, at: almaty('2026-12-21', '10:30') },
    );
    steps.sendForApproval(withDraft);
    const view = approvalView(t, withDraft.current, withDraft.events, userName)!;
    expect(view.draft).toEqual({
      eventId: withDraft.events.find((e) => e.type === 'document-produced')!.id,
      text: t('ux.approval.draft', {
        form: t('forms.name.appendix-3'),
        language: t('forms.language.kk'),
        when: '21.12.2026 10:30',
      }),
    });
  });
});
