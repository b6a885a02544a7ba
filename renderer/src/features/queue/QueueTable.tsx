import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { markFirstScreen } from '../../app/firstScreen';
import { Badge } from '../../ui/Badge';
import { gridTemplate, type ColumnKey } from './columns';
import './queue.css';
import type { RowView } from './rowView';

export interface QueueTableText {
  caption: string;
  empty: string;
  columns: Record<ColumnKey, string>;
}

interface QueueTableProps {
  text: QueueTableText;
  count: number;
  /** Built only for the rows on screen: 10,000 view models would cost more than the list itself. */
  viewAt: (index: number) => RowView;
  keyAt: (index: number) => string;
  onOpen: (caseId: string) => void;
  /** Whether a row has open complaints (their line makes it taller); cheap, asked for every row. */
  hasComplaintsAt: (index: number) => boolean;
  columns: readonly ColumnKey[];
  /** Where the list was scrolled when the officer left it, and where it is scrolled now. */
  initialScroll: number;
  onScroll: (top: number) => void;
}

const ROW_HEIGHT = 56;
/** A row with open complaints has a line of its own for them: to whom and due when, one chip each. */
const ROW_HEIGHT_WITH_COMPLAINTS = 80;

/**
 * The complaints' line of a row, under the cells from the people column on: wide enough for two
 * chips at 1366 px, where the stage column is not. Hidden from screen readers, who hear the same
 * sentences in the stage cell; the whole sentence is each chip's title on hover.
 */
function ComplaintStrip({ v }: { v: RowView }) {
  return (
    <div className="complaint-strip" aria-hidden="true">
      {v.complaints.map((c, i) => (
        <span key={i} className={`complaint-chip tone-${c.tone}`} data-testid="complaint-chip" title={c.full}>
          {c.short}
        </span>
      ))}
    </div>
  );
}
let firstDrawMarked = false;

/** A cell whose words are short on screen and whole on hover and for screen readers. */
function Short({ text }: { text: { short: string; full: string } }) {
  return (
    <span role="cell" title={text.full} aria-label={text.full}>
      <span aria-hidden="true">{text.short}</span>
    </span>
  );
}

function cellOf(column: ColumnKey, v: RowView, onOpen: (caseId: string) => void): ReactNode {
  switch (column) {
    case 'caseNumber':
      return (
        <span role="cell" key={column}>
          <button type="button" className="link-button case-link" onClick={() => onOpen(v.caseId)}>
            {v.caseNumber}
          </button>
          {v.signature ? (
            <span
              className="signature-warning"
              role="img"
              aria-label={v.signature.full}
              title={v.signature.full}
              data-testid="row-signature-warning"
              data-warning={v.signature.warning}
            >
              {v.signature.short}
            </span>
          ) : null}
          <span className="sub">{v.registrationNumber}</span>
        </span>
      );
    case 'people':
      return (
        <span role="cell" key={column} className="cell-people" title={`${v.applicant}\n${v.pupil}`}>
          <span className="applicant">{v.applicant}</span>
          <span className="sub">{v.pupil}</span>
        </span>
      );
    case 'ground':
      return <Short key={column} text={v.ground} />;
    case 'school':
      return (
        <span role="cell" key={column} title={v.school}>
          {v.school}
        </span>
      );
    case 'stage':
      return (
        <span role="cell" key={column} title={v.stage.full} data-testid="row-stage">
          <span aria-hidden="true">{v.stage.short}</span>
          <span className="visually-hidden">{v.stage.full}</span>
          {v.complaints.length > 0 ? (
            // Read with the stage by screen readers; drawn as chips on the row's own line below.
            <span className="visually-hidden" data-testid="row-complaints">
              {v.complaints.map((c) => c.full).join('. ')}
            </span>
          ) : null}
        </span>
      );
    case 'due':
      return (
        <span role="cell" key={column} data-testid="row-due">
          <Badge tone={v.due.tone} text={v.due.state} />{' '}
          <span className={v.due.tone === 'bad' ? 'due-overdue' : undefined}>{v.due.date}</span>
          <span className="sub">{[v.due.kind, v.due.days].filter(Boolean).join(': ')}</span>
        </span>
      );
    case 'term':
      return (
        <span role="cell" key={column}>
          {v.term.date}
          <span className="sub">{v.term.days}</span>
        </span>
      );
    case 'officer':
      return (
        <span role="cell" key={column} title={v.officer}>
          {v.officer}
        </span>
      );
  }
}

/**
 * The virtualizer places every row again (an object for each) whenever getItemKey changes. So that
 * happens exactly when the rows change — and with them their heights — it gets one function per
 * list of rows (`keyAt` is one, from the queue screen), and its keys are the rows' positions: a
 * number, where a case id was a string to hash for each of 90,000 rows on a broad search keystroke.
 * React keys the drawn rows by their case.
 */
const positionKeys = new WeakMap<(index: number) => string, (index: number) => number>();
function positionKey(keyAt: (index: number) => string): (index: number) => number {
  let key = positionKeys.get(keyAt);
  if (!key) {
    key = (index) => index;
    positionKeys.set(keyAt, key);
  }
  return key;
}

/** The queue as a virtual list: only the rows in view (plus a few) are in the DOM. */
export function QueueTable({
  text,
  count,
  viewAt,
  keyAt,
  onOpen,
  hasComplaintsAt,
  columns,
  initialScroll,
  onScroll,
}: QueueTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The project does not run the React Compiler, so nothing memoises this component by mistake.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (hasComplaintsAt(i) ? ROW_HEIGHT_WITH_COMPLAINTS : ROW_HEIGHT),
    overscan: 8,
    getItemKey: positionKey(keyAt),
    initialOffset: initialScroll,
  });

  useEffect(() => {
    // The benchmark measures opening the desk up to this mark: the first queue with rows on screen.
    if (!firstDrawMarked && count > 0) {
      firstDrawMarked = true;
      performance.mark('desk:queue-drawn');
      markFirstScreen();
    }
  }, [count]);

  // Back from a case: the list stands where the officer left it (once, when it is drawn again).
  const startAt = useRef(initialScroll);
  useEffect(() => {
    if (scrollRef.current && startAt.current > 0) scrollRef.current.scrollTop = startAt.current;
  }, []);

  const template = { gridTemplateColumns: gridTemplate(columns) };
  return (
    <div className="queue-table" role="table" aria-label={text.caption} aria-rowcount={count + 1}>
      <div className="queue-row queue-head" role="row" aria-rowindex={1} style={template}>
        {columns.map((c) => (
          <span role="columnheader" key={c}>
            {text.columns[c]}
          </span>
        ))}
      </div>
      <div
        className="queue-scroll"
        ref={scrollRef}
        role="rowgroup"
        data-testid="queue-scroll"
        onScroll={(e) => onScroll(e.currentTarget.scrollTop)}
      >
        {count === 0 ? (
          <p className="queue-empty muted">{text.empty}</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const v = viewAt(item.index);
              const strip = v.complaints.length > 0;
              return (
                <div
                  key={keyAt(item.index)}
                  className={`queue-row queue-row-${v.due.tone}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-case-id={v.caseId}
                  style={{
                    ...template,
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: strip ? ROW_HEIGHT_WITH_COMPLAINTS : ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  {columns.map((c) => cellOf(c, v, onOpen))}
                  {strip ? <ComplaintStrip v={v} /> : null}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
