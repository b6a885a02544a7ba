import { describe, expect, it } from 'vitest';
import type { PdfSignatureVerification } from '../../../../shared/signing/pdf';
import { allValid, checkRows } from './verificationView';

const valid: PdfSignatureVerification = {
  algorithm: 'rsa',
  integrity: { status: 'valid', code: 'integrity.ok' },
  certificate: undefined,
  validAtSigningTime: {
    status: 'valid',
    code: 'time.valid-at-timestamp',
    detail: { at: '2026-11-25T06:15:30Z' },
  },
  revocation: { status: 'valid', code: 'revocation.good' },
  chain: { status: 'valid', code: 'chain.trusted' },
  timestamp: { status: 'valid', code: 'timestamp.ok', detail: { time: '2026-11-25T06:15:31Z' } },
  coverage: { status: 'valid', code: 'coverage.whole-document' },
};

describe('checkRows', () => {
  it('lists every field with its status and code, the PDF’s coverage first', () => {
    const rows = checkRows(valid);
    expect(rows.map((r) => r.field)).toEqual([
      'coverage',
      'integrity',
      'validAtSigningTime',
      'revocation',
      'chain',
      'timestamp',
    ]);
    expect(rows.find((r) => r.field === 'timestamp')?.at).toBe('2026-11-25T06:15:31Z');
    expect(allValid(rows)).toBe(true);
  });

  it('is not "all valid" when any field was not checked', () => {
    const rows = checkRows({ ...valid, revocation: { status: 'not-checked', code: 'revocation.no-source' } });
    expect(allValid(rows)).toBe(false);
    const { coverage: _c, ...cms } = valid;
    expect(checkRows(cms).map((r) => r.field)).not.toContain('coverage');
  });
});
