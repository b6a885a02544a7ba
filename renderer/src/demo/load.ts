/** Loads the demo desk into the database: the files first, then the cases that reference them. */
import type { IsoDate } from '../../../shared/calendar/types';
import type { Stage } from '../../../shared/workflow';
import type { Desk } from '../db';
import { sha256Hex, UnsentWorkError } from '../db';
import { buildDemoCases, DEFAULT_DEMO_SEED } from './build';
import { DEMO_FILES, fetchDemoFiles, type DemoFileName, type DemoFiles } from './files/manifest';

export interface LoadDemoOptions {
  today: IsoDate;
  seed?: number;
  /** The demo files' bytes; fetched from the build when absent (tests pass them). */
  files?: DemoFiles;
}

export interface DemoSummary {
  cases: number;
  events: number;
  attachments: number;
  byStage: Record<Stage, number>;
}

async function storeFiles(desk: Desk, files: DemoFiles): Promise<number> {
  const names = Object.keys(DEMO_FILES) as DemoFileName[];
  for (const name of names) {
    const bytes = files[name];
    const expected = DEMO_FILES[name];
    // The cases reference these digests: a file that changed without its manifest would dangle.
    if ((await sha256Hex(bytes)) !== expected.sha256)
      throw new Error(`demo file ${name} does not match its manifest`);
    await desk.attachments.put(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: expected.mimeType }), {
      fileName: name,
      mimeType: expected.mimeType,
    });
  }
  return names.length;
}

/** Adds the demo cases (about 200) and their files to the desk. Deterministic for a seed and today. */
export async function loadDemoData(desk: Desk, options: LoadDemoOptions): Promise<DemoSummary> {
  const files = options.files ?? (await fetchDemoFiles());
  const attachments = await storeFiles(desk, files);
  const [settings, calendar] = await Promise.all([desk.settings.get(), desk.calendar.get()]);
  const cases = buildDemoCases({
    today: options.today,
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    calendar,
    settings,
  });
  // Through the one ingest path, as the central system's history: folded again by the reducer,
  // nothing in the outbox (the demo is not this desk's unsent work).
  const result = await desk.cases.ingestMany(
    cases.map((c) => ({ caseId: c.state.caseId, events: c.events })),
    'remote',
  );
  // The generator folds every case itself; a case the store refuses is a bug of the demo.
  const refused = result.refused[0];
  if (refused) throw new Error(`demo case refused by ingest: ${refused.reason.code}`);
  const byStage: Record<Stage, number> = {
    registration: 0,
    completeness: 0,
    school: 0,
    review: 0,
    approval: 0,
    'ready-to-send': 0,
    closed: 0,
  };
  for (const c of cases) byStage[c.state.stage] += 1;
  return {
    cases: cases.length,
    events: cases.reduce((n, c) => n + c.events.length, 0),
    attachments,
    byStage,
  };
}

/**
 * Empties the whole desk (settings back to the demo defaults) and loads the demo again. Refuses
 * with UnsentWorkError, changing nothing, while the outbox holds work the server has not
 * acknowledged (`desk.canClear()` says so beforehand).
 */
export async function resetDemoData(desk: Desk, options: LoadDemoOptions): Promise<DemoSummary> {
  const check = await desk.canClear();
  if (!check.ok) throw new UnsentWorkError(check.unsent);
  // Fetched before clearing: if the files cannot be read, the desk stays as it was.
  const files = options.files ?? (await fetchDemoFiles());
  await desk.clearAll();
  return loadDemoData(desk, { ...options, files });
}
