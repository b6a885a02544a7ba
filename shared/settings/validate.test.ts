import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateWith } from './validate';

const schema = z.strictObject(
  {
    name: z.string({ error: 'invalid' }).min(1, { error: 'required' }),
    n: z.number().max(3, { error: 'big' }),
  },
  { error: 'invalid' },
);

describe('validateWith', () => {
  const validate = validateWith(schema, ['invalid', 'required'] as const);

  it('gives back the parsed value', () => {
    expect(validate({ name: 'a', n: 1 })).toEqual({ ok: true, settings: { name: 'a', n: 1 } });
  });

  it('names each failing field with its code, and a message not in the list becomes "invalid"', () => {
    // 'big' is a message but not one of this record's codes; n's missing type has zod's own message.
    expect(validate({ name: '', n: 9 })).toEqual({
      ok: false,
      issues: [
        { path: ['name'], code: 'required' },
        { path: ['n'], code: 'invalid' },
      ],
    });
    expect(validate({ name: 'a', n: 'x' })).toEqual({
      ok: false,
      issues: [{ path: ['n'], code: 'invalid' }],
    });
  });
});
