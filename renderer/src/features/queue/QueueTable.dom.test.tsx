// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLUMNS } from './columns';
import { QueueTable, type QueueTableText } from './QueueTable';
import type { RowView } from './rowView';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const TEXT: QueueTableText = {
  caption: 'Кезек',
  empty: 'Бос',
  columns: Object.fromEntries(COLUMNS.map((c) => [c, c])) as QueueTableText['columns'],
};

interface Row {
  caseId: string;
  complaints: number;
}

function view(r: Row): RowView {
  const words = { short: r.caseId, full: r.caseId };
  return {
    caseId: r.caseId,
    caseNumber: r.caseId,
    registrationNumber: '',
    applicant: 'Ахметова Айгүл',
    pupil: 'Ахметов Ерлан',
    ground: words,
    school: '№ 12 мектеп, 7 «А»',
    stage: words,
    due: { date: '04.12.2026', days: '2', state: '', tone: 'neutral', kind: 'stage' },
    term: { date: '10.12.2026', days: '6' },
    officer: '',
    complaints: Array.from({ length: r.complaints }, () => ({
      short: 'Әкімдікке',
      full: 'Әкімдікке',
      tone: 'neutral',
    })),
  };
}

/** The table as the queue screen drives it: one keyAt and hasComplaintsAt per list of rows. */
function render(root: Root, rows: readonly Row[]) {
  const keyAt = (i: number) => rows[i]!.caseId;
  const hasComplaintsAt = (i: number) => rows[i]!.complaints > 0;
  root.render(
    <QueueTable
      text={TEXT}
      count={rows.length}
      viewAt={(i) => view(rows[i]!)}
      keyAt={keyAt}
      hasComplaintsAt={hasComplaintsAt}
      onOpen={() => undefined}
      columns={COLUMNS}
      initialScroll={0}
      onScroll={() => undefined}
    />,
  );
}

const listHeight = (host: HTMLElement) =>
  (host.querySelector('[data-testid="queue-scroll"] > div') as HTMLElement).style.height;

describe('QueueTable', () => {
  let host: HTMLElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  it('places the rows again when a new list of the same length has other heights', () => {
    act(() =>
      render(root, [
        { caseId: 'a', complaints: 0 },
        { caseId: 'b', complaints: 0 },
        { caseId: 'c', complaints: 0 },
      ]),
    );
    expect(listHeight(host)).toBe(`${3 * 56}px`);
    // A search that finds as many cases, one of them with an open complaint (a taller row).
    act(() =>
      render(root, [
        { caseId: 'd', complaints: 0 },
        { caseId: 'e', complaints: 1 },
        { caseId: 'f', complaints: 0 },
      ]),
    );
    expect(listHeight(host)).toBe(`${2 * 56 + 80}px`);
  });

  it('keeps the places while the same list of rows is drawn again', () => {
    const rows = [
      { caseId: 'a', complaints: 1 },
      { caseId: 'b', complaints: 0 },
    ];
    act(() => render(root, rows));
    expect(listHeight(host)).toBe(`${80 + 56}px`);
    act(() => render(root, rows));
    expect(listHeight(host)).toBe(`${80 + 56}px`);
  });
});
