import { describe, expect, it } from 'vitest';
import { secretIssue } from './policy';

describe('the password or PIN policy', () => {
  it('takes a PIN of six digits or more that is not an obvious one', () => {
    expect(secretIssue('240611')).toBeUndefined();
    expect(secretIssue('90817263')).toBeUndefined();
    expect(secretIssue('24061')).toBe('secret.pin-short');
    for (const pin of ['111111', '123456', '987654', '0123456789'])
      expect(secretIssue(pin), pin).toBe('secret.pin-simple');
  });

  it('takes a password of ten characters or more, in any script', () => {
    expect(secretIssue('жылқы-күз-терезе')).toBeUndefined();
    expect(secretIssue('кітап 2026')).toBeUndefined();
    expect(secretIssue('кітап2026')).toBe('secret.password-short');
    expect(secretIssue('aaaaaaaaaaaa')).toBe('secret.simple');
    expect(secretIssue('abababababab')).toBe('secret.simple');
  });

  it('refuses an empty, an over-long or a login-like secret, and a repeat that differs', () => {
    expect(secretIssue('')).toBe('secret.empty');
    expect(secretIssue('          ')).toBe('secret.empty');
    expect(secretIssue('ж'.repeat(129))).toBe('secret.too-long');
    expect(secretIssue('ж'.repeat(128))).toBe('secret.simple');
    expect(secretIssue('a.ivanova-2026', { login: 'a.ivanova' })).toBe('secret.like-login');
    expect(secretIssue('A.IVANOVA-2026', { login: 'a.ivanova' })).toBe('secret.like-login');
    expect(secretIssue('жылқы-күз-терезе', { repeat: 'жылқы-күз-терез' })).toBe('secret.mismatch');
    expect(secretIssue('жылқы-күз-терезе', { repeat: 'жылқы-күз-терезе' })).toBeUndefined();
  });
});
