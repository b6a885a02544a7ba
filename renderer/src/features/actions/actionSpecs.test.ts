import { describe, expect, it } from 'vitest';
import { applyEvent, type CaseEvent, type CaseState } from '../../../../shared/workflow';
import { makeEvent, type ActionType } from '../../stores/eventFactory';
import { actionContext, demoCase, NOW, translations, user } from '../../stores/fixtures';
import { reviewSpec } from '../documents/reviewSpec';
import { caseWithDocuments, supportingDocument } from '../documents/testing';
import { ACTION_SPECS } from './actionSpecs';
import type { ActionContext, ActionSpec, Values } from './actionTypes';

/** Builds the payload as the dialog would and hands the event to the reducer. */
function run<T extends ActionType>(spec: ActionSpec<T>, ctx: ActionContext, values: Values) {
  const built = spec.build(values, ctx);
  if (!built.ok) return { built, applied: undefined };
  const event = makeEvent(
    ctx.state,
    spec.type,
    built.payload,
    { userId: ctx.user.id, role: ctx.user.role },
    new Date(NOW),
  );
  return { built, applied: applyEvent(ctx.state, event) };
}

function stateOf(result: ReturnType<typeof run>): CaseState {
  if (!result.applied?.ok) throw new Error(`not applied: ${JSON.stringify(result)}`);
  return result.applied.state;
}

describe('taking and assigning a case', () => {
  const free = demoCase('registration').state;

  it('lets an officer take a free case for themselves without questions', () => {
    const registered = stateOf(
      run(ACTION_SPECS.registered, actionContext(free, 'officer-2'), { registrationNumber: '7' }),
    );
    const ctx = actionContext(registered, 'officer-2');
    expect(ACTION_SPECS.assigned.fields(ctx, {})).toEqual([]);
    expect(stateOf(run(ACTION_SPECS.assigned, ctx, {})).assignedTo).toBe('officer-2');
  });

  it('lets the head choose among the officers other than the holder', () => {
    const held = demoCase('completeness').state;
    const ctx = actionContext(held, 'head-1');
    const [field] = ACTION_SPECS.assigned.fields(ctx, {});
    expect(field?.options).not.toContain(held.assignedTo);
    expect(field?.options).not.toContain('head-1');
    const other = field!.options![0]!;
    expect(stateOf(run(ACTION_SPECS.assigned, ctx, { officerId: other })).assignedTo).toBe(other);
  });

  it('never offers a deactivated officer, nor the administrator', () => {
    const held = demoCase('completeness').state;
    const base = actionContext(held, 'head-1');
    const other = base.users.find((u) => u.role === 'officer' && u.id !== held.assignedTo)!;
    const ctx = { ...base, users: base.users.map((u) => (u.id === other.id ? { ...u, active: false } : u)) };
    const [field] = ACTION_SPECS.assigned.fields(ctx, {});
    expect(field?.options).toEqual([]);
    expect(ACTION_SPECS.assigned.initial(ctx)).toEqual({ officerId: '' });
    expect(ACTION_SPECS.assigned.fields(base, {})[0]?.options).toEqual([other.id]);
  });
});

describe('completeness and the ground-1 refusal', () => {
  const open = caseWithDocuments('completeness', 'pass');
  const doc = supportingDocument(open);

  it('proposes a complete package when every required document reads and passes', () => {
    const ctx = actionContext(open);
    expect(ACTION_SPECS['completeness-checked'].initial(ctx)['complete']).toBe('yes');
    expect(stateOf(run(ACTION_SPECS['completeness-checked'], ctx, { complete: 'yes' })).stage).toBe('school');
  });

  it('proposes the rejected document as missing, then refuses on ground 1 listing exactly it', () => {
    const rejected = stateOf(
      run(reviewSpec(doc.id, 'rejected', 'doc'), actionContext(open), { comment: 'Мерзімі өткен' }),
    );
    const ctx = actionContext(rejected);
    const initial = ACTION_SPECS['completeness-checked'].initial(ctx);
    expect(initial).toMatchObject({ complete: 'no', missing: [doc.kind] });
    const checked = stateOf(run(ACTION_SPECS['completeness-checked'], ctx, initial));
    expect(checked.missingDocuments).toEqual([doc.kind]);

    const refuseCtx = actionContext(checked);
    const values = {
      ...ACTION_SPECS.refused.initial(refuseCtx),
      reasons: 'Толық емес',
      decisionNumber: 'Б-1',
    };
    const refused = stateOf(run(ACTION_SPECS.refused, refuseCtx, values));
    expect(refused.decision).toMatchObject({ kind: 'refusal', ground: 1, documents: [doc.kind] });
  });

  it('asks for at least one missing document when the package is incomplete', () => {
    const result = ACTION_SPECS['completeness-checked'].build(
      { complete: 'no', missing: [] },
      actionContext(open),
    );
    expect(result).toEqual({ ok: false, errors: { missing: 'pick-one' } });
  });

  it('needs a reason to reject a document, but not to confirm one', () => {
    expect(reviewSpec(doc.id, 'rejected', 'doc').build({ comment: ' ' }, actionContext(open))).toEqual({
      ok: false,
      errors: { comment: 'required' },
    });
    const confirmed = reviewSpec(doc.id, 'confirmed', 'doc').build({ comment: '' }, actionContext(open));
    expect(confirmed).toMatchObject({ ok: true, payload: { attachmentId: doc.id, verdict: 'confirmed' } });
    // The review records what the automated check showed (this demo document passes it).
    expect(confirmed.ok && confirmed.payload.check).toEqual({ status: 'pass', codes: [] });
    expect(confirmed.ok && 'comment' in confirmed.payload).toBe(false);
  });
});

