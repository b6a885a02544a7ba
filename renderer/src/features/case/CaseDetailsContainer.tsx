import { useState } from 'react';
import { getHost } from '../../host';
import { useCase } from '../../stores/caseStore';
import { useDesk } from '../../stores/deskStore';
import { useLanguage } from '../../i18n/useLanguage';
import type { CaseState } from '../../../../shared/workflow';
import { AttachmentViewer } from '../documents/AttachmentViewer';
import { caseFacts } from './caseFacts';
import { deadlineRows, historyRows } from './caseHistory';
import { DeadlinesPanel, FactsPanel, HistoryPanel, type CaseDetailsText } from './CaseDetails';
import {
  producedDocumentTitle,
  resendDocument,
  type ProducedDocument,
  type ResendOutcome,
} from './producedDocuments';

interface Props {
  state: CaseState;
  today: string;
  timeZone: string;
  userName: (id: string) => string;
}

type Status = { text: string; tone: 'success' | 'error' | 'warning' } | undefined;

/** Parties, deadlines and history of the case on screen; produced documents open and re-send from it. */
export function CaseDetails({ state, today, timeZone, userName }: Props) {
  const { t, language } = useLanguage();
  const events = useCase((s) => s.events);
  const calendar = useDesk((s) => s.calendar);
  const akimatLevel = useDesk((s) => s.settings?.akimat.level);
  const desk = useDesk((s) => s.desk);
  const [viewing, setViewing] = useState<ProducedDocument | null>(null);
  const [status, setStatus] = useState<Status>();
  if (!calendar) return null;
  const text: CaseDetailsText = {
    deadlines: t('caseScreen.deadlines'),
    history: t('caseScreen.history'),
    provisional: t('caseScreen.provisional'),
    col: {
      stage: t('caseScreen.col.stage'),
      started: t('caseScreen.col.started'),
      due: t('caseScreen.col.due'),
      done: t('caseScreen.col.done'),
      state: t('caseScreen.col.state'),
      left: t('caseScreen.col.left'),
      when: t('caseScreen.col.when'),
      who: t('caseScreen.col.who'),
      what: t('caseScreen.col.what'),
    },
    document: {
      open: t('record.produced.open'),
      save: t('record.produced.save'),
      print: t('record.produced.print'),
    },
  };
  const title = (doc: ProducedDocument) => producedDocumentTitle(t, doc);

  function statusOf(outcome: ResendOutcome): Status {
    switch (outcome.kind) {
      case 'done':
        return {
          tone: 'success',
          text: t(`record.produced.${outcome.action === 'save' ? 'saved' : 'printed'}`),
        };
      case 'cancelled':
        return undefined;
      case 'file':
        return {
          tone: 'error',
          text: t('record.produced.fileProblem', { reason: t(`record.file.${outcome.problem}`) }),
        };
      case 'host-failed':
        return {
          tone: 'warning',
          text: t('record.produced.notSent', { reason: t(`hostError.${outcome.code}`) }),
        };
    }
  }

  async function resend(doc: ProducedDocument, action: 'save' | 'print') {
    if (!desk) return;
    setStatus(undefined);
    const outcome = await resendDocument(doc, action, {
      load: (sha) => desk.attachments.get(sha),
      host: getHost(),
      title: title(doc),
    });
    setStatus(statusOf(outcome));
  }

  return (
    <>
      <FactsPanel
        sections={caseFacts(t, state, {
          language,
          timeZone,
          today,
          calendar,
          ...(akimatLevel ? { akimatLevel } : {}),
        })}
      />
      <DeadlinesPanel text={text} rows={deadlineRows(t, state, calendar, today)} />
      <HistoryPanel
        text={text}
        rows={historyRows(t, events, state, { timeZone, userName, calendar })}
        status={status}
        onOpen={setViewing}
        onResend={(doc, action) => void resend(doc, action)}
      />
      {viewing ? (
        <AttachmentViewer file={viewing} title={title(viewing)} onClose={() => setViewing(null)} />
      ) : null}
    </>
  );
}
