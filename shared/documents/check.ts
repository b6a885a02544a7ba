import type { z, ZodType } from 'zod';
import { checkResidenceAbroad, checkStudyAbroad } from './check-abroad';
import { checkMedicalConclusion } from './check-medical';
import { checkProgressRecord } from './check-progress';
import { finding, resultOf } from './findings';
import type { CheckResult, FindingCode } from './findings';
import { checkContextSchema, structuredDocumentSchema } from './schemas';
import type { CheckContext } from './schemas';

/** Enough paths for the officer to see what is wrong without flooding the screen. */
export const MAX_REPORTED_PATHS = 10;

function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '$' : path.map(String).join('.');
}

/**
 * Only where the problems are and how many there are: zod's messages and the input values may
 * quote personal data (an IIN, a diagnosis), so neither is passed on.
 */
function malformed(code: FindingCode, error: z.ZodError): CheckResult {
  const paths = [...new Set(error.issues.map((issue) => pathText(issue.path)))];
  return resultOf([
    finding(code, 'fail', {
      count: error.issues.length,
      paths: paths.slice(0, MAX_REPORTED_PATHS).join(', '),
    }),
  ]);
}

/** A fault while reading the input itself (a throwing getter): nothing to point at but the whole. */
const UNREADABLE = { count: 1, paths: '$' };

function safeParse<T>(schema: ZodType<T>, input: unknown): { data: T } | { error: z.ZodError | null } {
  try {
    const result = schema.safeParse(input);
    return result.success ? { data: result.data } : { error: result.error };
  } catch {
    return { error: null };
  }
}

function reject(code: FindingCode, error: z.ZodError | null): CheckResult {
  return error ? malformed(code, error) : resultOf([finding(code, 'fail', UNREADABLE)]);
}

/**
 * Checks one supporting document delivered by the central system against the case. Never throws:
 * input that does not fit the schema, or an unusable context, is reported as a failing finding.
 * The context is typed for callers but validated all the same: it comes from stored cases.
 */
export function checkDocument(doc: unknown, context: CheckContext): CheckResult {
  const ctx = safeParse(checkContextSchema, context);
  if ('error' in ctx) return reject('context.malformed', ctx.error);
  const parsed = safeParse(structuredDocumentSchema, doc);
  if ('error' in parsed) return reject('document.malformed', parsed.error);

  const d = parsed.data;
  switch (d.kind) {
    case 'medical-conclusion':
      return checkMedicalConclusion(d, ctx.data);
    case 'progress-record':
      return checkProgressRecord(d, ctx.data);
    case 'residence-abroad':
      return checkResidenceAbroad(d, ctx.data);
    case 'study-abroad':
      return checkStudyAbroad(d, ctx.data);
  }
}
