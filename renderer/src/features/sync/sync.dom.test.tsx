// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskUser } from '../../../../shared/auth';
import type { SyncStatus } from '../../../../shared/sync';
import type { Desk } from '../../db';
import { openTestDesk } from '../../db/testing';
import { seedConflict } from '../../db/testing-conflict';
import { setLanguage } from '../../i18n';
import { useDesk } from '../../stores/deskStore';
import { useSession } from '../../stores/sessionStore';
import { SyncProblems } from './SyncProblems';
import { SyncSection } from './SyncSection';
import { SyncStatusBadge } from './SyncStatus';
import { useSync, type Enrolment } from './syncStore';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const ENROLMENT: Enrolment = {
  serverOrigin: 'https://central.example.kz',
  deviceId: 'dev-1',
  userId: 'officer-1',
  userName: 'Серікова Аружан',
  akimat: { kk: 'Әкімдік', ru: 'Акимат' },
  enrolledAt: '2026-12-01T05:00:00.000Z',
};
const OFFICER: DeskUser = {
  id: 'officer-1',
  fullName: 'Серікова Аружан',
  role: 'officer',
  position: { kk: 'Бас маман', ru: 'Главный специалист' },
  active: true,
  hasSecret: true,
  demo: false,
  createdAt: '2026-12-01T05:00:00.000Z',
  createdBy: 'central',
};
const status = (over: Partial<SyncStatus>): SyncStatus => ({
  phase: 'idle',
  lastSyncedAt: null,
  progress: null,
  pending: 0,
  problems: 0,
  ...over,
});

let container: HTMLElement;
let root: Root;
beforeEach(() => {
  setLanguage('ru');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  useSync.setState({ enrolment: null, status: null });
  vi.restoreAllMocks();
});

const text = () => container.textContent ?? '';
const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);
const buttonNamed = (name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === name);
async function settle(): Promise<void> {
  // The problems view reads IndexedDB: let those reads and the renders after them finish.
  for (let i = 0; i < 20; i += 1) await act(() => new Promise((r) => setTimeout(r, 5)));
}

describe('the header’s sync status', () => {
  it('says nothing before enrolment', () => {
    act(() => root.render(<SyncStatusBadge />));
    expect(byTestId('sync-status')).toBeNull();
  });

  it('shows the progress of a run with a bar, then the pending count, then the problems', () => {
    useSync.setState({
      enrolment: ENROLMENT,
      status: status({
        phase: 'syncing',
        progress: { cases: 0, files: 1, filesTotal: 3, events: 0, eventsTotal: 5 },
      }),
    });
    act(() => root.render(<SyncStatusBadge />));
    expect(text()).toContain('Обмен: файлы 1 из 3');
    const bar = container.querySelector('progress');
    expect(bar?.getAttribute('max')).toBe('8');
    expect(bar?.getAttribute('value')).toBe('1');
    // While a run is under way there is no second "sync now".
    expect(buttonNamed('Обменяться сейчас')).toBeUndefined();

    act(() => useSync.setState({ status: status({ pending: 2 }) }));
    expect(text()).toContain('Ждут отправки 2 действия');
    expect(container.querySelector('progress')).toBeNull();

    act(() => useSync.setState({ status: status({ pending: 2, problems: 1 }) }));
    expect(text()).toContain('1 действие требует внимания');
  });

  it('syncs on demand', () => {
    const syncNow = vi.fn(() => Promise.resolve());
    useSync.setState({
      enrolment: ENROLMENT,
      status: status({ lastSyncedAt: '2026-12-01T05:07:00.000Z' }),
      syncNow,
    });
    act(() => root.render(<SyncStatusBadge />));
    act(() => buttonNamed('Обменяться сейчас')!.click());
    expect(syncNow).toHaveBeenCalledTimes(1);
  });
});

