import './case.css';
import { useEffect, useState } from 'react';
import { isCaseUser } from '../../../../shared/auth';
import { allowedEvents } from '../../../../shared/workflow';
import { useLanguage } from '../../i18n/useLanguage';
import { useCase } from '../../stores/caseStore';
import { nowTimestamp, today as todayIn } from '../../stores/clock';
import { useDesk } from '../../stores/deskStore';
import { useNavigation } from '../../stores/navigation';
import { actorOf, useSession } from '../../stores/sessionStore';
import { Alert } from '../../ui/Alert';
import { ActionBar } from '../actions/ActionBar';
import { ACTION_SPECS, isOffered } from '../actions/actionSpecs';
import { useActionRunner, type CaseContext } from '../actions/useActionRunner';
import { DocumentPane } from '../documents/AttachmentViewer';
import { CaseHeader } from './CaseHeader';
import { caseSignatureWarning } from '../documents/documentsModel';
import { ApprovalPanel } from './ApprovalPanel';
import { approvalView } from './approvalView';
import { producedDocuments, producedDocumentTitle, type ProducedDocument } from './producedDocuments';
import { neighbours } from '../../stores/queueStore';
import { documentChecklist } from '../documents/documentsModel';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { documentGroups } from '../documents/documentsView';
import { useFileChecks } from '../documents/fileChecks';
import { reviewSpec } from '../documents/reviewSpec';
import { LazyFormsPanel } from '../forms/lazy';
import { SigningPanel } from '../signing/SigningPanel';
import { CaseDetails } from './CaseDetailsContainer';
import { CaseAssignment } from './CaseAssignment';
import { NotAccepted } from '../sync/NotAccepted';
import { useSync } from '../sync/syncStore';
import { caseNotes } from './caseNotes';
import { useSuggestedNumber } from './useSuggestedNumber';

