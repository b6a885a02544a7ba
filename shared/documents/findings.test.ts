import { describe, expect, it } from 'vitest';
import { FINDING_CODES, overallStatus } from './findings';
import type { Finding } from './findings';

const f = (severity: Finding['severity']): Finding => ({ code: 'medical.expired', severity });

describe('overallStatus', () => {
  it('passes with no findings', () => {
    expect(overallStatus([])).toBe('pass');
  });

  it('passes when every finding is only informative', () => {
    expect(overallStatus([f('info'), f('info')])).toBe('pass');
  });

  it('asks for judgement when a judgement finding is present and none fails', () => {
    expect(overallStatus([f('info'), f('judgement')])).toBe('judgement');
  });

  it('fails when any finding fails, wherever it stands among the others', () => {
    expect(overallStatus([f('judgement'), f('fail'), f('info')])).toBe('fail');
    expect(overallStatus([f('fail'), f('judgement')])).toBe('fail');
  });
});

describe('FINDING_CODES', () => {
  it('has no duplicates and every code is namespaced kind.reason', () => {
    expect(new Set(FINDING_CODES).size).toBe(FINDING_CODES.length);
    for (const code of FINDING_CODES) expect(code).toMatch(/^[a-z-]+\.[a-z0-9-]+$/);
  });
});
