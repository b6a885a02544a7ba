import { describe, expect, it } from 'vitest';
import { storedDraftOf } from './storedDraft';

const text = (_name: string, v: unknown): v is string => typeof v === 'string';

describe('storedDraftOf', () => {
  it('gives back the values typed and when', () => {
    expect(
      storedDraftOf({ values: { phone: '+7 701', n: 'x' }, savedAt: '2026-11-24T10:00:00Z' }, text),
    ).toEqual({
      values: { phone: '+7 701', n: 'x' },
      savedAt: '2026-11-24T10:00:00Z',
    });
  });

  it('drops values of another shape and refuses what is no draft', () => {
    expect(storedDraftOf({ values: { a: 'ok', b: 3, c: ['x'] }, savedAt: 'then' }, text)?.values).toEqual({
      a: 'ok',
    });
    expect(storedDraftOf(['x'], text)).toBeUndefined();
    expect(storedDraftOf({ values: { a: 'x' } }, text)).toBeUndefined();
    expect(storedDraftOf({ values: ['x'], savedAt: 'then' }, text)).toBeUndefined();
    expect(storedDraftOf(undefined, text)).toBeUndefined();
  });
});