export function CaseScreen({ caseId }: { caseId: string }) {
  const { t } = useLanguage();
  const { status, state, load, events } = useCase();
  const { settings, calendar, desk } = useDesk();
  const user = useSession((s) => s.user);
  const navigate = useNavigation((s) => s.navigate);
  const lastQueue = useNavigation((s) => s.lastQueue);
  const [viewing, setViewing] = useState<string | null>(null);
  // A document the desk produced (the decision's), shown in the same viewer as the attachments.
  const [viewingProduced, setViewingProduced] = useState<ProducedDocument | null>(null);
  // The head's approval view opens the draft being approved in the viewer until it is closed.
  const [closedDraft, setClosedDraft] = useState<string | null>(null);
  const files = useFileChecks((s) => s.files);
  const checkFiles = useFileChecks((s) => s.check);

  useEffect(() => {
    void load(caseId);
    // A case the working set shrank comes back whole from the central system, then is read again.
    if (!desk) return;
    void useSync
      .getState()
      .restoreCase(desk, caseId)
      .then(async (restored) => {
        if (restored) await load(caseId);
      });
  }, [caseId, load, desk]);

  // Each file's bytes are read once the case is on screen, one at a time, never before it is drawn.
  // A signed file's stored verification (made on arrival) is shown at once, not verified again.
  const attachments = state?.caseId === caseId ? state.application.attachments : undefined;
  const applicantIin = state?.caseId === caseId ? state.application.applicant.iin : undefined;
  useEffect(() => {
    if (attachments && applicantIin !== undefined) void checkFiles(attachments, { caseId, applicantIin });
  }, [attachments, applicantIin, caseId, checkFiles]);

  const timeZone = settings?.officeHours.timeZone ?? 'Asia/Almaty';
  const today = todayIn(timeZone);
  const users = useDesk((s) => s.users);
  const userName = (id: string) => users.find((u) => u.id === id)?.fullName ?? id;
  const suggestedRegistrationNumber = useSuggestedNumber(desk, state, today);
  const ctx: CaseContext | null =
    state && user && isCaseUser(user) && calendar && state.caseId === caseId
      ? {
          state,
          events,
          user,
          users,
          today,
          calendar,
          now: nowTimestamp(state.office.utcOffsetMinutes),
          files,
          suggestedRegistrationNumber,
        }
      : null;
  const runner = useActionRunner(ctx);
  // Enrolled with the central system: who holds a case is the server's to say (CaseAssignment).
  const enrolled = useSync((s) => s.enrolment !== null);

  const back = (
    <button
      type="button"
      className="link-button"
      data-shortcut="queue"
      onClick={() => navigate({ name: 'queue', queue: lastQueue })}
    >
      {t('caseScreen.back')}
    </button>
  );
  if (status === 'missing')
    return (
      <Alert tone="warning" actions={back}>
        {t('caseScreen.missing')}
      </Alert>
    );
  if (status === 'failed')
    return (
      <Alert tone="error" actions={back}>
        {t('caseScreen.failed')}
      </Alert>
    );
  if (!ctx || !state || !user) return <p role="status">{t('caseScreen.loading')}</p>;

  // The administrator makes no case events: nothing is offered to an actor the desk has not got.
  const actor = actorOf(user);
  const allowed = actor ? allowedEvents(state, actor) : [];
  const offered = allowed.filter(isOffered).filter((type) => !(enrolled && type === 'assigned'));
  const assignLabel = user.role === 'head' ? 'assign' : state.assignedTo === undefined ? 'take' : 'handOver';
  const buttons = offered.map((type) => ({
    type,
    label: t(`actions.button.${type === 'assigned' ? assignLabel : type}`),
    primary: type !== 'assigned' && type !== 'complaint-registered' && type !== 'returned',
  }));
  const canReview = allowed.includes('document-reviewed');
  const groups = documentGroups(t, documentChecklist(state, today, files), {
    timeZone,
    userName,
    iins: { pupil: state.application.pupil.iin, applicant: state.application.applicant.iin },
  });
  const viewed = state.application.attachments.find((a) => a.id === viewing);
  const around = neighbours(state.caseId);
  const approval = state.stage === 'approval' ? approvalView(t, state, events, userName) : undefined;
  const produced = approval ? producedDocuments(events, state.application.caseNumber) : [];
  const producedTitle = (doc: ProducedDocument) => producedDocumentTitle(t, doc);
  const draftId = approval && 'eventId' in approval.draft ? approval.draft.eventId : undefined;
  const draft = draftId !== closedDraft ? produced.find((doc) => doc.eventId === draftId) : undefined;
  const viewedProduced = viewingProduced ?? (viewed ? null : draft);
  const shown = viewedProduced
    ? { file: viewedProduced, title: producedTitle(viewedProduced) }
    : viewed
      ? { file: viewed, title: `${t(`documentKind.${viewed.kind}`)}: ${viewed.fileName}` }
      : undefined;

  return (
    <article className="case-screen" data-case-id={state.caseId}>
      <CaseHeader
        state={state}
        signatureWarning={caseSignatureWarning(state, files)}
        calendar={ctx.calendar}
        today={today}
        holder={t('caseScreen.holder', {
          name: state.assignedTo ? userName(state.assignedTo) : t('common.nobody'),
        })}
        back={
          <nav className="case-nav" aria-label={t('ux.case.around')}>
            {back}
            {(['previous', 'next'] as const).map((side) => {
              const caseId = around[side];
              return caseId ? (
                <button
                  key={side}
                  type="button"
                  className="link-button"
                  data-shortcut={`${side}-case`}
                  onClick={() => navigate({ name: 'case', caseId })}
                >
                  {t(`ux.case.${side}`)}
                </button>
              ) : null;
            })}
          </nav>
        }
      />
      {approval ? (
        <ApprovalPanel
          view={approval}
          produced={produced}
          documentTitle={producedTitle}
          onOpen={(doc) => {
            setViewing(null);
            setViewingProduced(doc);
          }}
        />
      ) : null}
      {enrolled && isCaseUser(user) ? <CaseAssignment state={state} user={user} users={users} /> : null}
      <ActionBar
        title={t('actions.title')}
        buttons={buttons}
        notes={caseNotes(t, state, user, userName)}
        status={runner.status}
        onAction={(type) => {
          const label = buttons.find((b) => b.type === type)?.label ?? type;
          if (isOffered(type)) runner.start(ACTION_SPECS[type], label);
        }}
      />
      <SigningPanel
        state={state}
        canSign={allowed.includes('signed')}
        canCosign={allowed.includes('cosigned')}
        position={users.find((u) => u.id === user.id)?.position}
      />
      <div className="case-split">
        <DocumentsPanel
          viewing={viewing}
          text={{
            title: t('documents.title'),
            open: t('documents.open'),
            confirm: t('documents.confirm'),
            reject: t('documents.reject'),
            findings: t('documents.findings'),
          }}
          groups={groups}
          canReview={canReview}
          onOpen={(id) => {
            setViewingProduced(null);
            setViewing(id);
          }}
          onReview={(id, verdict) => {
            const att = state.application.attachments.find((a) => a.id === id);
            const document = att ? `${t(`documentKind.${att.kind}`)} (${att.fileName})` : id;
            runner.start(
              reviewSpec(id, verdict, document),
              t(`documents.reviewTitle.${verdict}`),
              `document-reviewed:${id}:${verdict}`,
            );
          }}
        />
        <DocumentPane
          file={shown?.file}
          title={shown?.title ?? ''}
          onClose={() => {
            setViewing(null);
            setViewingProduced(null);
            if (draftId) setClosedDraft(draftId);
          }}
        />
      </div>
      <LazyFormsPanel state={state} />
      <CaseDetails state={state} today={today} timeZone={timeZone} userName={userName} />
      <NotAccepted state={state} timeZone={timeZone} userName={userName} />
      {runner.element}
    </article>
  );
}
