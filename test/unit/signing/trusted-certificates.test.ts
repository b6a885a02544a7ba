import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGNING_SETTINGS, validateSigningSettings } from '../../../shared/settings';
import { ncaFixture } from '../../signing/fixtures';
import {
  describeTrusted,
  importCertificate,
  verifierMaterial,
} from '../../../renderer/src/features/signing/trustedCertificates';

describe('trusted certificates', () => {
  it('imports the НУЦ test root (PEM or DER), describes it, and hands it to the verifier as a root', () => {
    const imported = importCertificate(ncaFixture('ca/nca_rsa_test.crt'), 'root', []);
    if (!imported.ok) throw new Error(imported.problem);
    const settings = { ...DEFAULT_SIGNING_SETTINGS, trusted: [imported.entry] };
    expect(validateSigningSettings(settings).ok).toBe(true);
    const view = describeTrusted(imported.entry);
    expect(view.subject).toMatch(/\S/);
    expect(view.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(view.notBefore < view.notAfter).toBe(true);
    const material = verifierMaterial(settings);
    expect(material.trustedRoots).toHaveLength(1);
    expect(material.certificates).toHaveLength(0);
    // The same certificate again is refused as such.
    expect(importCertificate(ncaFixture('ca/nca_rsa_test.crt'), 'intermediate', settings.trusted)).toEqual({
      ok: false,
      problem: 'certificate.duplicate',
    });
  });

  it('refuses a signer’s certificate as a trust anchor, and a file that is no certificate', () => {
    expect(importCertificate(ncaFixture('certs/individual_valid_sign_2004_rsa.cer'), 'root', [])).toEqual({
      ok: false,
      problem: 'certificate.not-ca',
    });
    expect(importCertificate(new TextEncoder().encode('hello'), 'root', [])).toEqual({
      ok: false,
      problem: 'certificate.unreadable',
    });
  });
});

describe('OCSP fetching in the verifier’s material', () => {
  it('off: nothing is fetched; on: the responder, the allowed origins and whether the desk is online', () => {
    expect(verifierMaterial(DEFAULT_SIGNING_SETTINGS).ocspFetch).toBeUndefined();
    const on = {
      ...DEFAULT_SIGNING_SETTINGS,
      tsaUrl: 'http://tsp.pki.gov.kz/',
      ocsp: { fetch: true, responderUrl: 'http://ocsp.pki.gov.kz/' },
    };
    expect(verifierMaterial(on, false).ocspFetch).toEqual({
      responderUrl: 'http://ocsp.pki.gov.kz/',
      allowedOrigins: ['http://tsp.pki.gov.kz', 'http://ocsp.pki.gov.kz'],
      online: false,
    });
    // Without a responder the settings allow no OCSP origin: an AIA address is asked only at the TSA's.
    expect(verifierMaterial({ ...on, ocsp: { fetch: true } }, true).ocspFetch).toEqual({
      allowedOrigins: ['http://tsp.pki.gov.kz'],
      online: true,
    });
  });
});
