import type { TFunction } from 'i18next';
import type { SignatureWarning } from '../../../../shared/documents/check-signature';
import { formatDate } from '../../i18n/format';
import type { Tone } from '../../ui/Badge';
import type { DeskRow, Timeliness } from './queueModel';

export interface RowView {
  caseId: string;
  caseNumber: string;
  registrationNumber: string;
  applicant: string;
  pupil: string;
  /** Short words on screen, the full text on hover and for screen readers. */
  ground: { short: string; full: string };
  school: string;
  stage: { short: string; full: string };
  /**
   * The deadline that matters most: the stage's, capped by the whole term ('term' when they are the
   * same day); due date, working days left in words, and the state in words and colour. An open
   * complaint's due day is in `complaints`.
   */
  due: { date: string; days: string; state: string; tone: Tone; kind: string };
  term: { date: string; days: string };
  officer: string;
  /**
   * The open complaints: one chip each (to whom, answer due when, red once overdue), or — for a row
   * stored before they were listed — their count and the earliest due day as one line.
   */
  complaints: ComplaintChip[];
  /**
   * The applicant's signature, verified on arrival, is broken or not theirs: a marker by the case
   * number (short on screen, the sentence as its accessible name). Absent when it is not known to.
   */
  signature?: { short: string; full: string; warning: SignatureWarning };
}

export interface ComplaintChip {
  /** Short words on screen: "Әкімдікке · 05.12.2026". */
  short: string;
  /** The whole sentence on hover and for screen readers. */
  full: string;
  tone: Tone;
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

export function rowView(
  t: TFunction,
  r: DeskRow,
  userName: (id: string) => string,
  signature?: SignatureWarning,
): RowView {
  const row = r.row;
  const stageKey = row.stage === 'closed' ? null : row.stage;
  // The stage's due day is capped by the whole term's: the same day means the term is what ends.
  const dueKind = row.dueOn && row.dueOn === row.termDueOn ? 'term' : 'stage';
  return {
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    registrationNumber: row.registrationNumber ?? '',
    applicant: fullName(row.applicant),
    pupil: fullName(row.pupil),
    ground: { short: t(`ux.groundShort.${row.ground}`), full: t(`ground.${row.ground}`) },
    school: `${row.schoolName}, ${row.className}`,
    stage: stageKey
      ? { short: t(`ux.stageShort.${stageKey}`), full: t(`stage.${stageKey}`) }
      : {
          short: t(`queueName.${row.outcome === 'granted' ? 'granted' : 'refused'}`),
          full: t(`queueName.${row.outcome === 'granted' ? 'granted' : 'refused'}`),
        },
    due: {
      date: row.dueOn ? formatDate(row.dueOn) : '',
      days: daysText(t, r.daysLeft),
      state: r.timeliness === 'none' ? t('timeliness.none') : t(`timeliness.${r.timeliness}`),
      tone: TONE[r.timeliness],
      kind: row.dueOn ? t(`ux.dueKind.${dueKind}`) : '',
    },
    term: {
      date: row.termDueOn && row.stage !== 'closed' ? formatDate(row.termDueOn) : '',
      days: daysText(t, r.termDaysLeft),
    },
    officer: row.assignedTo ? userName(row.assignedTo) : t('common.nobody'),
    complaints: complaintChips(t, r),
    ...(signature
      ? {
          signature: {
            short: t(`queue.signatureWarning.${signature}.short`),
            full: t(`queue.signatureWarning.${signature}.full`),
            warning: signature,
          },
        }
      : {}),
  };
}

function complaintChips(t: TFunction, r: DeskRow): ComplaintChip[] {
  if (r.complaints)
    return r.complaints.map((c) => {
      const date = formatDate(c.dueOn);
      const state = c.timeliness === 'none' ? '' : t(`timeliness.${c.timeliness}`);
      return {
        short: t('queueComplaints.chip', { to: t(`queueComplaints.toShort.${c.addressee}`), date }),
        full: t('queueComplaints.full', { to: t(`queueComplaints.to.${c.addressee}`), date, state }),
        tone: TONE[c.timeliness],
      };
    });
  const row = r.row;
  if (row.openComplaints === 0) return [];
  const text = [
    t('queue.openComplaints', { count: row.openComplaints }),
    row.complaintDueOn ? t('ux.complaintDue', { date: formatDate(row.complaintDueOn) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return [{ short: text, full: text, tone: 'neutral' }];
}
