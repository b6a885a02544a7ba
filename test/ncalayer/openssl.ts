/**
 * OpenSSL for the NCALayer tests (the independent side): a TLS certificate for 127.0.0.1 (NCALayer
 * serves wss:// with its own), detached CMS made with the test PKI as NCALayer would make them, a
 * time-stamp authority, and checks of a CMS and of a time stamp.
 */
import { opensslDir, type OpensslDir } from '../signing/openssl';
import type { TestParty } from '../signing/pki';

function inOpensslDir<T>(work: (dir: OpensslDir) => T): T {
  const dir = opensslDir();
  try {
    return work(dir);
  } finally {
    dir.remove();
  }
}

function run(dir: OpensslDir, args: string[]): void {
  const { status, out } = dir.run(args);
  if (status !== 0) throw new Error(`openssl ${args[0]} failed: ${out}`);
}

/** Whether openssl exits 0 (a verification passed). */
const passes = (dir: OpensslDir, args: string[]): boolean => dir.run(args).status === 0;

/** A self-signed certificate for 127.0.0.1, as NCALayer's own is to a browser that never trusted it. */
export function loopbackTlsCertificate(): { key: string; cert: string } {
  return inOpensslDir((dir) => {
    run(dir, [
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
      dir.path('key.pem'),
      '-out',
      dir.path('cert.pem'),
    ]);
    const text = (name: string): string => new TextDecoder().decode(dir.read(name));
    return { key: text('key.pem'), cert: text('cert.pem') };
  });
}

/**
 * Whether `openssl cms -verify` accepts `cms` (DER, detached) as a signature over `data`: the
 * digest and the signature value; the certificate chain is not judged (-noverify).
 */
export function opensslVerifiesCms(cms: Uint8Array, data: Uint8Array): boolean {
  return inOpensslDir((dir) =>
    passes(dir, [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      dir.file('sig.cms', cms),
      '-content',
      dir.file('data.bin', data),
      '-noverify',
      '-out',
      dir.path('out.bin'),
    ]),
  );
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
    inOpensslDir((dir) => {
      run(dir, [
        'cms',
        '-sign',
        '-binary',
        '-cades',
        '-nosmimecap',
        ...(options.attached ? ['-nodetach'] : []),
        '-md',
        'sha256',
        '-in',
        dir.file('data.bin', data),
        '-signer',
        dir.file('cert.pem', party.certPem),
        '-inkey',
        dir.file('key.pem', party.keyPem),
        ...(chain.length > 0
          ? ['-certfile', dir.file('chain.pem', chain.map((c) => c.certPem).join(''))]
          : []),
        '-outform',
        'DER',
        '-out',
        dir.path('sig.cms'),
      ]);
      return dir.read('sig.cms');
    });
}

/**
 * An RFC 3161 time-stamp authority made of `openssl ts -reply` with the test PKI's TSA (not the
 * desk's own CMS builder, as test/signing/tsa.ts is): the token (DER TimeStampToken) for a SHA-256
 * digest.
 */
export function opensslTimestamp(tsa: TestParty, digest: Uint8Array): Uint8Array {
  return inOpensslDir((dir) => {
    const config = [
      '[tsa]',
      'default_tsa = tsa1',
      '[tsa1]',
      `serial = ${dir.file('serial', '01\n')}`,
      'crypto_device = builtin',
      `signer_cert = ${dir.file('tsa.pem', tsa.certPem)}`,
      `signer_key = ${dir.file('tsa.key', tsa.keyPem)}`,
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      'digests = sha256',
      'ess_cert_id_alg = sha256',
      'ess_cert_id_chain = no',
      'accuracy = secs:1',
      'ordering = no',
      'tsa_name = no',
      '',
    ].join('\n');
    const hex = Buffer.from(digest).toString('hex');
    run(dir, ['ts', '-query', '-digest', hex, '-sha256', '-cert', '-out', dir.path('q.tsq')]);
    run(dir, [
      'ts',
      '-reply',
      '-config',
      dir.file('tsa.cnf', config),
      '-queryfile',
      dir.path('q.tsq'),
      '-token_out',
      '-out',
      dir.path('t.tst'),
    ]);
    return dir.read('t.tst');
  });
}

/** Whether `openssl ts -verify` accepts a token as a time stamp of `digest` by a TSA under `root`. */
export function opensslVerifiesTimestamp(token: Uint8Array, digest: Uint8Array, root: TestParty): boolean {
  return inOpensslDir((dir) =>
    passes(dir, [
      'ts',
      '-verify',
      '-token_in',
      '-in',
      dir.file('t.tst', token),
      '-digest',
      Buffer.from(digest).toString('hex'),
      '-CAfile',
      dir.file('root.pem', root.certPem),
    ]),
  );
}
