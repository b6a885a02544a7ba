import { describe, expect, it } from 'vitest';
import { HostError } from './contract';
import {
  isAllowedExternalUrl,
  normalizeExternalUrl,
  requireExternalUrl,
  requireWithinMaxBytes,
} from './checks';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof HostError ? e.code : 'not-a-host-error';
  }
  return undefined;
}

describe('external URLs', () => {
  it('allows https and returns the normalised form', () => {
    expect(normalizeExternalUrl('HTTPS://Egov.KZ/cms/ru')).toBe('https://egov.kz/cms/ru');
    expect(isAllowedExternalUrl('https://adilet.zan.kz/kaz/docs/V2000020762')).toBe(true);
  });

  it.each([
    'http://egov.kz',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://desk/index.html',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:secret@egov.kz/',
    'https://egov.kz@evil.example/',
    '//egov.kz',
    'egov.kz',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
    expect(codeOf(() => requireExternalUrl(url))).toBe('not-allowed');
  });

  it('refuses absurdly long URLs', () => {
    expect(isAllowedExternalUrl(`https://egov.kz/${'a'.repeat(3000)}`)).toBe(false);
  });
});

describe('size check', () => {
  it('accepts a file exactly at the limit', () => {
    expect(codeOf(() => requireWithinMaxBytes(1024, 1024))).toBeUndefined();
  });

  it('refuses one byte over the limit with too-large', () => {
    expect(codeOf(() => requireWithinMaxBytes(1025, 1024))).toBe('too-large');
  });

  it('treats an unknown size as an io failure, not as small', () => {
    expect(codeOf(() => requireWithinMaxBytes(Number.NaN, 1024))).toBe('io');
    expect(codeOf(() => requireWithinMaxBytes(-1, 1024))).toBe('io');
  });
});
