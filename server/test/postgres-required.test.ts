/**
 * In CI (CI or CENTRAL_REQUIRE_POSTGRES set, as .ci/run does) the server's suite must also have run
 * on a real PostgreSQL (.ci/run installs it and test/run-all.mjs starts a throwaway cluster):
 * without DATABASE_URL this test fails there, so a
 * broken install can never pass as "PGlite only".
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS } from './harness';

describe('the backends the server suite runs on', () => {
  it('include PGlite always, and PostgreSQL in CI', () => {
    const names = BACKENDS.map((b) => b.name);
    expect(names).toContain('pglite');
    const required = ['CI', 'CENTRAL_REQUIRE_POSTGRES'].some((v) =>
      ['true', '1'].includes(process.env[v] ?? ''),
    );
    if (required) expect(names).toContain('postgres');
    else expect(names.includes('postgres')).toBe(process.env['DATABASE_URL'] !== undefined);
  });
});
