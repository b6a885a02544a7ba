/** Sample documents and a case context for the tests of this folder; all people are made up. */
import { makeIin } from '../iin';
import type {
  CheckContext,
  MedicalConclusion,
  ProgressRecord,
  ResidenceAbroad,
  StudyAbroad,
} from './schemas';

export const PUPIL_IIN = makeIin('2012-03-04', 'female', 12);
export const APPLICANT_IIN = makeIin('1985-07-10', 'male', 34);
export const OTHER_PARENT_IIN = makeIin('1987-01-02', 'female', 56);
export const OTHER_PUPIL_IIN = makeIin('2012-03-04', 'male', 78);

export const context = (over: Partial<CheckContext> = {}): CheckContext => ({
  pupilIin: PUPIL_IIN,
  applicantIin: APPLICANT_IIN,
  today: '2026-11-24',
  studyPeriod: { from: '2026-12-01', to: '2027-05-31' },
  ...over,
});

export const medical = (over: Partial<MedicalConclusion> = {}): MedicalConclusion => ({
  kind: 'medical-conclusion',
  number: '035-1/у №1234',
  date: '2026-10-15',
  issuer: 'Городская детская поликлиника №2',
  commission: 'vkk',
  pupilIin: PUPIL_IIN,
  pupilName: 'Ахметова Айгерим',
  diagnosis: 'J45.0 бронхиальная астма',
  recommendation: { code: 'home-study', text: 'Обучение на дому' },
  validUntil: '2027-10-15',
  ...over,
});

export const progress = (over: Partial<ProgressRecord> = {}): ProgressRecord => ({
  kind: 'progress-record',
  pupilIin: PUPIL_IIN,
  school: 'Школа-гимназия №8',
  years: [
    {
      year: '2023-2024',
      grade: 4,
      subjects: [
        { subject: 'Математика', finalMark: 5 },
        { subject: 'Қазақ тілі', finalMark: 4 },
      ],
    },
    {
      year: '2021-2022',
      grade: 2,
      subjects: [
        { subject: 'Математика', finalMark: 5 },
        { subject: 'Қазақ тілі', finalMark: 5 },
      ],
    },
    {
      year: '2022-2023',
      grade: 3,
      subjects: [
        { subject: 'Математика', finalMark: 4 },
        { subject: 'Қазақ тілі', finalMark: 5 },
      ],
    },
  ],
  ...over,
});

export const residence = (over: Partial<ResidenceAbroad> = {}): ResidenceAbroad => ({
  kind: 'residence-abroad',
  personIin: APPLICANT_IIN,
  personName: 'Ахметов Ерлан',
  country: 'DE',
  validFrom: '2026-09-01',
  validTo: '2027-08-31',
  issuer: 'Consulate General of Kazakhstan in Frankfurt',
  ...over,
});

export const studyAbroad = (over: Partial<StudyAbroad> = {}): StudyAbroad => ({
  kind: 'study-abroad',
  pupilIin: PUPIL_IIN,
  institution: 'Lycée international',
  country: 'FR',
  from: '2026-09-01',
  to: '2027-06-30',
  ...over,
});

/** The codes of a result's findings, in order, for compact assertions. */
export const codes = (result: { findings: readonly { code: string }[] }): string[] =>
  result.findings.map((f) => f.code);
