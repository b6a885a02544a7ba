/**
 * Real case states for the UI's tests: the demo desk's cases, built through the reducer, picked by
 * what they are (imported by *.test.ts only).
 */
import i18next, { type TFunction } from 'i18next';
import { kazakhstanCalendar } from '../../../shared/calendar';
import { isCaseUser, type CaseUser, type DeskUser } from '../../../shared/auth';
import { DEMO_USERS } from '../../../shared/auth/demo-users';
import { DEMO_SETTINGS } from '../../../shared/settings';
import type { CaseEvent, CaseState } from '../../../shared/workflow';
import { buildDemoCases, type DemoCase } from '../demo';
import { kk, ru } from '../i18n/all';
import type { ActionContext } from '../features/actions/actionTypes';

export const TODAY = '2026-11-24';
export const NOW = '2026-11-24T05:00:00.000Z'; // 10:00 in Almaty

let cached: DemoCase[] | undefined;

export function demoCases(): DemoCase[] {
  cached ??= buildDemoCases({ today: TODAY, calendar: kazakhstanCalendar, settings: DEMO_SETTINGS });
  return cached;
}

export function demoCase(
  target: DemoCase['plan']['target'],
  where: (c: DemoCase) => boolean = () => true,
): DemoCase {
  const found = demoCases().find((c) => c.plan.target === target && where(c));
  if (!found) throw new Error(`no demo case for ${target}`);
  return found;
}

/** The demo desk's users as the directory lists them (signed-in users have a secret). */
export const DEMO_DESK_USERS: readonly DeskUser[] = DEMO_USERS.map(({ profile }) => ({
  ...profile,
  active: true,
  hasSecret: true,
  demo: true,
  createdAt: '2026-11-24T04:00:00.000Z',
  createdBy: 'demo',
}));

/** A demo officer or head, as the session holds them once signed in. */
export function user(id: string): CaseUser {
  const found = DEMO_DESK_USERS.find((u) => u.id === id);
  if (!found || !isCaseUser(found)) throw new Error(`no demo officer or head ${id}`);
  return found;
}

/** Every attachment of the case read as a PDF unless `files` says otherwise (by SHA-256). */
export function readableFiles(state: CaseState): ActionContext['files'] {
  return Object.fromEntries(
    state.application.attachments.map((a) => [a.sha256.toLowerCase(), { status: 'readable', kind: 'pdf' }]),
  );
}

export function actionContext(
  state: CaseState,
  userId = state.assignedTo ?? 'officer-1',
  files: ActionContext['files'] = readableFiles(state),
  events: readonly CaseEvent[] = [],
): ActionContext {
  return {
    state,
    events,
    user: user(userId),
    users: DEMO_DESK_USERS,
    today: TODAY,
    calendar: kazakhstanCalendar,
    now: NOW,
    files,
    chosen: {},
  };
}

/** The desk's translations in a separate instance (no DOM, no shared state between tests). */
export async function translations(): Promise<{ i18n: typeof i18next; kk: TFunction; ru: TFunction }> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { kk: { translation: kk }, ru: { translation: ru } },
    lng: 'kk',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  return { i18n, kk: i18n.getFixedT('kk'), ru: i18n.getFixedT('ru') };
}
