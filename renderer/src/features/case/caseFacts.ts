/** The case's parties and facts as labelled, translated rows for the case screen. */
import type { TFunction } from 'i18next';
import type { WorkingDayCalendar } from '../../../../shared/calendar';
import { legalBasisFor, type AkimatLevel } from '../../../../shared/settings';
import type { CaseState } from '../../../../shared/workflow';
import type { Language } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import { fullName } from '../queue/rowView';
import { workingDaysLate } from './lateness';
import { personFacts, pupilFacts, type PersonFacts, type PersonFlag } from './personCheck';

export interface FactRow {
  label: string;
  value: string;
  /** Problems the officer should look at, in words. */
  warnings?: string[];
}

export interface FactSection {
  id: 'applicant' | 'pupil' | 'application';
  title: string;
  rows: FactRow[];
}

export function flagText(t: TFunction, flag: PersonFlag): string {
  switch (flag.code) {
    case 'iin-invalid':
      return t('caseScreen.flag.iinInvalid', { reason: t(`iinReason.${flag.reason}`) });
    case 'birth-date-mismatch':
      return t('caseScreen.flag.birthDateMismatch', { stated: formatDate(flag.stated) });
    case 'age-out-of-range':
      return t('caseScreen.flag.ageOutOfRange', { count: flag.age });
    case 'grade-out-of-range':
      return t('caseScreen.flag.gradeOutOfRange', { grade: flag.grade });
  }
}

function iinRows(t: TFunction, iin: string, facts: PersonFacts): FactRow[] {
  const iinFlags = facts.flags.filter((f) => f.code === 'iin-invalid').map((f) => flagText(t, f));
  const rows: FactRow[] = [
    { label: t('caseScreen.iin'), value: iin, ...(iinFlags.length ? { warnings: iinFlags } : {}) },
  ];
  if (facts.birthDate) rows.push({ label: t('caseScreen.birthDate'), value: formatDate(facts.birthDate) });
  if (facts.sex) rows.push({ label: t('caseScreen.sex'), value: t(`caseScreen.sexName.${facts.sex}`) });
  return rows;
}

/**
 * The sub-paragraph the application cites, flagged when it is not the competence of the akimat's
 * level: the order cites the level's own (shared/settings/legal-basis.ts), and the officer should
 * know the application said otherwise.
 */
function legalBasisRow(
  t: TFunction,
  cited: CaseState['application']['legalBasis'],
  level?: AkimatLevel,
): FactRow {
  const row: FactRow = { label: t('caseScreen.legalBasis'), value: t(`legalBasis.${cited}`) };
  const expected = level ? legalBasisFor(level) : undefined;
  if (expected && expected !== cited) {
    row.warnings = [t('caseScreen.flag.legalBasisMismatch', { expected: t(`legalBasis.${expected}`) })];
  }
  return row;
}

/** The registration with its number and day; a late one says so, with the law's day and how late. */
function registrationRow(t: TFunction, state: CaseState, calendar: WorkingDayCalendar): FactRow {
  const label = t('caseScreen.registered');
  const reg = state.registration;
  if (!reg) return { label, value: t('caseScreen.notRegistered') };
  const value = t('caseScreen.registeredValue', {
    number: state.registrationNumber ?? '',
    date: formatDate(reg.on),
  });
  const late = workingDaysLate(reg.dueOn, reg.on, calendar);
  if (late === 0) return { label, value };
  return {
    label,
    value,
    warnings: [t('record.registration.wasLate', { dueOn: formatDate(reg.dueOn), count: late })],
  };
}

export function caseFacts(
  t: TFunction,
  state: CaseState,
  options: {
    language: Language;
    timeZone: string;
    today: string;
    calendar: WorkingDayCalendar;
    akimatLevel?: AkimatLevel;
  },
): FactSection[] {
  const app = state.application;
  const applicant = personFacts(app.applicant.iin, options.today);
  const pupil = pupilFacts(app.pupil, app.className, app.studyPeriod.from);
  const pupilOther = pupil.flags.filter((f) => f.code !== 'iin-invalid').map((f) => flagText(t, f));
  const contacts = [app.applicant.phone, app.applicant.email].filter(Boolean).join(', ');

  const applicantRows: FactRow[] = [
    { label: t('caseScreen.name'), value: fullName(app.applicant) },
    ...iinRows(t, app.applicant.iin, applicant),
  ];
  if (contacts) applicantRows.push({ label: t('caseScreen.contacts'), value: contacts });
  if (app.applicant.address)
    applicantRows.push({ label: t('caseScreen.address'), value: app.applicant.address });

  const pupilRows: FactRow[] = [
    { label: t('caseScreen.name'), value: fullName(app.pupil) },
    ...iinRows(t, app.pupil.iin, pupil),
  ];
  if (pupil.age !== undefined || pupilOther.length) {
    pupilRows.push({
      label: t('caseScreen.age'),
      value: pupil.age !== undefined ? t('caseScreen.years', { count: pupil.age }) : '',
      ...(pupilOther.length ? { warnings: pupilOther } : {}),
    });
  }
  pupilRows.push(
    { label: t('caseScreen.school'), value: app.school.name },
    { label: t('caseScreen.class'), value: app.className },
  );

  const applicationRows: FactRow[] = [
    { label: t('caseScreen.ground'), value: t(`ground.${app.ground}`) },
    {
      label: t('caseScreen.studyPeriod'),
      value: `${formatDate(app.studyPeriod.from)} – ${formatDate(app.studyPeriod.to)}`,
    },
    { label: t('caseScreen.receivedAt'), value: formatDateTime(app.receivedAt, options.timeZone) },
    registrationRow(t, state, options.calendar),
    legalBasisRow(t, app.legalBasis, options.akimatLevel),
  ];
  return [
    { id: 'applicant', title: t('caseScreen.applicant'), rows: applicantRows },
    { id: 'pupil', title: t('caseScreen.pupil'), rows: pupilRows },
    { id: 'application', title: t('caseScreen.application'), rows: applicationRows },
  ];
}