describe('settings → the central system', () => {
  it('checks the code and the device name before asking the server, and keeps what was typed', async () => {
    const desk = await openTestDesk();
    useDesk.setState({ desk });
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    act(() => root.render(<SyncSection />));
    const input = (id: string) => container.querySelector<HTMLInputElement>(`#${id}`)!;
    const type = (id: string, value: string) =>
      act(() => {
        const el = input(id);
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    type('sync-origin', 'https://central.example.kz');
    type('sync-code', '7KQ2-M9XD');
    await act(() => Promise.resolve(buttonNamed('Подключить стол')!.click()));
    expect(text()).toContain('Код — 16 букв и цифр');
    type('sync-code', '7kq2 m9xd 40rt jh3c');
    await act(() => Promise.resolve(buttonNamed('Подключить стол')!.click()));
    expect(text()).toContain('Укажите название компьютера.');
    expect(input('sync-code').value).toBe('7kq2 m9xd 40rt jh3c');
    expect(fetchSpy).not.toHaveBeenCalled();
    // The browser says plainly that it keeps the token more weakly than the installed desk.
    expect(text()).toContain('слабее');
    desk.close();
  });

  it('once enrolled, names the server and the user and offers sign-out', async () => {
    const desk = await openTestDesk();
    useDesk.setState({ desk });
    useSync.setState({ enrolment: ENROLMENT, status: status({}) });
    act(() => root.render(<SyncSection />));
    expect(byTestId('sync-enrolment')?.textContent).toBe(
      'Стол подключён к https://central.example.kz для пользователя Серікова Аружан.',
    );
    expect(buttonNamed('Отключить это устройство')).toBeDefined();
    desk.close();
  });
});

/** A conflicted case whose server version came with the conflict answer. */
async function conflictedDesk(): Promise<{ desk: Desk; caseId: string }> {
  const desk = await openTestDesk();
  const { caseId, server } = await seedConflict(desk, 'LOCAL-7');
  await desk.sync.setServerCase(caseId, {
    caseId,
    version: server.current.version,
    stage: server.current.stage,
    assignedTo: 'officer-1',
    events: server.events,
    files: [],
  });
  return { desk, caseId };
}

describe('the sync problems view', () => {
  async function show(desk: Desk) {
    useDesk.setState({ desk, calendar: await desk.calendar.get(), users: [OFFICER] });
    useSession.setState({ user: OFFICER });
    useSync.setState({ enrolment: ENROLMENT, status: status({ problems: 1 }) });
    act(() => root.render(<SyncProblems />));
    await settle();
  }

  it('shows what was done here beside what the server has, in the officer’s words', async () => {
    const { desk } = await conflictedDesk();
    await show(desk);
    const problem = byTestId('sync-problem');
    expect(problem?.textContent).toContain('пока вы работали, в центральной системе его изменили');
    const local = byTestId('sync-problem-local')!.querySelectorAll('li');
    expect(local).toHaveLength(2);
    expect(local[0]?.textContent).toContain('LOCAL-7');
    const server = byTestId('sync-problem-server')!.textContent ?? '';
    expect(server).toContain('R-1');
    expect(server).not.toContain('LOCAL-7');
    desk.close();
  });

  it('discarding records the events as not accepted and shows the server’s version', async () => {
    const { desk, caseId } = await conflictedDesk();
    await show(desk);
    await act(() =>
      Promise.resolve(buttonNamed('Не отправлять мои действия (принять версию сервера)')!.click()),
    );
    await settle();
    expect(text()).toContain('записаны в истории как не принятые');
    expect(await desk.outbox.countUnsent()).toBe(0);
    expect((await desk.cases.get(caseId))?.state.registrationNumber).toBe('R-1');
    const kept = await desk.cases.notAccepted(caseId);
    expect(kept.map((k) => [k.problem, k.resolution, k.resolvedBy])).toEqual([
      ['conflict', 'discarded', 'officer-1'],
      ['pending', 'discarded', 'officer-1'],
    ]);
    // Resolved: the view has nothing left to show.
    expect(byTestId('sync-problem')).toBeNull();
    desk.close();
  });

  it('re-applying goes through the action path and says when the server’s state refuses it', async () => {
    const { desk, caseId } = await conflictedDesk();
    await show(desk);
    await act(() => Promise.resolve(buttonNamed('Повторить мои действия на версии сервера')!.click()));
    await settle();
    // The server registered the case already: the reducer refuses registering it again.
    expect(text()).toContain('Повторено действий: 0. «');
    expect(await desk.outbox.countUnsent()).toBe(0);
    expect((await desk.cases.notAccepted(caseId)).every((k) => k.resolution === 'reapplied')).toBe(true);
    desk.close();
  });
});
