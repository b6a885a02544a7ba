import { useEffect, useRef, type ReactNode } from 'react';
import type { WorkingDayCalendar } from '../../../../shared/calendar';
import type { SignatureWarning } from '../../../../shared/documents';
import { currentDeadline, urgencyOf, type CaseState } from '../../../../shared/workflow';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { Badge } from '../../ui/Badge';
import { daysText, fullName } from '../queue/rowView';

interface CaseHeaderProps {
  state: CaseState;
  calendar: WorkingDayCalendar;
  today: string;
  holder: string;
  /** The way back to the queue, and to the neighbouring cases of the queue. */
  back: ReactNode;
  /** The applicant's signature fails or is not theirs (the documents say why). */
  signatureWarning?: SignatureWarning | undefined;
}

/**
 * What the officer must know before anything else: whose case, on what ground, where it stands,
 * by when, and who holds it. The window's title names the case too, and the heading takes the
 * focus when a case opens, so a screen reader starts here and the keyboard continues from here.
 */
export function CaseHeader({ state, calendar, today, holder, back, signatureWarning }: CaseHeaderProps) {
  const { t } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  const app = state.application;
  const pupil = fullName(app.pupil);

  useEffect(() => {
    heading.current?.focus();
  }, [state.caseId]);

  const windowTitle = t('ux.case.windowTitle', { number: app.caseNumber, pupil });
  useEffect(() => {
    const before = document.title;
    document.title = windowTitle;
    return () => {
      document.title = before;
    };
  }, [windowTitle]);

  // The same urgency as the queues: a case past its term is overdue here too (see queues.ts).
  const urgency = urgencyOf(state, calendar, today);
  const deadline = currentDeadline(state, calendar, today);
  const stageLabel =
    state.stage === 'closed'
      ? t(`queueName.${state.outcome === 'granted' ? 'granted' : 'refused'}`)
      : t(`stage.${state.stage}`);
  const due = deadline
    ? t('ux.case.dueWords', {
        date: formatDate(deadline.dueOn),
        days: daysText(
          t,
          deadline.status === 'overdue' ? Math.min(-1, deadline.workingDaysLeft) : deadline.workingDaysLeft,
        ),
      })
    : t('ux.case.noDue');

  return (
    <div className="case-head">
      {back}
      <h2 ref={heading} tabIndex={-1}>
        {t('caseScreen.title', { number: app.caseNumber })} <Badge tone="info" text={stageLabel} />
        {urgency === 'normal' ? null : (
          <span data-testid="case-urgency" data-urgency={urgency}>
            {' '}
            <Badge
              tone={urgency === 'overdue' ? 'bad' : 'warn'}
              text={t(`timeliness.${urgency === 'overdue' ? 'overdue' : 'at-risk'}`)}
            />
          </span>
        )}
      </h2>
      <p className="case-people" data-testid="case-people">
        {t('ux.case.people', { applicant: fullName(app.applicant), pupil })}
      </p>
      <p className="case-summary">
        <span data-testid="case-ground">{t(`ground.${app.ground}`)}</span>
        {' · '}
        <span data-testid="case-due" className={urgency === 'overdue' ? 'due-overdue' : undefined}>
          {due}
        </span>
        {' · '}
        <span data-testid="case-holder">{holder}</span>
      </p>
      {signatureWarning ? (
        <p className="case-signature-warning" role="note" data-testid="case-signature-warning">
          {t(`queue.signatureWarning.${signatureWarning}.full`)}
        </p>
      ) : null}
    </div>
  );
}
