import { describe, expect, it } from 'vitest';
import { applyEvent, foldEvents } from './reducer';
import {
  atCompleteness,
  CaseScript,
  grantedAndClosed,
  HEAD,
  makeEvent,
  OFFICE,
  OFFICER,
  OTHER_OFFICER,
  PORTAL,
  registration,
  review,
  sampleApplication,
  steps,
  SYSTEM,
} from './testing/scenario';

const codeOf = (result: ReturnType<typeof applyEvent>) => (result.ok ? 'ok' : result.reason.code);

describe('received', () => {
  it('opens a case at registration, version 1', () => {
    const app = sampleApplication();
    const result = applyEvent(
      undefined,
      makeEvent(undefined, 'received', { application: app, office: OFFICE }, { actor: PORTAL }),
    );
    expect(result).toMatchObject({
      ok: true,
      state: { caseId: 'case-1', version: 1, stage: 'registration', application: app },
    });
  });

  it('comes from the portal or the system, not from an officer', () => {
    const app = { application: sampleApplication(), office: OFFICE };
    expect(codeOf(applyEvent(undefined, makeEvent(undefined, 'received', app, { actor: SYSTEM })))).toBe(
      'ok',
    );
    const byOfficer = applyEvent(undefined, makeEvent(undefined, 'received', app, { actor: OFFICER }));
    expect(byOfficer).toEqual({
      ok: false,
      reason: { code: 'role.not-allowed', params: { role: 'officer', type: 'received' } },
    });
  });

  it('happens once per case, on version 0', () => {
    const s = new CaseScript();
    expect(
      codeOf(s.try('received', { application: sampleApplication(), office: OFFICE }, { actor: PORTAL })),
    ).toBe('case.already-received');
    const late = applyEvent(
      undefined,
      makeEvent(
        undefined,
        'received',
        { application: sampleApplication(), office: OFFICE },
        { actor: PORTAL, baseVersion: 3 },
      ),
    );
    expect(late).toEqual({
      ok: false,
      reason: { code: 'version.conflict', params: { expected: 0, actual: 3 } },
    });
  });
});

describe('every other event', () => {
  it('needs a case', () => {
    const event = makeEvent(undefined, 'registered', registration('2026-12-14', '2026-12-14', 'R'));
    expect(codeOf(applyEvent(undefined, event))).toBe('case.not-received');
  });

  it('must name the same case', () => {
    const s = new CaseScript();
    expect(
      codeOf(s.try('registered', registration('2026-12-14', '2026-12-14', 'R'), { caseId: 'case-2' })),
    ).toBe('case.mismatch');
  });

  it('must be made on the current version, which then grows by one', () => {
    const s = new CaseScript();
    const payload = registration('2026-12-14', '2026-12-14', 'R');
    expect(s.try('registered', payload, { baseVersion: 0 })).toEqual({
      ok: false,
      reason: { code: 'version.conflict', params: { expected: 1, actual: 0 } },
    });
    expect(codeOf(s.try('registered', payload, { baseVersion: 2 }))).toBe('version.conflict');
    steps.register(s);
    expect(s.current.version).toBe(2);
    steps.assign(s);
    expect(s.current.version).toBe(3);
  });

  it('leaves the given state untouched, accepted or not', () => {
    const s = atCompleteness();
    const before = structuredClone(s.current);
    s.try('completeness-checked', { complete: true });
    s.try('approved', {}, { actor: HEAD });
    expect(s.current).toEqual(before);
  });

  it('is validated structurally even when typed', () => {
    const s = new CaseScript();
    const bad = {
      ...makeEvent(s.state, 'registered', { ...registration('2026-12-14'), registeredOn: '2026-12-32' }),
    };
    expect(applyEvent(s.state, bad)).toEqual({
      ok: false,
      reason: { code: 'payload.invalid', params: { path: 'payload.registeredOn' } },
    });
    const noId = { ...bad, id: 'x' };
    expect(codeOf(applyEvent(s.state, noId))).toBe('event.invalid');
  });
});

