/**
 * The central server's database for the sync benchmark, written in bulk into a PGlite directory (or
 * a PostgreSQL database) before the server process starts on it: the demo akimat and its users,
 * `history` cases with the desk benchmark's own generated histories (the demo's mix of stages,
 * about 8.5 events a case) in the change log in time order, and `fresh` new applications assigned
 * to an officer, for the desks to act on. Not the server's apply path (that is what the push and
 * load parts measure): rows are folded here with the same reducer and inserted a few thousand at a
 * time, so that seeding 10,000 cases takes seconds rather than the bench's whole budget.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { build } from 'vite';
import { formatInstant } from '../../shared/calendar/instant';
import { requiredDocuments } from '../../shared/documents/kinds';
import {
  applyEvent,
  EVENT_SCHEMA_VERSION,
  REDUCER_VERSION,
  type CaseEvent,
  type CaseState,
} from '../../shared/workflow';
import { prepareDatabase } from '../../server/src/central';
import { storeFile } from '../../server/src/files/files';
import { seedDemo, DEMO_AKIMAT } from '../../server/src/seed/demo';
import { makeApplication, OFFICE } from '../../server/src/seed/portal';
import type { Database } from '../../server/src/db/types';
import { isSettled } from '../../server/src/store/cases';

const ROOT = new URL('../../', import.meta.url);

type Generate = (n: number, seed: number) => Array<{ events: CaseEvent[] }>;

/**
 * The desk benchmark's generator (renderer/src/demo), built for Node by vite: it imports the demo
 * files as URLs, which only a bundler resolves.
 */
export async function loadGenerator(): Promise<Generate> {
  const outDir = new URL('.tmp/bench-gen/', ROOT).pathname;
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT.pathname,
    define: { __APP_VERSION__: JSON.stringify('bench') },
    build: {
      ssr: new URL('renderer/src/demo/generate.ts', ROOT).pathname,
      outDir,
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'generate.mjs' } },
    },
  });
  const mod = (await import(`${outDir}generate.mjs`)) as { generateCases: Generate };
  return mod.generateCases;
}

interface Row {
  id: string;
  case_id: string;
  case_version: number;
  type: string;
  body: CaseEvent;
  stage_before: string | null;
  stage_after: string;
  assigned_after: string | null;
  outcome_after: string | null;
  order: number;
}

/** Folds each case with the reducer: the log's rows, and each case's final state. */
function fold(cases: ReadonlyArray<{ events: readonly CaseEvent[] }>): { rows: Row[]; states: CaseState[] } {
  const rows: Row[] = [];
  const states: CaseState[] = [];
  for (const c of cases) {
    let state: CaseState | undefined;
    // The log holds events in the order they were recorded: a case's events never go back in time.
    let order = 0;
    for (const event of c.events) {
      const result = applyEvent(state, event);
      if (!result.ok) throw new Error(`a generated history does not fold: ${result.reason.code}`);
      order = Math.max(order, Date.parse(event.at));
      rows.push({
        id: event.id,
        case_id: event.caseId,
        case_version: result.state.version,
        type: event.type,
        body: event,
        stage_before: state?.stage ?? null,
        stage_after: result.state.stage,
        assigned_after: result.state.assignedTo ?? null,
        outcome_after: result.state.outcome ?? null,
        order,
      });
      state = result.state;
    }
    if (state) states.push(state);
  }
  return { rows, states };
}

async function insertLog(db: Database, rows: Row[], states: CaseState[]): Promise<void> {
  const CHUNK = 2000;
  for (let i = 0; i < states.length; i += CHUNK) {
    const part = states.slice(i, i + CHUNK).map((s) => ({
      id: s.caseId,
      akimat_id: DEMO_AKIMAT.id,
      version: s.version,
      stage: s.stage,
      assigned_to: s.assignedTo ?? null,
      case_number: s.application.caseNumber,
      registration_number: s.registrationNumber ?? null,
      state: s,
      reducer_version: REDUCER_VERSION,
      // As saveProjection writes it (migration 003): the last event's instant once settled.
      settled_at: isSettled(s) ? s.latestAt : null,
    }));
    await db.query(
      `INSERT INTO cases (id, akimat_id, version, stage, assigned_to, case_number, registration_number, state, reducer_version, settled_at)
       SELECT id, akimat_id, version, stage, assigned_to, case_number, registration_number, state, reducer_version, settled_at
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, akimat_id text, version int, stage text, assigned_to text,
              case_number text, registration_number text, state jsonb, reducer_version int, settled_at timestamptz)`,
      [JSON.stringify(part)],
    );
  }
  // Time order, and within one instant each case's own order: the change log as a year of work made it.
  const sorted = [...rows].sort(
    (a, b) => a.order - b.order || a.case_id.localeCompare(b.case_id) || a.case_version - b.case_version,
  );
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const part = sorted
      .slice(i, i + CHUNK)
      .map(({ order: _order, ...r }, n) => ({ ...r, akimat_id: DEMO_AKIMAT.id, n }));
    // One statement per chunk, and ORDER BY so the sequence numbers follow the log's order.
    await db.query(
      `INSERT INTO events (id, case_id, akimat_id, case_version, type, body, stage_before, stage_after, assigned_after, outcome_after)
       SELECT id, case_id, akimat_id, case_version, type, body, stage_before, stage_after, assigned_after, outcome_after
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, case_id text, akimat_id text, case_version int,
              type text, body jsonb, stage_before text, stage_after text, assigned_after text, outcome_after text, n int)
        ORDER BY n`,
      [JSON.stringify(part)],
    );
  }
}

