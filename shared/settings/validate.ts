/**
 * One validator for every settings record: the schema parses, and each failure comes back as the
 * field's path and a code from the record's own list (a message zod wrote itself, not one of ours,
 * becomes 'invalid'), so the UI translates codes and nothing here produces a sentence.
 */
import type { z } from 'zod';

export interface SettingsIssueOf<Code extends string> {
  path: (string | number)[];
  code: Code;
}

export type ValidationResult<Value, Code extends string> =
  { ok: true; settings: Value } | { ok: false; issues: SettingsIssueOf<Code>[] };

/** `codes` must hold 'invalid': it is what an unexpected message maps to. */
export function validateWith<Schema extends z.ZodType, Code extends string>(
  schema: Schema,
  codes: readonly (Code | 'invalid')[],
): (input: unknown) => ValidationResult<z.output<Schema>, Code | 'invalid'> {
  const known = new Set<string>(codes);
  const toCode = (message: string): Code | 'invalid' =>
    known.has(message) ? (message as Code | 'invalid') : 'invalid';
  return (input) => {
    const result = schema.safeParse(input);
    if (result.success) return { ok: true, settings: result.data };
    return {
      ok: false,
      issues: result.error.issues.map((issue) => ({
        path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
        code: toCode(issue.message),
      })),
    };
  };
}
