/**
 * The signature record end to end below the UI: a real detached CMS (OpenSSL, the НУЦ's test RSA
 * key) read by the dialog's spec, checked against the documents the desk produced for the
 * decision, and the 'signed' event it builds folded by the reducer.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, type CaseState } from '../../../shared/workflow';
import { sha256Hex, type StoredAttachment } from '../../../renderer/src/db';
import { ACTION_SPECS } from '../../../renderer/src/features/actions/actionSpecs';
import type { ActionContext, ChosenFile } from '../../../renderer/src/features/actions/actionTypes';
import { makeEvent } from '../../../renderer/src/stores/eventFactory';
import { actionContext, demoCase, NOW } from '../../../renderer/src/stores/fixtures';
import { signWithTestKey, TEST_SIGNER } from '../../signing/openssl';

const spec = ACTION_SPECS.signed;
const extract = new TextEncoder().encode('%PDF-1.7\n% extract from the order No. 245-Б\n');
const otherDecision = new TextEncoder().encode('%PDF-1.7\n% extract for another case\n');

/** A case ready to send with the extract produced after the head approved it; the store holds its bytes. */
async function readyWithExtract(): Promise<{ state: CaseState; stored: Map<string, Uint8Array> }> {
  const ready = demoCase('ready-grant').state;
  const sha256 = await sha256Hex(extract);
  const event = makeEvent(
    ready,
    'document-produced',
    { form: 'appendix-3', language: 'kk', sha256, templateId: 'appendix-3.kk', templateVersion: '1.0.0' },
    { userId: ready.assignedTo!, role: 'officer' },
    new Date(NOW),
  );
  const applied = applyEvent(ready, event);
  if (!applied.ok) throw new Error(applied.reason.code);
  return { state: applied.state, stored: new Map([[sha256, extract]]) };
}

const loader = (stored: Map<string, Uint8Array>) => (sha: string) =>
  Promise.resolve<StoredAttachment | undefined>(
    stored.has(sha)
      ? {
          blob: new Blob([stored.get(sha)! as Uint8Array<ArrayBuffer>]),
          meta: { sha256: sha, fileName: 'x.pdf', mimeType: 'application/pdf', size: 0, storedAt: '' },
        }
      : undefined,
  );

async function choose(
  ctx: ActionContext,
  bytes: Uint8Array,
  stored: Map<string, Uint8Array>,
): Promise<ActionContext> {
  const file: ChosenFile = {
    sha256: await sha256Hex(bytes),
    fileName: 'extract.cms',
    mimeType: 'application/pkcs7-signature',
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    reading: await spec.readFile!(bytes, ctx, loader(stored)),
  };
  return { ...ctx, chosen: { signedFile: file } };
}

describe('recording a signature made in NCALayer', () => {
  it('offers only the documents of this decision produced after the approval', async () => {
    const ready = demoCase('ready-grant').state;
    const none = spec.fields(actionContext(ready), {});
    expect(none.find((f) => f.name === 'signedDocument')?.options).toEqual([]);
    expect(none.find((f) => f.name === 'noDocument')?.note?.key).toBe('record.signature.noDocument');
    const { state } = await readyWithExtract();
    expect(spec.fields(actionContext(state), {}).find((f) => f.name === 'signedDocument')?.options).toEqual([
      await sha256Hex(extract),
    ]);
  });

  it('reads the signer, serial and time from the file and records a signature the reducer accepts', async () => {
    const { state, stored } = await readyWithExtract();
    const cms = signWithTestKey(extract);
    // OpenSSL signs on the machine's clock; the signature is recorded after it was made.
    const recordedAt = new Date(Date.now() + 1000);
    const ctx = await choose({ ...actionContext(state), now: recordedAt.toISOString() }, cms, stored);
    const values = spec.initial(ctx);
    expect(values).toMatchObject({
      certificateSerial: TEST_SIGNER.certificateSerial,
      signerName: TEST_SIGNER.name,
    });
    const readNote = spec.fields(ctx, values).find((f) => f.name === 'signatureRead')?.note;
    expect(readNote?.lines?.map((l) => l.key)).toContain('record.signature.read.digest.matches');
    expect(readNote?.tone).toBeUndefined();

    const built = spec.build(values, ctx);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    expect(built.payload).toMatchObject({
      signatureFormat: 'cms-detached',
      documentSha256: await sha256Hex(extract),
      signatureSha256: await sha256Hex(cms),
      certificateSerial: TEST_SIGNER.certificateSerial,
      signerIin: TEST_SIGNER.iin,
      timestamped: false,
    });
    const event = makeEvent(
      state,
      'signed',
      built.payload,
      { userId: state.assignedTo!, role: 'officer' },
      recordedAt,
    );
    expect(applyEvent(state, event)).toMatchObject({
      ok: true,
      state: { signature: { signatureSha256: await sha256Hex(cms) } },
    });
  });

  it('refuses a random file with the reason, and a signature over another decision’s document', async () => {
    const { state, stored } = await readyWithExtract();
    const random = await choose(actionContext(state), new TextEncoder().encode('not a signature'), stored);
    expect(spec.build(spec.initial(random), random)).toMatchObject({
      ok: false,
      errors: { signedFile: 'not-a-signature' },
    });
    expect(spec.fields(random, {}).find((f) => f.name === 'signatureRead')?.note).toMatchObject({
      key: 'record.signature.problem.not-cms',
      tone: 'warning',
    });

    const other = await choose(actionContext(state), signWithTestKey(otherDecision), stored);
    expect(spec.build(spec.initial(other), other)).toMatchObject({
      ok: false,
      errors: { signedFile: 'signs-other-document' },
    });
    const lines = spec.fields(other, spec.initial(other)).find((f) => f.name === 'signatureRead')
      ?.note?.lines;
    expect(lines?.map((l) => l.key)).toContain('record.signature.read.digest.none');
  });

  it('takes a serial only in hex, and only the one in the file', async () => {
    const { state, stored } = await readyWithExtract();
    const ctx = await choose(actionContext(state), signWithTestKey(extract, { pem: true }), stored);
    const values = spec.initial(ctx);
    expect(spec.build({ ...values, certificateSerial: 'серия 12' }, ctx)).toMatchObject({
      errors: { certificateSerial: 'serial-hex' },
    });
    expect(spec.build({ ...values, certificateSerial: '7f01' }, ctx)).toMatchObject({
      errors: { certificateSerial: 'serial-mismatch' },
    });
    // As the certificate viewer prints it: upper case, bytes apart.
    const spaced = TEST_SIGNER.certificateSerial.toUpperCase().replace(/(..)/g, '$1 ').trim();
    expect(spec.build({ ...values, certificateSerial: spaced }, ctx)).toMatchObject({ ok: true });
  });
});
