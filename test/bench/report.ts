import type { DeskBenchResult } from './desk';

/** One row of the forms benchmark (test/bench/forms-node.ts returns these). */
export interface FormRow {
  form: string;
  language: string;
  warmMs: number;
  bytes: number;
}

export interface DeskGoals {
  openMs: number;
  keystrokeMs: number;
  heapMb: number;
}

/**
 * The goals: at 10,000 cases open < 500 ms (and no worse than before), keystroke < 50 ms, heap
 * < 150 MB; at 100,000 (issue 7) open < 1 s, keystroke < 50 ms, heap < 200 MB.
 */
export function goalsFor(cases: number): DeskGoals {
  return cases >= 100_000
    ? { openMs: 1000, keystrokeMs: 50, heapMb: 200 }
    : { openMs: 500, keystrokeMs: 50, heapMb: 150 };
}

const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

type Pick = (r: DeskBenchResult) => string;

/** The measures of one run, each as text; the before column uses the same functions. */
const MEASURES: ReadonlyArray<{ name: (r: DeskBenchResult) => string; value: Pick; goal?: Pick }> = [
  {
    name: (r) => `open the desk → queue drawn, median of ${r.openMs.runs.length} reloads`,
    value: (r) => `${r.openMs.median} ms (first ${r.openMs.first} ms)`,
    goal: (r) => `< ${goalsFor(r.cases).openMs} ms: ${mark(r.openMs.median < goalsFor(r.cases).openMs)}`,
  },
  {
    name: (r) => `search keystroke → list updated (DOM), median / max of ${r.searchMs.keystrokes}`,
    value: (r) => `${r.searchMs.domMedian} / ${r.searchMs.domMax} ms`,
    goal: (r) =>
      `< ${goalsFor(r.cases).keystrokeMs} ms: ${mark(r.searchMs.domMax < goalsFor(r.cases).keystrokeMs)}`,
  },
  {
    name: () => 'search keystroke → next frame drawn, median / max',
    value: (r) => `${r.searchMs.frameMedian} / ${r.searchMs.frameMax} ms`,
  },
  {
    name: () => 'JS heap used (after GC)',
    value: (r) => `${r.heapUsedMb} MB`,
    goal: (r) => `< ${goalsFor(r.cases).heapMb} MB: ${mark(r.heapUsedMb < goalsFor(r.cases).heapMb)}`,
  },
  { name: () => 'JavaScript loaded when the queue is drawn', value: (r) => `${r.scriptKbAtDraw} KB` },
  {
    name: () => 'JS on the start path: the build’s entry and the chunks it imports statically',
    value: (r) => (r.startPathKb !== undefined ? `${r.startPathKb} KB` : '—'),
  },
  {
    name: () => 'search words of every case built, after the queue is drawn (idle time)',
    value: (r) => `${r.searchMs.indexReadyAfterDrawMs} ms`,
  },
  {
    name: () => 'storing the cases (generation included)',
    value: (r) => (r.seedMs === 0 ? 'kept profile' : `${(r.seedMs / 1000).toFixed(1)} s`),
  },
  {
    name: () => 'opening the database on the seed page (a kept one: with its upgrade and rebuild)',
    value: (r) => (r.seedOpenMs === undefined ? '—' : `${r.seedOpenMs} ms`),
  },
  {
    name: (r) => (r.profile === 'disk' ? 'IndexedDB on disk' : 'storage estimate'),
    value: (r) => `${r.storedMb} MB (${r.storedKbPerCase} KB a case)`,
  },
  {
    name: () => 'where opening spends its time (storage and preparing, no UI), median of 3',
    value: (r) =>
      Object.entries(r.store.openSteps ?? {})
        .map(([step, ms]) => `${step} ${ms}`)
        .join(' · ') || '—',
  },
  {
    name: () => 'search in storage: repository list({ search }), median / max',
    value: (r) =>
      r.store.repositorySearch
        ? `${r.store.repositorySearch.median} / ${r.store.repositorySearch.max} ms`
        : 'removed (version 5)',
  },
  {
    name: () => 'search in memory: viewQueue over prepared rows, median / max',
    value: (r) => `${r.store.memorySearch.median} / ${r.store.memorySearch.max} ms`,
  },
  {
    name: () => 'in-memory search set-up: read, prepare, sort, build words',
    value: (r) => `${r.store.memorySetupMs} ms`,
  },
  {
    name: () => 'rebuild every projection from the log',
    value: (r) => (r.store.rebuildMs === undefined ? '—' : `${(r.store.rebuildMs / 1000).toFixed(2)} s`),
  },
  { name: () => 'queue rows in the DOM (virtual list)', value: (r) => String(r.rowsInDom) },
  {
    name: () =>
      'head’s dashboard: read every case’s facts and date them for today (before version 10: every case whole), median of 3',
    value: (r) => (r.dashboard ? `${r.dashboard.loadMs} ms` : '—'),
  },
  {
    name: () => 'head’s dashboard: aggregate this month (compliance, load, decisions, durations, complaints)',
    value: (r) => (r.dashboard ? `${r.dashboard.aggregateMs} ms` : '—'),
  },
  {
    name: () => 'head’s dashboard: open #/dashboard → tables and charts drawn, median of 3',
    value: (r) => (r.dashboard ? `${r.dashboard.drawnMs} ms` : '—'),
  },
  {
    name: () => 'what the tables hold (records; JSON size, share)',
    value: (r) => {
      const tables = Object.entries(r.store.tables ?? {}).filter(([, t]) => t.count > 0);
      const total = tables.reduce((n, [, t]) => n + t.mb, 0);
      return tables.length === 0
        ? '—'
        : tables
            .sort((a, b) => b[1].mb - a[1].mb)
            .map(
              ([name, t]) =>
                `${name} ${t.count}: ${t.mb.toFixed(1)} MB (${Math.round((100 * t.mb) / total)}%)`,
            )
            .join('; ');
    },
  },
];

export function deskSummary(
  results: readonly DeskBenchResult[],
  before: readonly DeskBenchResult[],
): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const old = before.find((b) => b.cases === r.cases && b.profile === r.profile);
    lines.push(
      `# Desk benchmark: ${r.cases} cases, ${r.profile} profile`,
      '',
      '| measure | before | now | goal |',
      '| --- | --- | --- | --- |',
      ...MEASURES.map(
        (m) => `| ${m.name(r)} | ${old ? m.value(old) : '—'} | ${m.value(r)} | ${m.goal ? m.goal(r) : ''} |`,
      ),
      '',
    );
    if (old && r.cases < 100_000)
      lines.push(
        `Opening at ${r.cases} cases: ${old.openMs.median} ms before, ${r.openMs.median} ms now (${mark(r.openMs.median <= old.openMs.median * 1.05)}: no worse than before, within 5%).`,
        '',
      );
  }
  return lines;
}

export function formsSummary(rows: readonly FormRow[]): string[] {
  return [
    '# Forms benchmark (Node, warm render)',
    '',
    '| form | language | warm ms | bytes |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.form} | ${r.language} | ${r.warmMs} | ${r.bytes} |`),
  ];
}
