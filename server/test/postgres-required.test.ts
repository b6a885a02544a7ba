/**
 * In CI the server's suite must also have run on a real PostgreSQL (.ci/run installs it and
 * test/run-all.mjs starts a throwaway cluster): without DATABASE_URL this test fails there, so a
 * broken install can never pass as "PGlite only".
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS } from './harness';

describe('the backends the server suite runs on', () => {
  it('include PGlite always, and PostgreSQL in CI', () => {
    const names = BACKENDS.map((b) => b.name);
    expect(names).toContain('pglite');
    if (process.env['CI'] === 'true' || process.env['CI'] === '1') expect(names).toContain('postgres');
    else expect(names.includes('postgres')).toBe(process.env['DATABASE_URL'] !== undefined);
  });
});