describe('registration', () => {
  it('moves the case to the completeness check, by any officer, assigned or not', () => {
    const s = new CaseScript();
    steps.assign(s, OFFICER);
    const r = s.try('registered', registration('2026-12-14', '2026-12-14', 'R-9'), { actor: OTHER_OFFICER });
    expect(r).toMatchObject({
      ok: true,
      state: {
        stage: 'completeness',
        registrationNumber: 'R-9',
        registration: { on: '2026-12-14', dueOn: '2026-12-14', late: false, calendarVersion: '2026.fake' },
      },
    });
  });

  it("may not name a law's day before the day of receipt at the office", () => {
    // Received 2026-12-11 19:30 Almaty.
    const r = new CaseScript().try('registered', registration('2026-12-14', '2026-12-10'));
    expect(r).toEqual({
      ok: false,
      reason: { code: 'date.out-of-order', params: { field: 'dueOn', notBefore: '2026-12-11' } },
    });
  });

  it('happens once', () => {
    const s = steps.register(new CaseScript());
    expect(s.try('registered', registration('2026-12-14', '2026-12-14', 'R'))).toEqual({
      ok: false,
      reason: { code: 'stage.not-allowed', params: { stage: 'completeness', type: 'registered' } },
    });
  });
});

describe('assignment', () => {
  it('lets the head give the case to anyone and move it on', () => {
    const s = steps.register(new CaseScript());
    s.do('assigned', { officerId: 'officer-1' }, { actor: HEAD });
    s.do('assigned', { officerId: 'officer-2' }, { actor: HEAD });
    expect(s.current.assignedTo).toBe('officer-2');
  });

  it('lets an officer take a free case for themselves only', () => {
    const s = steps.register(new CaseScript());
    expect(s.try('assigned', { officerId: 'officer-2' }, { actor: OFFICER })).toEqual({
      ok: false,
      reason: { code: 'role.head-only', params: { type: 'assigned' } },
    });
    s.do('assigned', { officerId: 'officer-1' }, { actor: OFFICER });
    expect(s.current.assignedTo).toBe('officer-1');
  });

  it("lets an officer hand over their case but not take a colleague's", () => {
    const s = atCompleteness();
    expect(s.try('assigned', { officerId: 'officer-2' }, { actor: OTHER_OFFICER })).toEqual({
      ok: false,
      reason: { code: 'case.not-assigned', params: { assignedTo: 'officer-1' } },
    });
    s.do('assigned', { officerId: 'officer-2' }, { actor: OFFICER });
    expect(s.current.assignedTo).toBe('officer-2');
  });

  it('lets the holder give the case back (officerId null), refuses releasing a free case or a colleague\'s', () => {
    const s = atCompleteness();
    expect(codeOf(s.try('assigned', { officerId: null }, { actor: OTHER_OFFICER }))).toBe('case.not-assigned');
    s.do('assigned', { officerId: null }, { actor: OFFICER });
    expect(s.current.assignedTo).toBeUndefined();
    expect(codeOf(s.try('assigned', { officerId: null }, { actor: HEAD }))).toBe('assign.unchanged');
    s.do('assigned', { officerId: 'officer-2' }, { actor: OTHER_OFFICER });
    expect(s.current.assignedTo).toBe('officer-2');
  });

  it('refuses assigning the holder again', () => {
    expect(codeOf(atCompleteness().try('assigned', { officerId: 'officer-1' }, { actor: HEAD }))).toBe(
      'assign.unchanged',
    );
  });

  it('is possible at registration but not on a closed case', () => {
    const s = new CaseScript();
    expect(codeOf(s.try('assigned', { officerId: 'officer-1' }, { actor: HEAD }))).toBe('ok');
    expect(grantedAndClosed().try('assigned', { officerId: 'officer-2' }, { actor: HEAD })).toEqual({
      ok: false,
      reason: { code: 'stage.not-allowed', params: { stage: 'closed', type: 'assigned' } },
    });
  });
});

