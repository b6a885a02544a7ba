import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, EVENT_TYPE_SINCE, UNRECORDED, type CaseEvent } from '../events';
import { V1_FIXTURES } from '../fixtures/v1';
import { V2_FIXTURES } from '../fixtures/v2';
import { EVENT_TYPES } from '../guards';
import { foldEvents } from '../reducer';
import { makeEvent, OFFICE, PORTAL, review, sampleApplication, signature } from '../testing/scenario';
import { parseCaseEvent, upgradeEvent } from './index';
import { almatyOffice } from './v1-to-v2';

/** The current event an input upgrades to; fails the test when it does not parse. */
function upgraded(input: unknown): CaseEvent {
  const result = upgradeEvent(input);
  if (!result.ok) throw new Error(`not upgraded: ${result.code} at ${result.path}`);
  return result.event;
}

const fixture = (name: string) => {
  const found = V1_FIXTURES[name];
  if (!found) throw new Error(`no fixture ${name}`);
  return found.events;
};

describe('every released event shape still folds', () => {
  it.each(Object.keys(V1_FIXTURES))('version 1: %s', (name) => {
    const result = foldEvents(fixture(name));
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it.each(Object.keys(V2_FIXTURES))('version 2: %s', (name) => {
    const result = foldEvents(V2_FIXTURES[name]!.events);
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it('covers every event type released in version 1', () => {
    const types = new Set(Object.values(V1_FIXTURES).flatMap((f) => f.events.map((e) => upgraded(e).type)));
    const inVersion1 = EVENT_TYPES.filter((t) => (EVENT_TYPE_SINCE[t] ?? 1) === 1);
    expect([...types].sort()).toEqual([...inVersion1].sort());
  });

  it('folds the same whether events are stored old or stored already upgraded', () => {
    for (const { events } of [...Object.values(V1_FIXTURES), ...Object.values(V2_FIXTURES)]) {
      expect(foldEvents(events.map(upgraded))).toEqual(foldEvents(events));
    }
  });

  it('keeps the version an event was made in through every later upgrade', () => {
    // A version-1 event a desk of version 2 stored upgraded (schemaVersion 2, upgradedFrom 1) is
    // still held to version 1's rules, and may still say what version 1 did not record.
    const storedByV2 = fixture('grant-with-complaints').map((e) => ({
      ...upgraded(e),
      schemaVersion: 2,
    }));
    for (const e of storedByV2.map(upgraded)) expect(e.upgradedFrom).toBe(1);
    expect(foldEvents(storedByV2)).toEqual(foldEvents(fixture('grant-with-complaints')));
    const made2 = V2_FIXTURES['demo-15-closed-granted']!.events.map(upgraded);
    for (const e of made2) expect(e).toMatchObject({ schemaVersion: EVENT_SCHEMA_VERSION, upgradedFrom: 2 });
  });

  it('refuses "unrecorded" on an event made in version 2', () => {
    const [, registered] = V2_FIXTURES['demo-02-completeness']!.events as Array<Record<string, unknown>>;
    const claim = { ...registered, payload: { ...(registered!['payload'] as object), calendarVersion: UNRECORDED } };
    expect(upgradeEvent(claim)).toMatchObject({ ok: false, path: 'payload.calendarVersion' });
  });

  it('keeps what version 1 recorded and marks what it did not', () => {
    const events = fixture('grant-with-complaints').map(upgraded);
    for (const e of events) {
      expect(e).toMatchObject({ schemaVersion: EVENT_SCHEMA_VERSION, upgradedFrom: 1 });
      expect(e.origin.kind).toBe(e.actor.role === 'portal' ? 'portal' : 'desk');
    }
    const reviewed = events.find((e) => e.type === 'document-reviewed');
    expect(reviewed?.payload).toMatchObject({ check: { status: UNRECORDED, codes: [] } });
    const signed = events.find((e) => e.type === 'signed');
    expect(signed?.payload).toEqual({
      signatureFormat: UNRECORDED,
      documentSha256: 'd'.repeat(64),
      certificateSerial: '4F2A91',
      signerName: 'Бастық Б.',
    });
  });
});

describe('the v1 → v2 upgrade', () => {
  it('records the office of every v1 desk: Almaty, +06:00 until 1 March 2024 00:00, +05:00 since', () => {
    expect(almatyOffice('2024-02-29T17:59:59.999Z')).toEqual({
      timeZone: 'Asia/Almaty',
      utcOffsetMinutes: 360,
    });
    expect(almatyOffice('2024-03-01T00:00:00+06:00')).toEqual({
      timeZone: 'Asia/Almaty',
      utcOffsetMinutes: 300,
    });
    const before = foldEvents(fixture('before-single-zone'));
    expect(before.ok && before.state.office).toEqual({ timeZone: 'Asia/Almaty', utcOffsetMinutes: 360 });
    const after = foldEvents(fixture('desk-utc'));
    expect(after.ok && after.state.office).toEqual({ timeZone: 'Asia/Almaty', utcOffsetMinutes: 300 });
  });

  it('shows a registration recorded after the day it claims as late, counting terms from that day', () => {
    // Received Friday 27.11 after hours, registered on 02.12 with the day the dialog proposed, 30.11.
    const result = foldEvents(fixture('old-rules'));
    expect(result.ok && result.state.registration).toEqual({
      on: '2026-12-02',
      dueOn: '2026-11-30',
      late: true,
      calendarVersion: UNRECORDED,
    });
  });

  it('takes the day a v1 registration was made at the offset of that moment', () => {
    // 18:30Z on 29.02.2024 was 23:30 in Almaty, already at +05:00.
    const registered = upgraded(fixture('before-single-zone')[1]);
    expect(registered.payload).toEqual({
      registrationNumber: '5',
      registeredOn: '2024-02-29',
      dueOn: '2024-03-01',
      calendarVersion: UNRECORDED,
    });
  });

  it('keeps the time exactly as written, UTC included', () => {
    const events = fixture('desk-utc');
    expect(events.map((e) => upgraded(e).at)).toEqual(events.map((e) => (e as { at: string }).at));
    expect(upgraded(events[1]).at).toBe('2026-12-14T04:20:11.123Z');
  });

  it('says where an event came from by its actor', () => {
    const assigned = fixture('desk-utc')[1] as object;
    const origin = (role: string) => upgraded({ ...assigned, actor: { userId: 'u', role } }).origin;
    expect(origin('officer')).toEqual({ kind: 'desk' });
    expect(origin('head')).toEqual({ kind: 'desk' });
    expect(origin('portal')).toEqual({ kind: 'portal' });
    expect(origin('system')).toEqual({ kind: 'central' });
  });

  it('leaves a malformed v1 event for the schema to name', () => {
    const [received] = fixture('desk-utc') as Array<{ payload: { application: object } }>;
    const noTime = structuredClone(received!);
    delete (noTime.payload.application as { receivedAt?: string }).receivedAt;
    expect(upgradeEvent(noTime)).toEqual({
      ok: false,
      code: 'payload.invalid',
      path: 'payload.application.receivedAt',
    });
  });
});

describe('upgradeEvent', () => {
  const current = () =>
    makeEvent(undefined, 'received', { application: sampleApplication(), office: OFFICE }, { actor: PORTAL });

  it('passes a current event through unchanged, not marked as upgraded', () => {
    const event = current();
    expect(upgradeEvent(event)).toEqual({ ok: true, event });
    expect(parseCaseEvent(event)).toEqual({ ok: true, event });
  });

  it('refuses a version newer than this code as such, and a nonsense version as invalid', () => {
    expect(upgradeEvent({ ...current(), schemaVersion: EVENT_SCHEMA_VERSION + 1 })).toEqual({
      ok: false,
      code: 'event.version-unsupported',
      path: 'schemaVersion',
    });
    for (const schemaVersion of [0, 1.5, '2', null]) {
      expect(upgradeEvent({ ...current(), schemaVersion })).toEqual({
        ok: false,
        code: 'event.invalid',
        path: 'schemaVersion',
      });
    }
    expect(upgradeEvent('received')).toMatchObject({ ok: false, code: 'event.invalid' });
    expect(upgradeEvent(null)).toMatchObject({ ok: false, code: 'event.invalid' });
  });

  it('accepts "unrecorded" only on an event that was upgraded', () => {
    const reviewed = makeEvent(undefined, 'document-reviewed', review('att-med', 'confirmed', UNRECORDED));
    expect(upgradeEvent(reviewed)).toEqual({
      ok: false,
      code: 'payload.invalid',
      path: 'payload.check.status',
    });
    expect(upgradeEvent({ ...reviewed, upgradedFrom: 1 }).ok).toBe(true);
    const { signatureSha256: _s, signedAt: _a, timestamped: _t, ...old } = signature('a'.repeat(64), 'x');
    const signed = makeEvent(undefined, 'signed', { ...old, signatureFormat: UNRECORDED });
    expect(upgradeEvent(signed)).toMatchObject({ ok: false, path: 'payload.signatureFormat' });
    const registered = makeEvent(undefined, 'registered', {
      registrationNumber: '1',
      registeredOn: '2026-12-14',
      dueOn: '2026-12-14',
      calendarVersion: UNRECORDED,
    });
    expect(upgradeEvent(registered)).toMatchObject({ ok: false, path: 'payload.calendarVersion' });
  });

  it('is idempotent: an upgraded event read again stays the same', () => {
    for (const { events } of Object.values(V1_FIXTURES)) {
      for (const e of events) {
        const once = upgraded(e);
        expect(upgraded(structuredClone(once))).toEqual(once);
      }
    }
  });
});
