/** The whole demo desk as data: pure, deterministic for a seed, no storage. */
import { DEMO_USERS } from '../../../shared/auth/demo-users';
import type { IsoDate, WorkingDayCalendar } from '../../../shared/calendar/types';
import { legalBasisFor, type Settings } from '../../../shared/settings';
import { buildCase, type BuiltCase, type DemoContext } from './build-case';
import { DEMO_FILES, DEMO_SIGNED } from './files/manifest';
import { demoPlans, DEMO_COUNTS, type CasePlan, type Target } from './plan';
import { Random } from './random';

export const DEFAULT_DEMO_SEED = 20_261_124;

export interface BuildDemoOptions {
  today: IsoDate;
  seed?: number;
  calendar: WorkingDayCalendar;
  settings: Settings;
  counts?: Readonly<Record<Target, number>>;
  /** Index of the first case (numbers derive from it); slices of a large set pass their offset. */
  firstIndex?: number;
}

export function demoContext(options: Pick<BuildDemoOptions, 'today' | 'calendar' | 'settings'>): DemoContext {
  const { settings } = options;
  // The demo's cases are made by the demo's users (the settings hold no users since version 6).
  const users = DEMO_USERS.map((u) => u.profile);
  const head = users.find((u) => u.role === 'head');
  const officers = users.filter((u) => u.role === 'officer').map((u) => u.id);
  if (!head) throw new Error('demo data needs a head among the users');
  return {
    today: options.today,
    calendar: options.calendar,
    officers: officers.length > 0 ? officers : [head.id],
    head: { id: head.id, name: head.fullName },
    legalBasis: legalBasisFor(settings.akimat.level),
    files: DEMO_FILES,
    signed: DEMO_SIGNED,
  };
}

export interface DemoCase extends BuiltCase {
  plan: CasePlan;
}

export function buildDemoCases(options: BuildDemoOptions): DemoCase[] {
  const random = new Random(options.seed ?? DEFAULT_DEMO_SEED);
  const ctx = demoContext(options);
  return demoPlans(random, options.counts ?? DEMO_COUNTS, options.firstIndex ?? 0).map((plan) => ({
    plan,
    ...buildCase(random, plan, ctx),
  }));
}