describe('who may act from the completeness check on', () => {
  it('an officer needs the case assigned to them; the head does not', () => {
    const free = steps.register(new CaseScript());
    expect(free.try('completeness-checked', { complete: true })).toEqual({
      ok: false,
      reason: { code: 'case.not-assigned', params: { assignedTo: null } },
    });
    expect(codeOf(free.try('completeness-checked', { complete: true }, { actor: HEAD }))).toBe('ok');

    const held = atCompleteness();
    expect(held.try('completeness-checked', { complete: true }, { actor: OTHER_OFFICER })).toEqual({
      ok: false,
      reason: { code: 'case.not-assigned', params: { assignedTo: 'officer-1' } },
    });
    expect(codeOf(held.try('completeness-checked', { complete: true }, { actor: OFFICER }))).toBe('ok');
  });

  it('the portal only delivers applications, results and complaints', () => {
    expect(atCompleteness().try('completeness-checked', { complete: true }, { actor: PORTAL })).toEqual({
      ok: false,
      reason: { code: 'role.not-allowed', params: { role: 'portal', type: 'completeness-checked' } },
    });
  });
});

describe('document review', () => {
  it('records the verdict on an attachment of the application', () => {
    const s = atCompleteness().do('document-reviewed', review('att-med', 'rejected', 'fail', 'unreadable'), {
      at: '2026-12-14T12:00:00+05:00',
    });
    expect(s.current.documentReviews['att-med']).toEqual({
      verdict: 'rejected',
      comment: 'unreadable',
      check: { status: 'fail', codes: [] },
      by: 'officer-1',
      at: '2026-12-14T12:00:00+05:00',
    });
  });

  it('refuses an attachment that does not exist', () => {
    expect(atCompleteness().try('document-reviewed', review('att-x', 'confirmed'))).toEqual({
      ok: false,
      reason: { code: 'document.not-found', params: { attachmentId: 'att-x' } },
    });
  });

  it('belongs to completeness and review, not to the school stage', () => {
    const s = steps.complete(atCompleteness());
    expect(codeOf(s.try('document-reviewed', review('att-med', 'confirmed')))).toBe('stage.not-allowed');
  });
});

describe('completeness check', () => {
  it('sends a complete case to the school stage', () => {
    const s = steps.complete(atCompleteness());
    expect(s.current).toMatchObject({
      stage: 'school',
      completeness: { complete: true, on: '2026-12-15', by: 'officer-1' },
    });
  });

  it('keeps an incomplete case in completeness with the missing documents', () => {
    const s = steps.incomplete(atCompleteness());
    expect(s.current).toMatchObject({ stage: 'completeness', missingDocuments: ['medical-conclusion'] });
  });

  it('is made once; after an incomplete check only the ground-1 refusal follows', () => {
    const s = steps.incomplete(atCompleteness());
    expect(codeOf(s.try('completeness-checked', { complete: true }))).toBe('completeness.already-checked');
    expect(codeOf(s.try('school-request-sent', { outgoingNumber: 'O', sentOn: '2026-12-15' }))).toBe(
      'stage.not-allowed',
    );
  });

  it('counts its day at the office offset the case recorded at receipt', () => {
    const at = { at: '2026-12-15T20:00:00Z' };
    const almaty = steps.assign(steps.register(new CaseScript()));
    expect(almaty.try('completeness-checked', { complete: true }, at)).toMatchObject({
      ok: true,
      state: { completeness: { on: '2026-12-16' } },
    });
    const london = new CaseScript(sampleApplication(), { timeZone: 'Europe/London', utcOffsetMinutes: 0 });
    steps.assign(steps.register(london));
    expect(london.try('completeness-checked', { complete: true }, at)).toMatchObject({
      ok: true,
      state: { completeness: { on: '2026-12-15' } },
    });
  });
});

describe('foldEvents', () => {
  it('folds the events of a case and reports the first refused one', () => {
    const s = steps.complete(atCompleteness());
    expect(foldEvents(s.events)).toEqual({ ok: true, state: s.current });
    const broken = [...s.events];
    broken.splice(1, 1);
    expect(foldEvents(broken)).toMatchObject({ ok: false, index: 1, reason: { code: 'version.conflict' } });
  });

  it('has no case without events', () => {
    expect(foldEvents([])).toEqual({ ok: false, index: 0, reason: { code: 'case.not-received' } });
  });
});
