/**
 * OpenSSL for the NCALayer tests: a TLS certificate for 127.0.0.1 (NCALayer serves wss:// with its
 * own), and an independent check of a CMS over its data (`openssl cms -verify`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestParty } from '../signing/pki';

function inTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ncalayer-test-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A self-signed certificate for 127.0.0.1, as NCALayer's own is to a browser that never trusted it. */
export function loopbackTlsCertificate(): { key: string; cert: string } {
  return inTempDir((dir) => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  });
}

/**
 * Whether `openssl cms -verify` accepts `cms` (DER, detached) as a signature over `data`: the
 * digest and the signature value; the certificate chain is not judged (-noverify).
 */
export function opensslVerifiesCms(cms: Uint8Array, data: Uint8Array): boolean {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'sig.cms'), cms);
    writeFileSync(join(dir, 'data.bin'), data);
    try {
      execFileSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          join(dir, 'sig.cms'),
          '-content',
          join(dir, 'data.bin'),
          '-noverify',
          '-out',
          join(dir, 'out.bin'),
        ],
        { stdio: 'pipe' },
      );
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Detached CMS made by `openssl cms -sign` with a party of the test PKI (test/signing/pki.ts), laid
 * out as Kalkan does (-cades adds signingCertificateV2; no S/MIME capabilities), the chain beside
 * it: the real signature a real NCALayer would put where the recorded session's is emptied.
 */
export function opensslCmsSigner(
  party: TestParty,
  chain: readonly TestParty[] = [],
  options: { attached?: boolean } = {},
): (data: Uint8Array) => Uint8Array {
  return (data) =>
    inTempDir((dir) => {
      writeFileSync(join(dir, 'key.pem'), party.keyPem);
      writeFileSync(join(dir, 'cert.pem'), party.certPem);
      writeFileSync(join(dir, 'chain.pem'), chain.map((c) => c.certPem).join(''));
      writeFileSync(join(dir, 'data.bin'), data);
      execFileSync(
        'openssl',
        [
          'cms',
          '-sign',
          '-binary',
          '-cades',
          '-nosmimecap',
          ...(options.attached ? ['-nodetach'] : []),
          '-md',
          'sha256',
          '-in',
          join(dir, 'data.bin'),
          '-signer',
          join(dir, 'cert.pem'),
          '-inkey',
          join(dir, 'key.pem'),
          ...(chain.length > 0 ? ['-certfile', join(dir, 'chain.pem')] : []),
          '-outform',
          'DER',
          '-out',
          join(dir, 'sig.cms'),
        ],
        { stdio: 'pipe' },
      );
      return new Uint8Array(readFileSync(join(dir, 'sig.cms')));
    });
}

/**
 * An RFC 3161 time-stamp authority made of `openssl ts -reply` with the test PKI's TSA: the token
 * (DER TimeStampToken) for a SHA-256 digest.
 */
export function opensslTimestamp(tsa: TestParty, digest: Uint8Array): Uint8Array {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'tsa.pem'), tsa.certPem);
    writeFileSync(join(dir, 'tsa.key'), tsa.keyPem);
    writeFileSync(
      join(dir, 'tsa.cnf'),
      [
        '[tsa]',
        'default_tsa = tsa1',
        '[tsa1]',
        `serial = ${join(dir, 'serial')}`,
        'crypto_device = builtin',
        `signer_cert = ${join(dir, 'tsa.pem')}`,
        `signer_key = ${join(dir, 'tsa.key')}`,
        'signer_digest = sha256',
        'default_policy = 1.2.3.4.1',
        'digests = sha256',
        'ess_cert_id_alg = sha256',
        'ess_cert_id_chain = no',
        'accuracy = secs:1',
        'ordering = no',
        'tsa_name = no',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'serial'), '01\n');
    const hex = Buffer.from(digest).toString('hex');
    execFileSync(
      'openssl',
      ['ts', '-query', '-digest', hex, '-sha256', '-cert', '-out', join(dir, 'q.tsq')],
      {
        stdio: 'pipe',
      },
    );
    execFileSync(
      'openssl',
      [
        'ts',
        '-reply',
        '-config',
        join(dir, 'tsa.cnf'),
        '-queryfile',
        join(dir, 'q.tsq'),
        '-token_out',
        '-out',
        join(dir, 't.tst'),
      ],
      { stdio: 'pipe' },
    );
    return new Uint8Array(readFileSync(join(dir, 't.tst')));
  });
}

/** Whether `openssl ts -verify` accepts a token as a time stamp of `digest` by a TSA under `root`. */
export function opensslVerifiesTimestamp(token: Uint8Array, digest: Uint8Array, root: TestParty): boolean {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 't.tst'), token);
    writeFileSync(join(dir, 'root.pem'), root.certPem);
    try {
      execFileSync(
        'openssl',
        [
          'ts',
          '-verify',
          '-token_in',
          '-in',
          join(dir, 't.tst'),
          '-digest',
          Buffer.from(digest).toString('hex'),
          '-CAfile',
          join(dir, 'root.pem'),
        ],
        { stdio: 'pipe' },
      );
      return true;
    } catch {
      return false;
    }
  });
}
