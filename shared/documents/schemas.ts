/**
 * Structured supporting documents as the central system delivers them. The schemas say only
 * whether the data has the right shape; whether it supports the case is decided by the checks.
 *
 * Objects are not strict: the central system may add fields in a later version, and a document
 * must not turn malformed because of a field the desk does not use yet.
 *
 * Fields the rules ask the officer to verify (a medical conclusion's number, date and commission)
 * are allowed to be absent or wrong here, so that the check can name the defect instead of
 * reporting the whole document malformed. IINs are plain strings for the same reason: a
 * mistyped IIN is a finding about the document, not a broken delivery.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/dates';

const SHORT = 500;
const LONG = 10_000;

const isoDate = z.string().refine(isIsoDate, { message: 'date' });
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, { message: 'blank' });
const iinText = z.string().max(32);
/** ISO 3166-1 alpha-2, so that "Kazakhstan" is recognisable whatever language the issuer used. */
const countryCode = z.string().regex(/^[A-Z]{2}$/);

export const periodSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { message: 'period', path: ['to'] });

export const medicalConclusionSchema = z.object({
  kind: z.literal('medical-conclusion'),
  /** Form 035-1/у registration number. */
  number: z.string().max(SHORT).nullish(),
  /** Date of the conclusion, 'YYYY-MM-DD'. */
  date: z.string().max(SHORT).nullish(),
  issuer: text(LONG),
  /** ДКК (dkk) or ВКК (vkk). */
  commission: z.enum(['dkk', 'vkk']).nullish(),
  pupilIin: iinText,
  pupilName: text(SHORT),
  /** Sensitive health data: shown to the officer, never copied into findings or logs. */
  diagnosis: z.string().max(LONG),
  recommendation: z.object({
    code: z.enum(['home-study', 'externship', 'other']),
    text: z.string().max(LONG),
  }),
  validUntil: isoDate.nullish(),
});

export const markSchema = z.union([z.int().min(1).max(5), z.enum(['pass', 'exempt'])]);

/** 'YYYY-YYYY' where the second year follows the first. */
const academicYear = z
  .string()
  .regex(/^\d{4}-\d{4}$/)
  .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, { message: 'academic-year' });

export const progressYearSchema = z.object({
  year: academicYear,
  grade: z.int().min(1).max(12),
  subjects: z
    .array(z.object({ subject: text(SHORT), finalMark: markSchema }))
    .min(1)
    .max(60),
});

export const progressRecordSchema = z.object({
  kind: z.literal('progress-record'),
  pupilIin: iinText,
  pupilName: text(SHORT).optional(),
  school: text(LONG),
  years: z
    .array(progressYearSchema)
    .min(1)
    .max(15)
    .refine((years) => new Set(years.map((y) => y.year)).size === years.length, { message: 'duplicate' }),
});

export const residenceAbroadSchema = z
  .object({
    kind: z.literal('residence-abroad'),
    /** The parent the certificate is about. */
    personIin: iinText,
    personName: text(SHORT),
    country: countryCode,
    validFrom: isoDate,
    validTo: isoDate,
    issuer: text(LONG),
  })
  .refine((d) => d.validFrom <= d.validTo, { message: 'period', path: ['validTo'] });

export const studyAbroadSchema = z
  .object({
    kind: z.literal('study-abroad'),
    pupilIin: iinText,
    pupilName: text(SHORT).optional(),
    institution: text(LONG),
    country: countryCode,
    from: isoDate,
    to: isoDate,
  })
  .refine((d) => d.from <= d.to, { message: 'period', path: ['to'] });

export const structuredDocumentSchema = z.discriminatedUnion('kind', [
  medicalConclusionSchema,
  progressRecordSchema,
  residenceAbroadSchema,
  studyAbroadSchema,
]);

export const checkContextSchema = z.object({
  pupilIin: z.string().regex(/^\s*\d{12}\s*$/),
  applicantIin: z.string().regex(/^\s*\d{12}\s*$/),
  /** The office's today, 'YYYY-MM-DD'. */
  today: isoDate,
  /** The period the permission is requested for. */
  studyPeriod: periodSchema,
});

export type Period = z.infer<typeof periodSchema>;
export type MedicalConclusion = z.infer<typeof medicalConclusionSchema>;
export type Mark = z.infer<typeof markSchema>;
export type ProgressYear = z.infer<typeof progressYearSchema>;
export type ProgressRecord = z.infer<typeof progressRecordSchema>;
export type ResidenceAbroad = z.infer<typeof residenceAbroadSchema>;
export type StudyAbroad = z.infer<typeof studyAbroadSchema>;
export type StructuredDocument = z.infer<typeof structuredDocumentSchema>;
export type StructuredDocumentKind = StructuredDocument['kind'];
export type CheckContext = z.infer<typeof checkContextSchema>;
