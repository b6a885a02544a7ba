import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../renderer/src/db';
import { documentsSigned, readDetachedSignature } from '../../../renderer/src/features/actions/signatureFile';
import { signWithTestKey, TEST_SIGNER } from '../../signing/openssl';

const document = new TextEncoder().encode('%PDF-1.7\n% the extract from the order\n');
const other = new TextEncoder().encode('%PDF-1.7\n% another decision\n');

async function docs() {
  return [
    { sha256: await sha256Hex(document), bytes: document },
    { sha256: await sha256Hex(other), bytes: other },
  ];
}

describe('a detached CMS signature file', () => {
  it('says who signed with which certificate, when, and which document it signs', async () => {
    const before = Date.now() - 60_000;
    const read = readDetachedSignature(signWithTestKey(document));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.signature).toMatchObject({
      certificateSerial: TEST_SIGNER.certificateSerial,
      signerName: TEST_SIGNER.name,
      signerIin: TEST_SIGNER.iin,
      timestamped: false,
      digest: { algorithm: 'SHA-256', hex: await sha256Hex(document) },
    });
    expect(read.signature.signedAtMs).toBeGreaterThan(before);
    expect(await documentsSigned(read.signature, await docs())).toEqual([await sha256Hex(document)]);
  });

  it('reads the PEM armour NCALayer hands over, and a SHA-1 digest by computing it', async () => {
    const read = readDetachedSignature(signWithTestKey(other, { pem: true, digest: 'sha1' }));
    if (!read.ok) throw new Error(read.problem);
    expect(read.signature.digest.algorithm).toBe('SHA-1');
    expect(await documentsSigned(read.signature, await docs())).toEqual([await sha256Hex(other)]);
  });

  it('refuses a random file, a PDF and a signature with the content inside', () => {
    expect(readDetachedSignature(new TextEncoder().encode('hello, this is not a signature'))).toEqual({
      ok: false,
      problem: 'not-cms',
    });
    expect(readDetachedSignature(document)).toEqual({ ok: false, problem: 'not-cms' });
    expect(readDetachedSignature(Uint8Array.of(0x30, 0x82, 0xff, 0xff, 0x06))).toEqual({
      ok: false,
      problem: 'not-cms',
    });
    expect(readDetachedSignature(signWithTestKey(document, { attached: true }))).toEqual({
      ok: false,
      problem: 'attached',
    });
  });
});
