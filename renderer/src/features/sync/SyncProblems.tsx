/**
 * The sync problems view: per case, what was done on this desk and what the central system has, in
 * the officer's words (the case history's own lines), and her two resolutions (resolve.ts). Shown
 * in settings → the central system; the header counts the problems.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CaseEvent, CaseState, EventPayloads } from '../../../../shared/workflow';
import type { WorkingDayCalendar } from '../../../../shared/calendar';
import { useLanguage } from '../../i18n/useLanguage';
import { useCase } from '../../stores/caseStore';
import { useDesk } from '../../stores/deskStore';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/sessionStore';
import { Alert } from '../../ui/Alert';
import { historyRows, type HistoryRow } from '../case/caseHistory';
import type { ActionType } from '../../stores/eventFactory';
import { reasonText } from './problemText';
import { loadProblems, resolveProblem, type ResolveOutcome, type SyncProblem } from './resolve';
import { useSync } from './syncStore';

interface Shown {
  problem: SyncProblem;
  local: HistoryRow[];
  /** The server's events this desk does not have in its history; null: no server version came. */
  server: HistoryRow[] | null;
}

function describe(
  problem: SyncProblem,
  state: CaseState | undefined,
  history: readonly CaseEvent[],
  rows: (events: readonly CaseEvent[], state: CaseState) => HistoryRow[],
): Shown {
  if (!state) return { problem, local: [], server: null };
  const known = new Set(history.map((e) => e.id));
  const server = problem.server ? problem.server.events.filter((e) => !known.has(e.id)) : null;
  return {
    problem,
    // Oldest first here: the order the officer did them in.
    local: rows(
      problem.local.map((e) => e.event),
      state,
    ).reverse(),
    server: server ? rows(server, state).reverse() : null,
  };
}

function Rows({ rows, testId }: { rows: readonly HistoryRow[]; testId: string }) {
  return (
    <ul data-testid={testId}>
      {rows.map((r) => (
        <li key={r.id}>
          {r.when} · {r.who} · <strong>{r.what}</strong>
          {r.details ? ` — ${r.details}` : ''}
        </li>
      ))}
    </ul>
  );
}

export function SyncProblems() {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const calendar = useDesk((s) => s.calendar);
  const users = useDesk((s) => s.users);
  const user = useSession((s) => s.user);
  const status = useSync((s) => s.status);
  const navigate = useNavigation((s) => s.navigate);
  const [shown, setShown] = useState<Shown[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'error' | 'warning' } | null>(
    null,
  );
  const [version, setVersion] = useState(0);

  const read = useCallback(
    async (cal: WorkingDayCalendar) => {
      if (!desk) return [];
      const userName = (id: string) => users.find((u) => u.id === id)?.fullName ?? id;
      const rows = (events: readonly CaseEvent[], state: CaseState) =>
        historyRows(t, events, state, { timeZone: state.office.timeZone, userName, calendar: cal });
      const out: Shown[] = [];
      for (const problem of await loadProblems(desk)) {
        const found = await desk.cases.get(problem.caseId);
        out.push(describe(problem, found?.state, found?.events ?? [], rows));
      }
      return out;
    },
    [desk, users, t],
  );

  useEffect(() => {
    if (!calendar) return;
    let live = true;
    void read(calendar).then((out) => live && setShown(out));
    return () => {
      live = false;
    };
  }, [read, calendar, status, version]);

  // The outcome of the last resolution stays on screen after its problem left the list.
  if (shown.length === 0 && !message) return null;

  function outcomeText(outcome: ResolveOutcome): { text: string; tone: 'success' | 'error' | 'warning' } {
    if (!outcome.ok)
      return {
        tone: 'error',
        text: t('sync.problems.notResolved', { reason: reasonText(t, outcome.reason) }),
      };
    if (!outcome.refused)
      return {
        tone: 'success',
        text:
          outcome.reapplied > 0
            ? t('sync.problems.reapplied', { count: outcome.reapplied })
            : t('sync.problems.discarded'),
      };
    const refused = outcome.refused.outcome;
    const why =
      'reason' in refused
        ? reasonText(t, refused.reason)
        : 'stepUp' in refused
          ? t('sync.problems.needsStepUp')
          : t('sync.problems.storage');
    return {
      tone: 'warning',
      text: t('sync.problems.reapplyStopped', {
        count: outcome.reapplied,
        event: t(`eventType.${outcome.refused.event.type}`),
        reason: why,
      }),
    };
  }

  async function resolve(problem: SyncProblem, how: 'discarded' | 'reapplied') {
    if (!desk || !user || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await resolveProblem(problem, how, {
        desk,
        userId: user.id,
        load: (caseId) => useCase.getState().load(caseId),
        // The mapped event union cannot be narrowed to act's generic pair; the reducer checks it anyway.
        act: (event) =>
          useCase.getState().act(event.type as ActionType, event.payload as EventPayloads[ActionType]),
      });
      setMessage(outcomeText(outcome));
    } catch (error) {
      useDesk.getState().report(error);
    } finally {
      setBusy(false);
      setVersion((v) => v + 1);
    }
  }

  return (
    <div data-testid="sync-problems">
      {shown.length > 0 ? (
        <>
          <h4>{t('sync.problems.title', { count: shown.length })}</h4>
          <p className="muted">{t('sync.problems.resolution')}</p>
        </>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {shown.map(({ problem, local, server }) => (
        <section
          key={problem.caseId}
          className="panel"
          data-testid="sync-problem"
          data-case-id={problem.caseId}
        >
          <h5>
            {t(`sync.problems.${problem.kind}`, { number: problem.caseNumber })}
            {problem.reason ? ` ${reasonText(t, problem.reason)}` : ''}
          </h5>
          <p>{t('sync.problems.here')}</p>
          <Rows rows={local} testId="sync-problem-local" />
          {problem.kind === 'conflict' ? (
            <>
              <p>{t('sync.problems.server')}</p>
              {server && server.length > 0 ? (
                <Rows rows={server} testId="sync-problem-server" />
              ) : (
                <p className="muted">{t('sync.problems.serverUnknown')}</p>
              )}
            </>
          ) : null}
          <div className="form-actions">
            <button type="button" disabled={busy} onClick={() => void resolve(problem, 'reapplied')}>
              {t(`sync.problems.reapply.${problem.kind}`)}
            </button>
            <button type="button" disabled={busy} onClick={() => void resolve(problem, 'discarded')}>
              {t('sync.problems.discard')}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => navigate({ name: 'case', caseId: problem.caseId })}
            >
              {t('sync.problems.open')}
            </button>
          </div>
          <p className="muted">{t('sync.problems.kept')}</p>
        </section>
      ))}
    </div>
  );
}
