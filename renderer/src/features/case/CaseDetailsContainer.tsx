import { useCase } from '../../stores/caseStore';
import { useDesk } from '../../stores/deskStore';
import { useLanguage } from '../../i18n/useLanguage';
import type { CaseState } from '../../../../shared/workflow';
import { caseFacts } from './caseFacts';
import { deadlineRows, historyRows } from './caseHistory';
import { DeadlinesPanel, FactsPanel, HistoryPanel, type CaseDetailsText } from './CaseDetails';

interface Props {
  state: CaseState;
  today: string;
  timeZone: string;
  userName: (id: string) => string;
}

/** Parties, deadlines and history of the case on screen. */
export function CaseDetails({ state, today, timeZone, userName }: Props) {
  const { t, language } = useLanguage();
  const events = useCase((s) => s.events);
  const calendar = useDesk((s) => s.calendar);
  const akimatLevel = useDesk((s) => s.settings?.akimat.level);
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
  };
  return (
    <>
      <FactsPanel
        sections={caseFacts(t, state, { language, timeZone, today, ...(akimatLevel ? { akimatLevel } : {}) })}
      />
      <DeadlinesPanel text={text} rows={deadlineRows(t, state, calendar, today)} />
      <HistoryPanel text={text} rows={historyRows(t, events, state, { timeZone, userName })} />
    </>
  );
}
