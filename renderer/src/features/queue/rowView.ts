import type { TFunction } from 'i18next';
import { formatDate } from '../../i18n/format';
import type { Tone } from '../../ui/Badge';
import type { DeskRow, Timeliness } from './queueModel';

export interface RowView {
  caseId: string;
  caseNumber: string;
  registrationNumber: string;
  applicant: string;
  pupil: string;
  ground: string;
  school: string;
  stage: string;
  /** Current stage: due date, working days left in words, and the state in words and colour. */
  due: { date: string; days: string; state: string; tone: Tone };
  term: { date: string; days: string };
  officer: string;
  complaints: string;
}

const TONE: Record<Timeliness, Tone> = {
  'on-track': 'ok',
  'at-risk': 'warn',
  overdue: 'bad',
  none: 'neutral',
};

export function fullName(p: {
  lastName: string;
  firstName: string;
  middleName?: string | undefined;
}): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

/** "2 рабочих дня" left, "due today", or "overdue by 3 working days". */
export function daysText(t: TFunction, days: number | null): string {
  if (days === null) return '';
  if (days === 0) return t('days.today');
  return days > 0 ? t('days.left', { count: days }) : t('days.overdue', { count: -days });
}

export function rowView(t: TFunction, r: DeskRow, userName: (id: string) => string): RowView {
  const row = r.row;
  return {
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    registrationNumber: row.registrationNumber ?? '',
    applicant: fullName(row.applicant),
    pupil: fullName(row.pupil),
    ground: t(`ground.${row.ground}`),
    school: `${row.schoolName}, ${row.className}`,
    stage:
      row.stage === 'closed'
        ? t(`queueName.${row.outcome === 'granted' ? 'granted' : 'refused'}`)
        : t(`stage.${row.stage}`),
    due: {
      date: row.dueOn ? formatDate(row.dueOn) : '',
      days: daysText(t, r.daysLeft),
      state: r.timeliness === 'none' ? t('timeliness.none') : t(`timeliness.${r.timeliness}`),
      tone: TONE[r.timeliness],
    },
    term: {
      date: row.termDueOn && row.stage !== 'closed' ? formatDate(row.termDueOn) : '',
      days: daysText(t, r.termDaysLeft),
    },
    officer: row.assignedTo ? userName(row.assignedTo) : t('common.nobody'),
    complaints: row.openComplaints > 0 ? t('queue.openComplaints', { count: row.openComplaints }) : '',
  };
}
