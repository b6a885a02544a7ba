import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIGNING_SETTINGS,
  MAX_TRUSTED_CERTIFICATES,
  signingOriginsOf,
  validateSigningSettings,
} from './signing';

const cert = (n: number) => ({
  role: 'root',
  der: 'MIIB' + 'A'.repeat(n),
  sha256: n.toString(16).padStart(64, '0'),
});

describe('signing settings', () => {
  it('takes the defaults: nothing trusted, no TSA, OCSP not fetched', () => {
    expect(validateSigningSettings(DEFAULT_SIGNING_SETTINGS)).toEqual({
      ok: true,
      settings: DEFAULT_SIGNING_SETTINGS,
    });
  });

  it('keeps a TSA and an OCSP responder URL, and treats blank ones as not set', () => {
    const ok = validateSigningSettings({
      trusted: [cert(1)],
      tsaUrl: ' http://tsp.pki.gov.kz:80 ',
      ocsp: { fetch: true, responderUrl: '' },
    });
    expect(ok).toEqual({
      ok: true,
      settings: { trusted: [cert(1)], tsaUrl: 'http://tsp.pki.gov.kz:80', ocsp: { fetch: true } },
    });
  });

  it('names the field of a bad URL, a bad or repeated certificate and too many of them', () => {
    expect(
      validateSigningSettings({
        trusted: [],
        tsaUrl: 'https://*.kz/tsa',
        ocsp: { fetch: true, responderUrl: 'ftp://o' },
      }),
    ).toEqual({
      ok: false,
      issues: [
        { path: ['tsaUrl'], code: 'url.format' },
        { path: ['ocsp', 'responderUrl'], code: 'url.format' },
      ],
    });
    expect(validateSigningSettings({ trusted: [cert(1), cert(1)], ocsp: { fetch: false } })).toEqual({
      ok: false,
      issues: [{ path: ['trusted', 1], code: 'certificate.duplicate' }],
    });
    expect(
      validateSigningSettings({ trusted: [{ ...cert(2), der: 'not base64!' }], ocsp: { fetch: false } }),
    ).toMatchObject({ ok: false, issues: [{ path: ['trusted', 0, 'der'], code: 'certificate.format' }] });
    const many = Array.from({ length: MAX_TRUSTED_CERTIFICATES + 1 }, (_, i) => cert(i + 1));
    expect(validateSigningSettings({ trusted: many, ocsp: { fetch: false } })).toMatchObject({
      ok: false,
      issues: [{ path: ['trusted'], code: 'certificates.too-many' }],
    });
    expect(validateSigningSettings({ trusted: [], ocsp: { fetch: false }, extra: 1 })).toMatchObject({
      ok: false,
    });
  });

  it('gives the CSP the origins it connects to: the TSA, and the responder only while OCSP is fetched', () => {
    const base = {
      trusted: [],
      tsaUrl: 'http://tsp.pki.gov.kz:80/',
      ocsp: { fetch: false, responderUrl: 'https://ocsp.example.kz/r' },
    };
    expect(signingOriginsOf(base)).toEqual(['http://tsp.pki.gov.kz']);
    expect(signingOriginsOf({ ...base, ocsp: { ...base.ocsp, fetch: true } })).toEqual([
      'http://tsp.pki.gov.kz',
      'https://ocsp.example.kz',
    ]);
    expect(signingOriginsOf(DEFAULT_SIGNING_SETTINGS)).toEqual([]);
  });
});
