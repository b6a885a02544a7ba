/**
 * What the help panel says, built from the rules the desk runs on rather than typed again: the
 * terms from shared/workflow's TERMS, the shortcuts from their table, the calendar's version from
 * the calendar in use. Pure, so a test proves the panel follows them.
 */
import type { TFunction } from 'i18next';
import type { IsoDate, WorkingDayCalendar } from '../../../../shared/calendar';
import { REDUCER_VERSION, TERMS } from '../../../../shared/workflow';
import { SHORTCUTS } from './shortcuts';

export interface HelpContent {
  stages: string[];
  checks: Array<{ status: string; text: string }>;
  shortcuts: Array<{ key: string; text: string }>;
  versions: string[];
}

const CHECKS = ['pass', 'fail', 'judgement', 'unreadable'] as const;

export function helpContent(t: TFunction, calendar: WorkingDayCalendar, today: IsoDate): HelpContent {
  const line = (stage: string, days: number, from: string, params: Record<string, number> = {}) =>
    t('ux.help.stageLine', { stage, days, from: t(`ux.help.from.${from}`, params) });
  const year = today.slice(0, 4);
  const provisional = calendar.isProvisionalBetween(`${year}-01-01`, `${year}-12-31`);
  return {
    stages: [
      line(t('stage.completeness'), TERMS.completeness, 'registration'),
      line(t('stage.school'), TERMS.school, 'completeness'),
      line(t('stage.review'), TERMS.review, 'school'),
      line(t('ux.help.termName'), TERMS.total, 'term', { incomplete: TERMS.completeness }),
      line(t('ux.help.complaintProvider'), TERMS.complaintToProvider, 'provider'),
      line(t('ux.help.complaintAuthority'), TERMS.complaintToQualityAuthority, 'authority'),
    ],
    checks: CHECKS.map((status) => ({
      status: status === 'unreadable' ? t('record.check.unreadable') : t(`documents.check.${status}`),
      text: t(`ux.help.check.${status}`),
    })),
    shortcuts: SHORTCUTS.map((s) => ({ key: s.label, text: t(`ux.help.keys.${s.id}`) })),
    versions: [
      t('ux.help.rules'),
      provisional
        ? t('ux.help.calendarProvisional', { year })
        : t('ux.help.calendar', { year, version: calendar.versionBetween(`${year}-01-01`, `${year}-12-31`) }),
      t('ux.help.reducer', { version: REDUCER_VERSION }),
    ],
  };
}
