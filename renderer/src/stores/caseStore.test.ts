import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../../shared/calendar';
import { registrationPayload, type CaseEvent } from '../../../shared/workflow';
import { openDesk, sha256Hex, StorageError, type Desk } from '../db';
import { uniqueName } from '../db/testing';
import { useCase } from './caseStore';
import { setClockForTests } from './clock';
import { useDesk } from './deskStore';
import { demoCase, NOW, TODAY, user } from './fixtures';
import { inQueue } from '../features/queue/queueModel';
import { resetQueueStore, useQueue } from './queueStore';
import { useSession } from './sessionStore';

let desk: Desk;
const registration = demoCase('registration');
const review = demoCase('review', (c) => c.state.decision === undefined);
/** The registration as the dialog makes it at NOW. */
const registered = (n: string) => registrationPayload(registration.state, kazakhstanCalendar, NOW, n);

beforeEach(async () => {
  setClockForTests(() => new Date(NOW));
  desk = await openDesk({ name: uniqueName('ui') });
  await desk.cases.importCases([registration, review]);
  useDesk.setState({
    status: 'ready',
    desk,
    settings: await desk.settings.get(),
    calendar: await desk.calendar.get(),
    notice: null,
  });
  useSession.getState().signIn(user('officer-1'));
  useCase.setState({ caseId: null, status: 'idle', state: null, events: [] });
});

afterEach(() => {
  resetQueueStore();
  desk.close();
});

