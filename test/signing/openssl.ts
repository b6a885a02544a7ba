/**
 * Real detached CMS signatures for tests, made by OpenSSL with the НУЦ's test RSA key
 * (../shared/fixtures/nca-test, read where it lies). OpenSSL 3 reads the НУЦ's PKCS#12 only with
 * `-legacy` (RC2/3DES bags). Fails with an install hint when openssl is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const P12 = fileURLToPath(
  new URL('../../../shared/fixtures/nca-test/individual-sign-rsa.p12', import.meta.url),
);
const PASSWORD = 'Qwerty12';

/** The test certificate's serial (hex, lowercase), its holder and IIN, as the НУЦ issued them. */
export const TEST_SIGNER = {
  certificateSerial: '4279390a141f5353a62947b61ed65e81741467d1',
  name: 'ТЕСТОВ ТЕСТ ТЕСТОВИЧ',
  iin: '123456789011',
};

let dir: string | undefined;

function openssl(args: string[], input?: Buffer): Buffer {
  try {
    return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('openssl is needed for the signature tests: sudo apt-get install openssl', {
        cause: error,
      });
    throw error;
  }
}

function signerPem(): string {
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'desk-cms-'));
    openssl([
      'pkcs12',
      '-legacy',
      '-in',
      P12,
      '-passin',
      `pass:${PASSWORD}`,
      '-nodes',
      '-out',
      join(dir, 'signer.pem'),
    ]);
  }
  return join(dir, 'signer.pem');
}

export interface SignOptions {
  digest?: 'sha256' | 'sha1';
  /** The content inside the CMS (not detached). */
  attached?: boolean;
  /** Base64 in PEM armour, as NCALayer hands it over, instead of DER. */
  pem?: boolean;
}

/** A CMS SignedData over `content`, detached unless asked otherwise, with signing time. */
export function signWithTestKey(content: Uint8Array, options: SignOptions = {}): Buffer {
  const pem = signerPem();
  const file = join(dir!, 'content.bin');
  writeFileSync(file, content);
  const out = join(dir!, 'signature.cms');
  openssl([
    'cms',
    '-sign',
    '-binary',
    '-in',
    file,
    '-signer',
    pem,
    '-md',
    options.digest ?? 'sha256',
    '-outform',
    options.pem ? 'PEM' : 'DER',
    '-out',
    out,
    ...(options.attached ? ['-nodetach'] : []),
  ]);
  return readFileSync(out);
}
