/**
 * The demo's signatures are real detached CMS over the demo's results: openssl verifies each one
 * against its PDF (the demo key is self-signed, so the chain is not checked; the signature is), and
 * a signature does not verify against the other result.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signatureFiles } from '../../../renderer/src/demo/files/manifest';

const demo = new URL('../../../resources/demo/', import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'demo-signatures-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function verify(signature: Uint8Array, pdf: string): { ok: boolean; stderr: string } {
  const file = join(work, 'signature.cms');
  writeFileSync(file, signature);
  const args = ['cms', '-verify', '-binary', '-noverify', '-inform', 'DER', '-in', file];
  const r = spawnSync('openssl', [...args, '-content', new URL(pdf, demo).pathname, '-out', '/dev/null'], {
    encoding: 'utf8',
  });
  if (r.error) throw new Error('openssl is needed for this test (apt-get install openssl)');
  return { ok: r.status === 0, stderr: r.stderr };
}

describe('demo signatures', () => {
  const signatures = signatureFiles();

  it.each([
    ['result-grant.pdf.cms', 'result-grant.pdf', 'result-refusal.pdf'],
    ['result-refusal.pdf.cms', 'result-refusal.pdf', 'result-grant.pdf'],
  ] as const)('%s verifies over %s and not over %s', (name, signed, other) => {
    expect(verify(signatures[name], signed)).toMatchObject({ ok: true });
    expect(verify(signatures[name], other).ok).toBe(false);
  });
});
