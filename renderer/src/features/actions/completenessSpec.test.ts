import { describe, expect, it } from 'vitest';
import { applyEvent, type CaseState } from '../../../../shared/workflow';
import { makeEvent } from '../../stores/eventFactory';
import { actionContext, NOW } from '../../stores/fixtures';
import { reviewSpec } from '../documents/reviewSpec';
import { caseWithDocuments, supportingDocument, withFile } from '../documents/testing';
import { ACTION_SPECS } from './actionSpecs';
import type { ActionContext } from './actionTypes';

const spec = ACTION_SPECS['completeness-checked'];
const options = (ctx: ActionContext) => spec.fields(ctx, {}).find((f) => f.name === 'complete')?.options;
const findings = (ctx: ActionContext) => spec.fields(ctx, {}).find((f) => f.name === 'findings')?.note;

function confirm(state: CaseState, attachmentId: string, comment: string): CaseState {
  const ctx = actionContext(state);
  const built = reviewSpec(attachmentId, 'confirmed', 'doc').build({ comment }, ctx);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const applied = applyEvent(
    state,
    makeEvent(
      state,
      'document-reviewed',
      built.payload,
      { userId: ctx.user.id, role: 'officer' },
      new Date(NOW),
    ),
  );
  if (!applied.ok) throw new Error(applied.reason.code);
  return applied.state;
}

describe('the completeness dialog reflects the findings', () => {
  it('offers and proposes "complete" when every required document reads and passes', () => {
    const ctx = actionContext(caseWithDocuments('completeness', 'pass'));
    expect(options(ctx)).toEqual(['yes', 'no']);
    expect(spec.initial(ctx)).toMatchObject({ complete: 'yes', missing: [] });
    expect(findings(ctx)).toBeUndefined();
  });

  it('proposes a failed document missing, says why, and offers "complete" only once it is confirmed', () => {
    const state = caseWithDocuments('completeness', 'fail');
    const doc = supportingDocument(state);
    const ctx = actionContext(state);
    expect(spec.initial(ctx)).toMatchObject({ complete: 'no', missing: [doc.kind] });
    expect(options(ctx)).toEqual(['no']);
    expect(findings(ctx)).toMatchObject({
      key: 'record.completeness.findings',
      tone: 'warning',
      lines: [{ key: 'record.completeness.why.failed', params: { kind: { t: `documentKind.${doc.kind}` } } }],
    });
    expect(spec.build({ complete: 'yes' }, ctx)).toEqual({ ok: false, errors: { complete: 'not-offered' } });

    const confirmed = actionContext(confirm(state, doc.id, 'Түпнұсқасы тексерілді'));
    expect(options(confirmed)).toEqual(['yes', 'no']);
    expect(spec.initial(confirmed)['complete']).toBe('yes');
  });

  it('treats a file that cannot be read as failing, even when its data passes', () => {
    const state = caseWithDocuments('completeness', 'pass');
    const doc = supportingDocument(state);
    const ctx = actionContext(
      state,
      undefined,
      withFile(state, doc.sha256, { status: 'unreadable', problem: 'damaged' }),
    );
    expect(spec.initial(ctx)).toMatchObject({ complete: 'no', missing: [doc.kind] });
    expect(findings(ctx)?.lines).toEqual([
      { key: 'record.completeness.why.unreadable', params: { kind: { t: `documentKind.${doc.kind}` } } },
    ]);
  });

  it('asks the reducer: "complete" is not offered where the reducer would refuse it', () => {
    // A package already found complete cannot be found complete again (completeness.already-checked).
    const school = actionContext(caseWithDocuments('school-unsent', 'pass'));
    expect(findings(school)).toBeUndefined();
    expect(options(school)).toEqual(['no']);
  });
});

describe('confirming a document against its check', () => {
  it('needs no reason when the check passed', () => {
    const state = caseWithDocuments('completeness', 'pass');
    const doc = supportingDocument(state);
    expect(reviewSpec(doc.id, 'confirmed', 'doc').build({ comment: '' }, actionContext(state))).toMatchObject(
      {
        ok: true,
      },
    );
  });

  it('will not save a confirmation of a failed, doubtful or unreadable file without a reason, and says why', () => {
    for (const [state, files, status] of [
      [caseWithDocuments('completeness', 'fail'), undefined, 'fail'],
      [caseWithDocuments('completeness', 'judgement'), undefined, 'judgement'],
      (() => {
        const s = caseWithDocuments('completeness', 'pass');
        return [
          s,
          withFile(s, supportingDocument(s).sha256, { status: 'unreadable', problem: 'altered' }),
          'unreadable',
        ] as const;
      })(),
    ] as const) {
      const doc = supportingDocument(state);
      const ctx = actionContext(state, undefined, files);
      const review = reviewSpec(doc.id, 'confirmed', 'doc');
      expect(review.build({ comment: '  ' }, ctx)).toEqual({
        ok: false,
        errors: { comment: 'reason-required' },
      });
      expect(review.fields(ctx, {}).find((f) => f.name === 'checkNote')?.note?.key).toBe(
        `record.review.against.${status}`,
      );
      expect(review.fields(ctx, {}).find((f) => f.name === 'comment')?.required).toBe(true);
      const built = review.build({ comment: 'Түпнұсқасы көрсетілді' }, ctx);
      // The event records the check it was confirmed against, as the desk showed it.
      expect(built).toMatchObject({ ok: true, payload: { check: { status } } });
      if (status === 'unreadable') expect(built.ok && built.payload.check.codes[0]).toBe('file.altered');
      else expect(built.ok && built.payload.check.codes.length).toBeGreaterThan(0);
    }
  });

  it('waits while the file is still being read', () => {
    const state = caseWithDocuments('completeness', 'pass');
    const doc = supportingDocument(state);
    const ctx = actionContext(state, undefined, withFile(state, doc.sha256, { status: 'checking' }));
    expect(reviewSpec(doc.id, 'confirmed', 'doc').build({ comment: 'ok' }, ctx)).toEqual({
      ok: false,
      errors: { comment: 'still-checking' },
    });
  });
});