describe('review, order and the head', () => {
  const review = demoCase('review', (c) => c.state.decision === undefined).state;

  it('refuses on ground 2 naming the documents found false', () => {
    const ctx = actionContext(review);
    const kind = review.application.attachments.find((a) => a.kind !== 'application')!.kind;
    const values = {
      documents: [kind],
      reasons: 'Жалған',
      decisionNumber: 'Б-2',
      decisionDate: '24.11.2026',
    };
    expect(stateOf(run(ACTION_SPECS.refused, ctx, values)).decision).toMatchObject({
      ground: 2,
      documents: [kind],
    });
    expect(ACTION_SPECS.refused.build({ ...values, documents: [] }, ctx)).toMatchObject({
      errors: { documents: 'pick-one' },
    });
  });

  it('prepares the order, sends it, and lets only the head approve', () => {
    const ordered = stateOf(
      run(ACTION_SPECS['order-prepared'], actionContext(review), {
        orderNumber: '12',
        orderDate: '24.11.2026',
      }),
    );
    const sent = stateOf(run(ACTION_SPECS['sent-for-approval'], actionContext(ordered), {}));
    expect(sent.stage).toBe('approval');
    const byOfficer = run(ACTION_SPECS.approved, actionContext(sent, sent.assignedTo), { comment: '' });
    expect(byOfficer.applied).toMatchObject({ ok: false, reason: { code: 'role.head-only' } });
    expect(stateOf(run(ACTION_SPECS.approved, actionContext(sent, 'head-1'), { comment: '' })).stage).toBe(
      'ready-to-send',
    );
  });
});

describe('sending for approval: the head approves the draft of what will be signed', () => {
  const review = demoCase('review', (c) => c.state.decision === undefined);
  const spec = ACTION_SPECS['sent-for-approval'];
  const officer = { userId: review.state.assignedTo ?? 'officer-1', role: 'officer' as const };
  const ordered = run(ACTION_SPECS['order-prepared'], actionContext(review.state), {
    orderNumber: '12',
    orderDate: '24.11.2026',
  });
  const orderedState = stateOf(ordered);
  const orderEvent = makeEvent(
    review.state,
    'order-prepared',
    { orderNumber: '12', orderDate: '2026-11-24' },
    officer,
    new Date(NOW),
  );
  const produced = (form: 'appendix-3' | 'order') =>
    makeEvent(
      orderedState,
      'document-produced',
      { form, language: 'ru', sha256: 'c'.repeat(64), templateId: `${form}.ru`, templateVersion: '1.0.0' },
      officer,
      new Date(NOW),
    );
  const at = (events: CaseEvent[]) =>
    actionContext(orderedState, undefined, undefined, [...review.events, ...events]);
  const note = (ctx: ActionContext) => spec.fields(ctx, {}).find((f) => f.name === 'draft')?.note;

  it('without the extract produced after the order, says so and offers to fill it instead of sending', () => {
    const ctx = at([orderEvent, produced('order')]);
    expect(spec.prerequisite?.(ctx)).toEqual({ produce: 'appendix-3' });
    expect(note(ctx)).toMatchObject({ key: 'actions.note.draftMissing', tone: 'warning' });
    // An extract printed before this order is not its draft.
    const early = at([produced('appendix-3'), orderEvent]);
    expect(spec.prerequisite?.(early)).toEqual({ produce: 'appendix-3' });
  });

  it('with the extract produced, names it and lets the officer send', () => {
    const ctx = at([orderEvent, produced('appendix-3')]);
    expect(spec.prerequisite?.(ctx)).toBeUndefined();
    expect(note(ctx)).toMatchObject({
      key: 'actions.note.draftReady',
      params: { form: { t: 'forms.name.appendix-3' }, language: { t: 'forms.language.ru' } },
    });
    expect(stateOf(run(spec, ctx, {})).stage).toBe('approval');
  });
});

