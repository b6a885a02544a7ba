import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../../../shared/calendar';
import { applyEvent, type CaseState } from '../../../../shared/workflow';
import { makeEvent } from '../../stores/eventFactory';
import { actionContext, demoCase, NOW, translations } from '../../stores/fixtures';
import { ACTION_SPECS } from './actionSpecs';
import type { ActionContext } from './actionTypes';

const spec = ACTION_SPECS.registered;
let tKk: TFunction;
let tRu: TFunction;
beforeAll(async () => {
  ({ kk: tKk, ru: tRu } = await translations());
});

/** The registration demo case as if received on 27.11.2026 (a Friday) at 10:00 in Almaty. */
function receivedOn27November(): CaseState {
  const { state } = demoCase('registration');
  return { ...state, application: { ...state.application, receivedAt: '2026-11-27T10:00:00+05:00' } };
}

function at(state: CaseState, now: string): ActionContext {
  return { ...actionContext(state, 'officer-1'), now };
}

const note = (ctx: ActionContext) => spec.fields(ctx, {}).find((f) => f.name === 'registrationDay')?.note;

describe('registration', () => {
  it('asks for no date: it records today, the law’s registration day and the calendar version', () => {
    const ctx = at(receivedOn27November(), '2026-11-27T11:00:00.000+05:00');
    expect(spec.fields(ctx, {}).map((f) => f.kind)).toEqual(['text', 'note']);
    const built = spec.build({ registrationNumber: ' 01-07/5 ' }, ctx);
    expect(built).toEqual({
      ok: true,
      payload: {
        registrationNumber: '01-07/5',
        registeredOn: '2026-11-27',
        dueOn: '2026-11-27',
        calendarVersion: kazakhstanCalendar.versionBetween('2026-11-27', '2026-11-27'),
      },
    });
    expect(note(ctx)).toEqual({
      key: 'record.registration.onTime',
      params: { today: '27.11.2026', dueOn: '27.11.2026' },
    });
  });

  it('says a registration on 02.12 of a case received on 27.11 is late by 3 working days', () => {
    const ctx = at(receivedOn27November(), '2026-12-02T09:30:00.000+05:00');
    expect(note(ctx)).toMatchObject({
      key: 'record.registration.late',
      tone: 'warning',
      params: { today: '02.12.2026', dueOn: '27.11.2026', count: 3 },
    });
    const built = spec.build({ registrationNumber: '01-07/6' }, ctx);
    expect(built).toMatchObject({ ok: true, payload: { registeredOn: '2026-12-02', dueOn: '2026-11-27' } });
    if (!built.ok) return;
    const event = makeEvent(
      ctx.state,
      'registered',
      built.payload,
      { userId: 'officer-1', role: 'officer' },
      new Date(ctx.now),
    );
    const applied = applyEvent(ctx.state, event);
    expect(applied).toMatchObject({
      ok: true,
      state: { registration: { on: '2026-12-02', dueOn: '2026-11-27', late: true } },
    });
  });

  it('writes the lateness with each language’s plurals', () => {
    const params = { today: '02.12.2026', dueOn: '27.11.2026' };
    expect(tRu('record.registration.late', { ...params, count: 1 })).toContain('на 1 рабочий день');
    expect(tRu('record.registration.late', { ...params, count: 3 })).toContain('на 3 рабочих дня');
    expect(tRu('record.registration.late', { ...params, count: 5 })).toContain('на 5 рабочих дней');
    expect(tKk('record.registration.late', { ...params, count: 3 })).toContain('3 жұмыс күнге кешікті');
  });

  it('needs a number, and starts with the one the register suggests', () => {
    const ctx = at(receivedOn27November(), '2026-11-27T11:00:00.000+05:00');
    expect(spec.build(spec.initial(ctx), ctx)).toEqual({
      ok: false,
      errors: { registrationNumber: 'required' },
    });
    expect(spec.initial({ ...ctx, suggestedRegistrationNumber: '01-07/148' })).toEqual({
      registrationNumber: '01-07/148',
    });
  });

  it('makes an event the reducer accepts at the fixtures’ now', () => {
    const ctx = actionContext(demoCase('registration').state, 'officer-1');
    const built = spec.build({ registrationNumber: '9' }, ctx);
    if (!built.ok) throw new Error('not built');
    const event = makeEvent(
      ctx.state,
      'registered',
      built.payload,
      { userId: 'officer-1', role: 'officer' },
      new Date(NOW),
    );
    expect(applyEvent(ctx.state, event)).toMatchObject({ ok: true, state: { stage: 'completeness' } });
  });
});
