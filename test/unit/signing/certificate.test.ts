import { beforeAll, describe, expect, it } from 'vitest';
import { certificateInfo, checkSigningRules, isSigningError, parseBin } from '../../../shared/signing';
import { ncaFixture } from '../../signing/fixtures';
import { testPki } from '../../signing/pki';

// Ten RSA-2048 keys: built once per worker, with room for a machine whose cores are shared.
beforeAll(async () => {
  await testPki();
}, 180_000);

describe('certificateInfo on the НУЦ test certificates', () => {
  it('reads a legal entity first head (GOST 2004) with IIN, BIN and roles', () => {
    const info = certificateInfo(ncaFixture('certs/ceo_valid_sign_2004_gost.cer'));
    expect(info.subject).toEqual({
      commonName: 'ТЕСТОВ ТЕСТ',
      surname: 'ТЕСТОВ',
      givenName: 'ТЕСТОВИЧ',
      iin: '123456789011',
      bin: '123456789021',
      organization: 'АО "ТЕСТ"',
      country: 'KZ',
    });
    expect(info.issuer).toEqual({ commonName: 'ҰКО 3.0 (GOST TEST)', country: 'KZ' });
    expect(info.serialHex).toBe('6cbd4560a33a58c0b07c3363c9ae0674a0838e58');
    expect(info.notBefore).toBe('2022-01-18T04:45:35.000Z');
    expect(info.notAfter).toBe('2023-01-18T04:45:35.000Z');
    expect(info.keyAlgorithm).toBe('gost2004');
    expect(info.roles).toEqual(expect.arrayContaining(['signing', 'legal-entity', 'first-head']));
    expect(info.roles).not.toContain('authentication');
    // The НУЦ's fictitious BIN is no real BIN (month 34): the certificate still reports it as written.
    expect(parseBin(info.subject.bin!)).toEqual({ valid: false, reason: 'month' });
  });

  it('reads an RSA individual signing certificate and its key usage', () => {
    const info = certificateInfo(ncaFixture('certs/individual_valid_sign_2004_rsa.cer'));
    expect(info.keyAlgorithm).toBe('rsa');
    expect(info.subject.iin).toBe('123456789011');
    expect(info.subject.bin).toBeUndefined();
    expect(info.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(info.extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.4', '1.2.398.3.3.4.1.1']);
    expect(info.roles).toEqual(['signing', 'individual']);
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the GOST 2015 CA certificate', () => {
    const info = certificateInfo(ncaFixture('ca/nca_gost2015_test.cer'));
    expect(info.keyAlgorithm).toBe('gost2015-512');
    expect(info.subject.commonName).toBe('ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) TEST 2022');
    expect(info.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
  });

  it('refuses bytes that are no certificate with certificate.unreadable', () => {
    let caught: unknown;
    try {
      certificateInfo(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]));
    } catch (e) {
      caught = e;
    }
    expect(isSigningError(caught, 'certificate.unreadable')).toBe(true);
  });
});

describe('the test PKI and the signing rules', () => {
  it('gives the officer an akimat-employee signing certificate with the demo BIN', async () => {
    const pki = await testPki();
    const info = certificateInfo(pki.signing.cert);
    expect(info.subject.bin).toBe(pki.bin);
    expect(parseBin(pki.bin).valid).toBe(true);
    expect(info.subject.iin).toBe(pki.signing.iin);
    expect(info.roles).toEqual(['signing', 'legal-entity', 'employee']);
    expect(info.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(checkSigningRules(info, { bin: pki.bin, now: pki.now })).toBeUndefined();
    expect(certificateInfo(pki.head.cert).roles).toContain('right-of-signature');
  });

  it('refuses each wrong certificate with its rule', async () => {
    const pki = await testPki();
    const rule = (cert: Uint8Array, revoked = false) =>
      checkSigningRules(certificateInfo(cert), {
        bin: pki.bin,
        now: pki.now,
        revocation: { status: revoked ? 'invalid' : 'valid' },
      });
    expect(rule(pki.authentication.cert)).toBe('rule.not-signing-key');
    expect(rule(pki.individual.cert)).toBe('rule.not-legal-entity');
    expect(rule(pki.wrongBin.cert)).toBe('rule.wrong-bin');
    expect(rule(pki.expired.cert)).toBe('rule.expired');
    expect(rule(pki.revoked.cert, true)).toBe('rule.revoked');
    expect(rule(pki.revoked.cert, false)).toBeUndefined();
    const early = checkSigningRules(certificateInfo(pki.signing.cert), {
      bin: pki.bin,
      now: new Date(pki.now.getTime() - 60 * 86_400_000),
    });
    expect(early).toBe('rule.not-yet-valid');
  });

  it('refuses the НУЦ individual certificate as no legal entity, the CEO one by BIN', () => {
    const now = new Date('2022-06-01T00:00:00Z');
    const individual = certificateInfo(ncaFixture('certs/individual_valid_sign_2004_rsa.cer'));
    expect(checkSigningRules(individual, { bin: '990440001234', now })).toBe('rule.not-legal-entity');
    const ceo = certificateInfo(ncaFixture('certs/ceo_valid_sign_2004_gost.cer'));
    expect(checkSigningRules(ceo, { bin: '990440001234', now })).toBe('rule.wrong-bin');
    expect(checkSigningRules(ceo, { bin: '123456789021', now })).toBeUndefined();
    expect(checkSigningRules(ceo, { bin: '123456789021', now: new Date('2023-02-01T00:00:00Z') })).toBe(
      'rule.expired',
    );
    const auth = certificateInfo(ncaFixture('certs/individual_valid_sign_2004_rsa_auth.cer'));
    expect(checkSigningRules(auth, { bin: '123456789021', now })).toBe('rule.not-signing-key');
  });
});
