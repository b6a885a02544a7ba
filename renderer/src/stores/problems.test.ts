import { describe, expect, it } from 'vitest';
import { StorageError, UnsentWorkError } from '../db';
import { problemOf } from './problems';

describe('problemOf', () => {
  it('tells a full disk, the browser’s quota and a refused reset apart', () => {
    expect(problemOf(new StorageError('disk-full'))).toBe('disk-full');
    expect(problemOf(new StorageError('quota'))).toBe('quota');
    // "Reset demo data" with unsent work: refused, and the officer is told why.
    expect(problemOf(new UnsentWorkError(3))).toBe('clear.unsent-work');
  });
});
