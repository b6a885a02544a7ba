import { describe, expect, it } from 'vitest';
import { approvalDraft } from './approval';
import type { ProducedForm } from './events';
import { almaty, atCompleteness, atReview, OFFICER, steps, type CaseScript } from './testing/scenario';

const produce = (s: CaseScript, form: ProducedForm, at: string, sha256 = 'b'.repeat(64)) =>
  s.do(
    'document-produced',
    { form, language: 'ru', sha256, templateId: `${form}.ru`, templateVersion: '1.0.0' },
    { actor: OFFICER, at },
  );

const draftOf = (s: CaseScript) => approvalDraft(s.current, s.events);

describe('approvalDraft: the result in the decision form, produced after the decision', () => {
  it('has nothing to say before a decision is prepared', () => {
    const s = atReview();
    produce(s, 'appendix-3', almaty('2026-12-18', '12:00'));
    expect(draftOf(s)).toBeUndefined();
  });

  it('names the form of a grant (the extract) and finds no draft until one is produced', () => {
    const s = atReview();
    steps.prepareOrder(s);
    expect(draftOf(s)).toEqual({ form: 'appendix-3' });
    // The order itself and the school request are other forms: not what will be signed.
    produce(s, 'order', almaty('2026-12-21', '10:20'));
    produce(s, 'appendix-4', almaty('2026-12-21', '10:25'));
    expect(draftOf(s)?.document).toBeUndefined();
    produce(s, 'appendix-3', almaty('2026-12-21', '10:30'), 'c'.repeat(64));
    expect(draftOf(s)?.document?.payload).toMatchObject({ form: 'appendix-3', sha256: 'c'.repeat(64) });
  });

  it('takes the newest draft when the officer produced it again', () => {
    const s = atReview();
    steps.prepareOrder(s);
    produce(s, 'appendix-3', almaty('2026-12-21', '10:30'), 'c'.repeat(64));
    produce(s, 'appendix-3', almaty('2026-12-21', '10:40'), 'd'.repeat(64));
    expect(draftOf(s)?.document?.payload.sha256).toBe('d'.repeat(64));
  });

  it('does not count an extract produced before the order was prepared', () => {
    const s = atReview();
    produce(s, 'appendix-3', almaty('2026-12-21', '09:00'));
    steps.prepareOrder(s);
    expect(draftOf(s)).toEqual({ form: 'appendix-3' });
  });

  it('names the refusal form (appendix 2) for a refusal', () => {
    const s = steps.incomplete(atCompleteness());
    steps.refuseGround1(s);
    expect(draftOf(s)).toEqual({ form: 'appendix-2' });
    produce(s, 'appendix-3', almaty('2026-12-15', '12:10'));
    expect(draftOf(s)?.document).toBeUndefined();
    produce(s, 'appendix-2', almaty('2026-12-15', '12:20'));
    expect(draftOf(s)?.document?.payload.form).toBe('appendix-2');
  });

  it('after the head returned the decision, the earlier draft is not the new decision draft', () => {
    const s = atReview();
    steps.prepareOrder(s);
    produce(s, 'appendix-3', almaty('2026-12-21', '10:30'));
    steps.sendForApproval(s);
    steps.returnToOfficer(s);
    expect(draftOf(s)).toBeUndefined();
    s.do(
      'order-prepared',
      { orderNumber: 'P-2', orderDate: '2026-12-22' },
      { at: almaty('2026-12-22', '11:00') },
    );
    expect(draftOf(s)).toEqual({ form: 'appendix-3' });
    produce(s, 'appendix-3', almaty('2026-12-22', '11:10'), 'e'.repeat(64));
    expect(draftOf(s)?.document?.payload.sha256).toBe('e'.repeat(64));
  });

  it('is the same draft while the case waits for the head', () => {
    const s = atReview();
    steps.prepareOrder(s);
    produce(s, 'appendix-3', almaty('2026-12-21', '10:30'), 'c'.repeat(64));
    steps.sendForApproval(s);
    expect(s.current.stage).toBe('approval');
    expect(draftOf(s)?.document?.payload.sha256).toBe('c'.repeat(64));
  });
});
