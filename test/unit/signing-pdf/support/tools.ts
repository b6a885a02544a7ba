/**
 * The independent verifiers of the signed PDFs: poppler's pdfsig (over the embedded PAdES
 * signature, with the test root in an NSS database made by certutil) and OpenSSL (over the detached
 * CMS). Missing tools fail the tests, never skip them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Scratch {
  dir: string;
  file(name: string, bytes: Uint8Array | string): string;
  cleanup(): void;
}

export function scratch(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'pdfsign-'));
  return {
    dir,
    file(name, bytes) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function tool(command: string, args: string[], input?: string): { status: number; out: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 << 20, ...(input ? { input } : {}) });
  if (r.error) throw new Error(`${command} is not installed (${r.error.message}); the signing tests need it`);
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** An NSS database in `dir` trusting `rootPem` as a CA (what pdfsig checks chains against). */
export function nssDb(s: Scratch, rootPem: string): string {
  const db = join(s.dir, 'nss');
  tool('mkdir', ['-p', db]);
  const made = tool('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
  if (made.status !== 0) throw new Error(`certutil -N failed: ${made.out}`);
  const added = tool('certutil', [
    '-A',
    '-d',
    `sql:${db}`,
    '-n',
    'desk-test-root',
    '-t',
    'CT,C,C',
    '-i',
    s.file('root.pem', rootPem),
  ]);
  if (added.status !== 0) throw new Error(`certutil -A failed: ${added.out}`);
  return db;
}

/** pdfsig's report of a file (its exit status is not the verdict: the text is). */
export function pdfsig(path: string, nssDir?: string): string {
  return tool('pdfsig', [...(nssDir ? ['-nssdir', `sql:${nssDir}`] : []), path]).out;
}

/** `openssl cms -verify -binary -inform DER -content <pdf>` against the root; true when it verifies. */
export function opensslVerify(
  s: Scratch,
  cms: Uint8Array,
  content: Uint8Array,
  rootPem: string,
): { ok: boolean; out: string } {
  const r = tool('openssl', [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    s.file('sig.cms', cms),
    '-content',
    s.file('content.pdf', content),
    '-CAfile',
    s.file('ca.pem', rootPem),
    '-purpose',
    'any',
    '-out',
    join(s.dir, 'out.bin'),
  ]);
  return { ok: r.status === 0 && r.out.includes('Verification successful'), out: r.out };
}