describe('the case store', () => {
  it('appends an action as an event through the reducer, with its outbox entry', async () => {
    await useCase.getState().load(registration.state.caseId);
    expect(useCase.getState().status).toBe('ready');
    const before = useCase.getState().events.length;

    const outcome = await useCase.getState().act('registered', registered('01-07/1'));
    expect(outcome).toEqual({ ok: true });
    const { state, events } = useCase.getState();
    expect(state?.stage).toBe('completeness');
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      type: 'registered',
      actor: { userId: 'officer-1', role: 'officer' },
      // NOW written at the case's office offset, as every event the desk makes.
      at: '2026-11-24T10:00:00.000+05:00',
      schemaVersion: 3,
      origin: { kind: 'desk' },
    });
    expect(await desk.outbox.countPending()).toBe(1);
    // What the store shows is what is stored.
    expect((await desk.cases.get(registration.state.caseId))?.state).toEqual(state);
  });

  it('returns the reducer’s reason for an action the actor may not make, and stores nothing', async () => {
    await useCase.getState().load(review.state.caseId);
    const holder = review.state.assignedTo === 'officer-1' ? 'officer-2' : 'officer-1';
    useSession.getState().signIn(user(holder));
    const outcome = await useCase.getState().act('order-prepared', { orderNumber: '1', orderDate: TODAY });
    expect(outcome).toEqual({
      ok: false,
      reason: { code: 'case.not-assigned', params: { assignedTo: review.state.assignedTo } },
    });
    expect(await desk.outbox.countPending()).toBe(0);
    expect(useCase.getState().state).toEqual(review.state);
  });

  it('reports a full disk as a code and keeps the case as it was', async () => {
    await useCase.getState().load(registration.state.caseId);
    const original = useCase.getState().state;
    desk.cases.ingest = () => Promise.reject(new StorageError('quota'));
    const outcome = await useCase.getState().act('registered', registered('2'));
    expect(outcome).toEqual({ ok: false, problem: 'quota' });
    expect(useCase.getState().state).toBe(original);
  });

  it('retries a failed write with the same event, and makes a new one for a changed action', async () => {
    await useCase.getState().load(registration.state.caseId);
    const ingest = desk.cases.ingest.bind(desk.cases);
    const tried: CaseEvent[] = [];
    let failing = true;
    desk.cases.ingest = (caseId, events, source, options) => {
      tried.push(...events);
      return failing ? Promise.reject(new StorageError('quota')) : ingest(caseId, events, source, options);
    };
    const payload = registered('01-07/4');
    expect(await useCase.getState().act('registered', payload)).toEqual({ ok: false, problem: 'quota' });
    setClockForTests(() => new Date(Date.parse(NOW) + 60_000));
    expect(await useCase.getState().act('registered', payload)).toEqual({ ok: false, problem: 'quota' });
    expect(tried[1]).toBe(tried[0]);

    // The officer corrects the number: another payload, another event.
    const corrected = { ...payload, registrationNumber: '01-07/5' };
    await useCase.getState().act('registered', corrected);
    expect(tried[2]!.id).not.toBe(tried[0]!.id);
    failing = false;
    expect(await useCase.getState().act('registered', corrected)).toEqual({ ok: true });
    expect(tried[3]!.id).toBe(tried[2]!.id);
    expect(useCase.getState().events.at(-1)?.id).toBe(tried[2]!.id);
  });

  it('records an action once when a write that did commit is reported failed and tried again', async () => {
    await useCase.getState().load(registration.state.caseId);
    const before = (await desk.cases.get(registration.state.caseId))!.events.length;
    const ingest = desk.cases.ingest.bind(desk.cases);
    let lose = true;
    desk.cases.ingest = async (caseId, events, source, options) => {
      const result = await ingest(caseId, events, source, options);
      if (lose) {
        lose = false;
        throw new StorageError('unavailable'); // committed, but the answer was lost
      }
      return result;
    };
    const payload = registered('01-07/8');
    expect(await useCase.getState().act('registered', payload)).toEqual({
      ok: false,
      problem: 'unavailable',
    });
    expect(await useCase.getState().act('registered', payload)).toEqual({ ok: true });
    const stored = (await desk.cases.get(registration.state.caseId))!;
    expect(stored.events).toHaveLength(before + 1);
    expect(await desk.outbox.countPending()).toBe(1);
  });

  it('stores nothing of a refused action, not even its files', async () => {
    await useCase.getState().load(review.state.caseId);
    const other = review.state.assignedTo === 'officer-1' ? 'officer-2' : 'officer-1';
    useSession.getState().signIn(user(other));
    const bytes = new TextEncoder().encode('%PDF-1.7 refused');
    const sha256 = await sha256Hex(bytes);
    const outcome = await useCase
      .getState()
      .act(
        'document-produced',
        { form: 'appendix-4', language: 'kk', sha256, templateId: 'appendix-4.kk', templateVersion: '1.0.0' },
        { files: [{ sha256, blob: new Blob([bytes]), fileName: 'a.pdf', mimeType: 'application/pdf' }] },
      );
    expect(outcome).toMatchObject({ ok: false, reason: { code: 'case.not-assigned' } });
    expect(await desk.attachments.get(sha256)).toBeUndefined();
  });

  it('stores the files an event refers to with it', async () => {
    await useCase.getState().load(review.state.caseId);
    useSession.getState().signIn(user(review.state.assignedTo!));
    const bytes = new TextEncoder().encode('%PDF-1.7 produced');
    const sha256 = await sha256Hex(bytes);
    const blob = new Blob([bytes]);
    const payload = {
      form: 'appendix-4' as const,
      language: 'kk' as const,
      sha256,
      templateId: 'appendix-4.kk',
      templateVersion: '1.0.0',
    };
    const outcome = await useCase.getState().act('document-produced', payload, {
      files: [{ sha256, blob, fileName: 'a.pdf', mimeType: 'application/pdf' }],
    });
    expect(outcome).toEqual({ ok: true });
    const stored = await desk.attachments.get(sha256);
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(bytes);
    expect(useCase.getState().events.at(-1)).toMatchObject({ type: 'document-produced', payload });
  });

  it('says when a case does not exist', async () => {
    await useCase.getState().load('no-such-case');
    expect(useCase.getState().status).toBe('missing');
  });
});

describe('the queue store', () => {
  it('loads every row with today’s working days and follows changes to cases', async () => {
    await useQueue.getState().load();
    const { sorted, today } = useQueue.getState();
    expect(today).toBe(TODAY);
    expect(sorted.map((r) => r.row.caseId).sort()).toEqual(
      [registration.state.caseId, review.state.caseId].sort(),
    );
    expect(
      inQueue(
        sorted.find((r) => r.row.caseId === registration.state.caseId)!,
        'to-register',
      ),
    ).toBe(true);

    await useCase.getState().load(registration.state.caseId);
    await useCase.getState().act('registered', registered('3'));
    await expect
      .poll(
        () => useQueue.getState().sorted.find((r) => r.row.caseId === registration.state.caseId)?.row.stage,
      )
      .toBe('completeness');
  });
});
