/**
 * Who holds the case, when the desk is enrolled with the central system: taking and releasing go
 * through the server (taking needs a connection; offline the button says so), the head assigns the
 * case to an officer there. Only the holder acts on a case: the reducer refuses anyone else.
 */
import { useState } from 'react';
import type { CaseUser, DeskUser } from '../../../../shared/auth';
import type { CaseState } from '../../../../shared/workflow';
import { useOnline } from '../../app/useOnline';
import { useLanguage } from '../../i18n/useLanguage';
import { useCase } from '../../stores/caseStore';
import { useDesk } from '../../stores/deskStore';
import { Alert } from '../../ui/Alert';
import { changeHolder, type HolderChange } from '../sync/assignment';
import { reasonText } from '../sync/problemText';
import { useSync } from '../sync/syncStore';

interface Props {
  state: CaseState;
  user: CaseUser;
  users: readonly DeskUser[];
}

export function CaseAssignment({ state, user, users }: Props) {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const officers = users.filter((u) => u.active && (u.role === 'officer' || u.role === 'head'));
  const [officerId, setOfficerId] = useState('');
  if (state.stage === 'closed') return null;
  const holder = state.assignedTo ?? null;

  async function run(change: HolderChange) {
    if (!desk || busy) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = await changeHolder(desk, useSync.getState().api(), state.caseId, change);
      if (!outcome.ok)
        setError(
          outcome.code === 'network' || outcome.code === 'not-enrolled'
            ? t(`sync.assignment.${outcome.code}`)
            : t('sync.assignment.refused', { reason: reasonText(t, { code: outcome.code }) }),
        );
      await useCase.getState().load(state.caseId);
    } catch (e) {
      useDesk.getState().report(e);
    } finally {
      setBusy(false);
    }
  }

  const offline = !online;
  const canTake = holder === null && user.role === 'officer';
  const canRelease = holder === user.id || (holder !== null && user.role === 'head');
  return (
    <div className="panel" data-testid="case-assignment">
      <div className="form-actions">
        {canTake ? (
          <button
            type="button"
            className="primary"
            disabled={busy || offline}
            onClick={() => void run({ kind: 'take' })}
          >
            {t('sync.assignment.take')}
          </button>
        ) : null}
        {canRelease ? (
          <button type="button" disabled={busy || offline} onClick={() => void run({ kind: 'release' })}>
            {t('sync.assignment.release')}
          </button>
        ) : null}
        {user.role === 'head' ? (
          <>
            <label htmlFor="assign-officer">{t('sync.assignment.officer')}</label>
            <select id="assign-officer" value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
              <option value="">{t('sync.assignment.choose')}</option>
              {officers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.fullName}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={busy || offline || officerId === ''}
              onClick={() => void run({ kind: 'assign', officerId })}
            >
              {t('sync.assignment.assign')}
            </button>
          </>
        ) : null}
      </div>
      {offline && (canTake || canRelease || user.role === 'head') ? (
        <p className="muted" data-testid="case-assignment-offline">
          {t('sync.assignment.needsConnection')}
        </p>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