/** New applications (received a day ago through the portal) assigned to `officerOf(i)` by the head. */
async function freshCases(
  db: Database,
  count: number,
  officerOf: (i: number) => string,
): Promise<Array<{ events: CaseEvent[] }>> {
  const demo = new URL('resources/demo/', ROOT);
  const files = new Map<string, { sha256: string; size: number }>();
  const stored = async (name: string, mimeType: string) => {
    const known = files.get(name);
    if (known) return known;
    const bytes = readFileSync(new URL(name, demo));
    const sha256 = await storeFile(db, bytes, mimeType, DEMO_AKIMAT.id);
    files.set(name, { sha256, size: bytes.length });
    return { sha256, size: bytes.length };
  };
  const now = Date.now();
  const cases: Array<{ events: CaseEvent[] }> = [];
  for (let i = 0; i < count; i++) {
    const caseId = randomUUID();
    const ground = 'health' as const;
    const [appKind = 'application', supportingKind = 'medical-conclusion'] = requiredDocuments(ground);
    const app = await stored('application.pdf', 'application/pdf');
    const supporting = await stored('medical-035-1.pdf', 'application/pdf');
    const attachments = [
      { id: `${caseId}-0`, kind: appKind, fileName: 'application.pdf', mimeType: 'application/pdf', ...app },
      {
        id: `${caseId}-1`,
        kind: supportingKind,
        fileName: 'medical-035-1.pdf',
        mimeType: 'application/pdf',
        ...supporting,
      },
    ];
    const receivedAt = now - 86_400_000;
    const application = makeApplication(
      receivedAt,
      `KZ-B-${String(i).padStart(6, '0')}`,
      attachments,
      ground,
    );
    const received: CaseEvent = {
      id: randomUUID(),
      caseId,
      baseVersion: 0,
      schemaVersion: EVENT_SCHEMA_VERSION,
      actor: { userId: 'egov', role: 'portal' },
      at: application.receivedAt,
      origin: { kind: 'portal' },
      type: 'received',
      payload: { application, office: { ...OFFICE } },
    };
    const assigned: CaseEvent = {
      id: randomUUID(),
      caseId,
      baseVersion: 1,
      schemaVersion: EVENT_SCHEMA_VERSION,
      actor: { userId: 'head-1', role: 'head' },
      at: formatInstant(receivedAt + 3_600_000, OFFICE.utcOffsetMinutes),
      origin: { kind: 'central' },
      type: 'assigned',
      payload: { officerId: officerOf(i) },
    };
    cases.push({ events: [received, assigned] });
  }
  return cases;
}

export interface SeedPlan {
  history: number;
  /** New applications per officer: officer id → count. */
  fresh: Record<string, number>;
}

export interface Seeded {
  historyEvents: number;
  /** The fresh cases' ids, by officer. */
  fresh: Record<string, string[]>;
  ms: number;
}

export async function seedSyncServer(db: Database, plan: SeedPlan, generate?: Generate): Promise<Seeded> {
  const t0 = performance.now();
  await prepareDatabase(db, false);
  await seedDemo(db, 0);
  let historyEvents = 0;
  if (plan.history > 0) {
    if (!generate) throw new Error('history cases need the generator');
    const SLICE = 5000;
    for (let done = 0; done < plan.history; done += SLICE) {
      const cases = generate(Math.min(SLICE, plan.history - done), 20_261_202 + done);
      const { rows, states } = fold(cases);
      await insertLog(db, rows, states);
      historyEvents += rows.length;
    }
  }
  const fresh: Record<string, string[]> = {};
  for (const [officer, count] of Object.entries(plan.fresh)) {
    const cases = await freshCases(db, count, () => officer);
    const { rows, states } = fold(cases);
    await insertLog(db, rows, states);
    fresh[officer] = states.map((s) => s.caseId);
  }
  return { historyEvents, fresh, ms: Math.round(performance.now() - t0) };
}
