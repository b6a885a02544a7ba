/** Error answers: a stable code, a message for developers, and bad fields by path only. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ApiError, ApiErrorCode } from '../../../shared/api';

/** Any Hono context (whatever its env and path): all an error answer needs is `json`. */
type Answering = Pick<Context, 'json'>;

export function apiError(
  c: Answering,
  status: ContentfulStatusCode,
  code: ApiErrorCode,
  message: string,
  extra: Pick<ApiError, 'issues' | 'params'> = {},
): Response {
  const body: ApiError = { code, message, ...extra };
  return c.json(body, status);
}

/** zod's issues as paths and codes; never the input values (they may be an IIN or a name). */
export function issuesOf(error: z.ZodError, prefix: string): NonNullable<ApiError['issues']> {
  return error.issues.slice(0, 20).map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.'),
    code: issue.code,
  }));
}

export function invalid(c: Answering, error: z.ZodError, part: string): Response {
  const issues = issuesOf(error, part);
  const where = issues.map((i) => `${i.path} (${i.code})`).join(', ');
  return apiError(c, 400, 'request.invalid', `The ${part} does not match the schema: ${where}`, { issues });
}