describe('signature and delivery', () => {
  const ready = demoCase('ready-grant').state;

  it('records the signature made outside the desk, then the delivery closes the case granted', () => {
    const ctx = actionContext(ready);
    expect(ACTION_SPECS.signed.initial(ctx)['signerName']).toBe(user(ctx.user.id).fullName);
    // The extract from the order is produced after the approval; the signature is recorded over it.
    const actor = { userId: ctx.user.id, role: ctx.user.role };
    const extract = {
      form: 'appendix-3',
      language: 'kk',
      templateId: 'appendix-3.kk',
      templateVersion: '1',
    } as const;
    const producedEvent = makeEvent(
      ready,
      'document-produced',
      { ...extract, sha256: 'cd'.repeat(32) },
      actor,
      new Date(NOW),
    );
    const produced = applyEvent(ready, producedEvent);
    if (!produced.ok) throw new Error(produced.reason.code);
    // The signature file as the dialog read it (test/unit/signing reads real CMS files made by OpenSSL).
    const sha = 'ab'.repeat(32);
    const signedAtMs = Date.parse('2026-11-24T04:55:00Z');
    const signedFile = {
      sha256: sha,
      fileName: 'extract.cms',
      mimeType: 'application/pkcs7-signature',
      blob: new Blob(['cms']),
      reading: {
        ok: true as const,
        signature: {
          certificateSerial: '7f01',
          signedAtMs,
          timestamped: false,
          digest: { algorithm: 'SHA-256' as const, hex: 'cd'.repeat(32) },
        },
        signs: ['cd'.repeat(32)],
      },
    };
    const signCtx = { ...actionContext(produced.state), chosen: { signedFile } };
    const initial = ACTION_SPECS.signed.initial(signCtx);
    expect(initial).toMatchObject({ signedDocument: 'cd'.repeat(32), certificateSerial: '7f01' });
    const signed = stateOf(run(ACTION_SPECS.signed, signCtx, { ...initial, signerName: 'X' }));
    expect(signed.signature).toMatchObject({
      documentSha256: 'cd'.repeat(32),
      signatureSha256: sha,
      certificateSerial: '7f01',
      signedAt: '2026-11-24T09:55:00.000+05:00',
    });
    const delivered = stateOf(
      run(ACTION_SPECS['result-delivered'], actionContext(signed), { channel: 'portal' }),
    );
    expect(delivered).toMatchObject({ stage: 'closed', outcome: 'granted', delivered: { deliveredAt: NOW } });
  });
});

describe('complaints', () => {
  const closed = demoCase('closed-granted').state;

  it('numbers complaints within the case and lets an officer answer only the authority’s', () => {
    const ctx = actionContext(closed, 'officer-1');
    const values = { addressee: 'provider', registeredOn: '24.11.2026', summary: 'Кешіктірілді' };
    const one = stateOf(run(ACTION_SPECS['complaint-registered'], ctx, values));
    const two = stateOf(
      run(ACTION_SPECS['complaint-registered'], actionContext(one), {
        ...values,
        addressee: 'quality-authority',
      }),
    );
    expect(two.complaints.map((c) => c.complaintId)).toEqual(['C1', 'C2']);
    const [field] = ACTION_SPECS['complaint-answered'].fields(actionContext(two, 'officer-1'), {});
    expect(field?.options).toEqual(['C2']);
    const [headField] = ACTION_SPECS['complaint-answered'].fields(actionContext(two, 'head-1'), {});
    expect(headField?.options).toEqual(['C1', 'C2']);
  });
});

describe('every dialog is translated', () => {
  it('has a label for each field, and words for each option and note, in both languages', async () => {
    const { i18n } = await translations();
    const contexts = [
      actionContext(demoCase('registration').state, 'head-1'),
      actionContext(demoCase('completeness').state),
      actionContext(demoCase('review').state),
      actionContext(demoCase('closed-refused-1').state, 'head-1'),
    ];
    const missing: string[] = [];
    // `count` so that a plural key (a lateness in working days) counts as present.
    const has = (key: string) =>
      ['kk', 'ru'].every((lng) => i18n.exists(key, { lng, count: 2 })) || missing.push(key);
    for (const spec of Object.values(ACTION_SPECS) as ActionSpec<ActionType>[]) {
      // Taking or assigning a case has its own three labels (below).
      if (spec.type !== 'assigned') has(`actions.button.${spec.type}`);
      for (const ctx of contexts) {
        for (const f of spec.fields(ctx, { complete: 'no' })) {
          has(f.labelKey ?? `actions.field.${f.name}`);
          if (f.note) has(f.note.key);
          for (const line of f.note?.lines ?? []) has(line.key);
          for (const o of f.options ?? [])
            if (!f.labels) has(`${f.optionPrefix ?? `actions.option.${f.name}`}.${o}`);
        }
      }
    }
    for (const extra of ['take', 'assign', 'handOver']) has(`actions.button.${extra}`);
    expect(missing).toEqual([]);
  });
});
