import { useCallback, useEffect, useMemo } from 'react';
import { GROUNDS } from '../../../../shared/documents';
import { STAGES } from '../../i18n/codes';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { useNavigation } from '../../stores/navigation';
import { mineView, type HeadView } from '../../db';
import { queueScroll, rememberShownOrder, useQueue, type PartialQueue } from '../../stores/queueStore';
import { useSession } from '../../stores/sessionStore';
import { HIDEABLE, visibleColumns } from './columns';
import { QueueFilters } from './QueueFilters';
import { QUEUE_KEYS, type QueueKey, type SortKey } from './queueModel';
import { UNASSIGNED, viewQueue } from './queueView';
import { QueueNav } from './QueueNav';
import { QueueTable } from './QueueTable';
import { rowView } from './rowView';
import { useSignatureWarnings } from './useSignatureWarnings';

const SORTS: readonly SortKey[] = ['deadline', 'term', 'received', 'caseNumber'];

/** The head a queue is drawn from while the rows are read (none for the queues the heads do not keep). */
function headOf(partial: PartialQueue, queue: QueueKey, me: string | undefined) {
  const view: HeadView | undefined =
    queue === 'all' || queue === 'awaiting-approval'
      ? queue
      : queue === 'mine' && me
        ? mineView(me)
        : undefined;
  if (!view) return undefined;
  // No head stored for a view: nobody's case is in it.
  return partial.heads.get(view) ?? { total: 0, rows: [] };
}

/** A queue's size while the rows are read: known for the heads' views, otherwise not yet (undefined). */
function partialCount(partial: PartialQueue | null, queue: QueueKey, me: string | undefined) {
  return partial ? headOf(partial, queue, me)?.total : undefined;
}

export function QueueScreen({ queue }: { queue: QueueKey }) {
  const { t } = useLanguage();
  const { status, partial, sorted, schools, filters, sort, setFilters, setSort, hidden, toggleColumn } =
    useQueue();
  const navigate = useNavigation((s) => s.navigate);
  const me = useSession((s) => s.user?.id);

  useEffect(() => {
    void useQueue.getState().load();
  }, []);
  useEffect(() => {
    if (me) void useQueue.getState().loadColumns(me);
  }, [me]);

  // Drawn from the queue heads until every row is read: the queue's first rows and its size, if it
  // is one the heads keep (every case, one's own, awaiting approval); the other counts are not known.
  const head = partial ? headOf(partial, queue, me) : undefined;
  const view = useMemo(
    () =>
      partial
        ? { rows: head?.rows ?? [], counts: undefined }
        : viewQueue(sorted, { ...filters, queue, ...(me ? { me } : {}) }),
    [partial, head, sorted, filters, queue, me],
  );
  // One function per list of rows (not per render): the list recomputes every row's place when these change.
  const shown = view.rows;
  const keyAt = useCallback((i: number) => shown[i]?.row.caseId ?? String(i), [shown]);
  const hasComplaintsAt = useCallback((i: number) => (shown[i]?.row.openComplaints ?? 0) > 0, [shown]);
  const columns = visibleColumns(hidden);
  // "Next case" on the case screen follows this queue as it is filtered and sorted now.
  useEffect(() => rememberShownOrder(view.rows), [view]);
  const users = useDesk((s) => s.users);
  const signatureWarnings = useSignatureWarnings();
  const userName = (id: string) => users.find((u) => u.id === id)?.fullName ?? id;
  const any = { value: '', label: t('queue.any') };

  if (status !== 'ready' || (partial && !head)) {
    return (
      <p className="muted" role="status">
        {t('queue.loading')}
      </p>
    );
  }

  return (
    <div className="queue-screen">
      <QueueNav
        title={t('queue.queues')}
        current={queue}
        onSelect={(q) => navigate({ name: 'queue', queue: q })}
        items={QUEUE_KEYS.map((key) => ({
          key,
          label: t(`queueName.${key}`),
          count: view.counts ? view.counts[key] : partialCount(partial, key, me),
          ...(key === 'overdue'
            ? { tone: 'bad' as const }
            : key === 'due-soon'
              ? { tone: 'warn' as const }
              : {}),
        }))}
      />
      <section className="queue-main" aria-labelledby="queue-title">
        <h2 id="queue-title">
          {t(`queueName.${queue}`)}{' '}
          <span className="muted">{t('queue.count', { count: head ? head.total : view.rows.length })}</span>
        </h2>
        {partial ? (
          <p className="muted" role="status" data-testid="queue-partial">
            {t('queue.partial')}
          </p>
        ) : null}
        <QueueFilters
          text={{
            search: t('queue.search'),
            searchPlaceholder: t('queue.searchPlaceholder'),
            stage: t('queue.stage'),
            ground: t('queue.ground'),
            school: t('queue.school'),
            officer: t('queue.officer'),
            sort: t('queue.sort'),
            clear: t('queue.clearFilters'),
          }}
          filters={filters}
          stages={[any, ...STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))]}
          grounds={[any, ...GROUNDS.map((g) => ({ value: g, label: t(`ground.${g}`) }))]}
          schools={[any, ...schools.map((s) => ({ value: s, label: s }))]}
          officers={[
            any,
            { value: UNASSIGNED, label: t('common.nobody') },
            ...users.map((u) => ({ value: u.id, label: u.fullName })),
          ]}
          sorts={SORTS.map((s) => ({ value: s, label: t(`queue.sortBy.${s}`) }))}
          sort={sort}
          onChange={setFilters}
          onSort={setSort}
          disabled={partial !== null}
        />
        <details className="queue-columns">
          <summary>{t('ux.columns.title')}</summary>
          <fieldset>
            <legend className="muted">{t('ux.columns.hint')}</legend>
            {HIDEABLE.map((c) => (
              <label key={c} className="choice">
                <input
                  type="checkbox"
                  checked={!hidden.includes(c)}
                  onChange={() => (me ? toggleColumn(me, c) : undefined)}
                />
                {t(`ux.columns.${c}`)}
              </label>
            ))}
          </fieldset>
        </details>
        <QueueTable
          key={queue}
          columns={columns}
          initialScroll={queueScroll.get(queue)}
          onScroll={(top) => queueScroll.set(queue, top)}
          text={{
            caption: t(`queueName.${queue}`),
            empty: t('queue.empty'),
            columns: {
              caseNumber: t('queue.col.caseNumber'),
              people: t('queue.col.people'),
              ground: t('queue.col.ground'),
              school: t('queue.col.school'),
              stage: t('queue.col.stage'),
              due: t('queue.col.due'),
              term: t('queue.col.term'),
              officer: t('queue.col.officer'),
            },
          }}
          count={view.rows.length}
          keyAt={keyAt}
          hasComplaintsAt={hasComplaintsAt}
          viewAt={(i) => {
            const row = view.rows[i]!;
            return rowView(t, row, userName, signatureWarnings.get(row.row.caseId));
          }}
          onOpen={(caseId) => navigate({ name: 'case', caseId })}
        />
      </section>
    </div>
  );
}
