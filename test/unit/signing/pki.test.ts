import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_P12_PASSWORD } from '../../signing/containers';
import { testPki } from '../../signing/pki';

// Ten RSA-2048 keys: built once per worker, with room for a machine whose cores are shared.
beforeAll(async () => {
  await testPki();
}, 180_000);

const dir = mkdtempSync(join(tmpdir(), 'desk-pki-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openssl(args: string[], input?: Uint8Array): { status: number | null; out: string } {
  const r = spawnSync('openssl', args, { input, env: { ...process.env, P: TEST_P12_PASSWORD } });
  return { status: r.status, out: r.stdout.toString() + r.stderr.toString() };
}

// OpenSSL, which no one here wrote, checks what the builder makes.
describe('the test PKI, checked by OpenSSL', () => {
  it('chains every certificate to the root and states the НУЦ roles', async () => {
    const pki = await testPki();
    writeFileSync(join(dir, 'root.pem'), pki.root.certPem);
    for (const party of [pki.signing, pki.head, pki.authentication, pki.revoked, pki.tsa, pki.ocsp]) {
      writeFileSync(join(dir, `${party.label}.pem`), party.certPem);
      const r = openssl(['verify', '-CAfile', join(dir, 'root.pem'), join(dir, `${party.label}.pem`)]);
      expect(r.out).toContain(': OK');
    }
    const expired = join(dir, 'expired.pem');
    writeFileSync(expired, pki.expired.certPem);
    expect(openssl(['verify', '-CAfile', join(dir, 'root.pem'), expired]).out).toContain(
      'certificate has expired',
    );
    const text = openssl([
      'x509',
      '-in',
      join(dir, 'signing.pem'),
      '-noout',
      '-text',
      '-nameopt',
      'utf8',
    ]).out;
    expect(text).toContain('E-mail Protection, 1.2.398.3.3.4.1.2, 1.2.398.3.3.4.1.2.5');
    expect(text).toContain(`serialNumber=IIN${pki.signing.iin}`);
    expect(text).toContain(`OU=BIN${pki.bin}`);
  });

  it('makes modern and legacy PKCS#12 containers of the expected algorithms', async () => {
    const pki = await testPki();
    const modern = openssl(
      ['pkcs12', '-info', '-noout', '-passin', 'env:P'],
      pki.pkcs12(pki.signing, 'modern'),
    );
    expect(modern.out).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC');
    expect(modern.out).toContain('MAC: sha256');
    const legacy = openssl(
      ['pkcs12', '-info', '-noout', '-legacy', '-passin', 'env:P'],
      pki.pkcs12(pki.signing, 'legacy'),
    );
    expect(legacy.out).toContain('Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC');
    expect(legacy.out).toContain('pbeWithSHA1And40BitRC2-CBC');
    expect(legacy.out).toContain('MAC: sha1');
  });

  it('answers OCSP for the revoked certificate as revoked and for the officer as good, signed', async () => {
    const pki = await testPki();
    writeFileSync(join(dir, 'ocsp-signer.pem'), pki.ocsp.certPem);
    for (const [party, status] of [
      [pki.revoked, 'revoked'],
      [pki.signing, 'good'],
    ] as const) {
      const resp = join(dir, `${party.label}.ocsp`);
      writeFileSync(resp, await pki.ocspResponse(party));
      writeFileSync(join(dir, `${party.label}.pem`), party.certPem);
      const r = openssl([
        'ocsp',
        '-respin',
        resp,
        '-issuer',
        join(dir, 'root.pem'),
        '-cert',
        join(dir, `${party.label}.pem`),
        '-CAfile',
        join(dir, 'root.pem'),
      ]);
      expect(r.out).toContain('Response verify OK');
      expect(r.out).toContain(`: ${status}`);
    }
  });

  it('lists the revoked certificate in a CRL signed by the root', async () => {
    const pki = await testPki();
    const crl = join(dir, 'root.crl');
    writeFileSync(crl, pki.crl);
    const r = openssl([
      'crl',
      '-inform',
      'DER',
      '-in',
      crl,
      '-CAfile',
      join(dir, 'root.pem'),
      '-noout',
      '-text',
    ]);
    expect(r.out).toContain('verify OK');
    expect(r.out).toContain('Serial Number: 1005');
    expect(r.out).toContain('Key Compromise');
  });
});
