import type { DeskBenchResult } from './desk';

/** One row of the forms benchmark (test/bench/forms-node.ts returns these). */
export interface FormRow {
  form: string;
  language: string;
  warmMs: number;
  bytes: number;
}

/** The goals of the desk issue: open < 500 ms, keystroke < 50 ms, heap < 150 MB. */
export const GOALS = { openMs: 500, keystrokeMs: 50, heapMb: 150 } as const;

const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

export function deskSummary(r: DeskBenchResult): string[] {
  return [
    `# Desk benchmark (${r.cases} cases in IndexedDB)`,
    '',
    '| measure | result | goal |',
    '| --- | --- | --- |',
    `| open the desk → queue drawn, median of ${r.openMs.runs.length} reloads | ${r.openMs.median} ms (first open ${r.openMs.first} ms) | < ${GOALS.openMs} ms: ${mark(r.openMs.median < GOALS.openMs)} |`,
    `| JavaScript loaded when the queue is drawn | ${r.scriptKbAtDraw} KB | |`,
    `| search keystroke → list updated (DOM), median / max of ${r.searchMs.keystrokes} | ${r.searchMs.domMedian} / ${r.searchMs.domMax} ms | < ${GOALS.keystrokeMs} ms: ${mark(r.searchMs.domMax < GOALS.keystrokeMs)} |`,
    `| search keystroke → next frame drawn, median / max | ${r.searchMs.frameMedian} / ${r.searchMs.frameMax} ms | |`,
    `| search words of every case built, after the queue is drawn (idle time) | ${r.searchMs.indexReadyAfterDrawMs} ms | |`,
    `| JS heap used (after GC) | ${r.heapUsedMb} MB | < ${GOALS.heapMb} MB: ${mark(r.heapUsedMb < GOALS.heapMb)} |`,
    `| queue rows in the DOM (virtual list) | ${r.rowsInDom} | |`,
  ];
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
