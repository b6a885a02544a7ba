/** The desk's signing of a result (renderer/src/features/signing/signResult.ts): rules, payload, files. */
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/signing/bytes';
import { verifyPdf } from '../../../shared/signing/pdf';
import { verifyCms } from '../../../shared/signing';
import { TEST_P12_PASSWORD } from '../../signing/containers';
import { testPki, type TestParty, type TestPki } from '../../signing/pki';
import { loadFormFonts } from '../forms/support/node-fonts';
import { producedForm } from './support/produced';
import {
  openPkcs12,
  signResult,
  type SignResultInput,
} from '../../../renderer/src/features/signing/signResult';

let pki: TestPki;
let input: SignResultInput;

beforeAll(async () => {
  pki = await testPki();
  input = {
    produced: await producedForm('appendix-3', 'kk'),
    form: 'appendix-3',
    language: 'kk',
    caseNumber: '2026-000123',
    bin: pki.bin,
    issuerName: 'Сайрам ауданының білім бөлімі',
    position: 'Бас маман',
    fonts: loadFormFonts(),
    now: new Date(),
    utcOffsetMinutes: 300,
  };
}, 120_000);

async function signAs(party: TestParty, extra: Partial<SignResultInput> = {}) {
  const signer = await openPkcs12(pki.pkcs12(party, 'modern'), TEST_P12_PASSWORD);
  if (typeof signer === 'string') throw new Error(signer);
  return signResult(signer, { ...input, ...extra });
}

describe('openPkcs12', () => {
  it('says a wrong password is a wrong password, and an unreadable file unreadable', async () => {
    expect(await openPkcs12(pki.pkcs12(pki.signing, 'legacy'), 'wrong')).toBe('password.wrong');
    expect(await openPkcs12(new TextEncoder().encode('no container'), 'x')).toBe('container.unreadable');
  });
});

describe('signResult', () => {
  it('refuses, by the rule, keys that may not sign the result', async () => {
    expect(await signAs(pki.authentication)).toEqual({ ok: false, code: 'rule.not-signing-key' });
    expect(await signAs(pki.expired)).toEqual({ ok: false, code: 'rule.expired' });
    expect(await signAs(pki.wrongBin)).toEqual({ ok: false, code: 'rule.wrong-bin' });
    expect(await signAs(pki.individual)).toEqual({ ok: false, code: 'rule.not-legal-entity' });
  });

  it('gives the signed event its facts and the two files it names, by their hashes', async () => {
    const outcome = await signAs(pki.signing);
    if (!outcome.ok) throw new Error(outcome.code);
    const { payload, files } = outcome;
    expect(payload).toMatchObject({
      signatureFormat: 'cms-detached',
      documentSha256: sha256Hex(input.produced),
      certificateSerial: '1001',
      signerName: 'ЖҰМАБАЕВА САУЛЕ МАРАТҚЫЗЫ',
      signerIin: pki.signing.iin,
      signerBin: pki.bin,
      timestamped: false,
    });
    expect(payload.signedAt).toMatch(/\+05:00$/);
    const [pdfFile, cmsFile] = files;
    expect(pdfFile?.fileName).toBe('2026-000123_appendix-3_kk_signed.pdf');
    expect(cmsFile?.fileName).toBe('2026-000123_appendix-3_kk_signed.pdf.cms');
    const pdf = new Uint8Array(await pdfFile!.blob.arrayBuffer());
    const cms = new Uint8Array(await cmsFile!.blob.arrayBuffer());
    expect(sha256Hex(pdf)).toBe(payload.signedPdfSha256);
    expect(sha256Hex(cms)).toBe(payload.signatureSha256);
    // The CMS is over the stored PDF, and the PDF's own signature holds.
    const detached = await verifyCms(cms, pdf, { trustedRoots: [pki.root.cert] });
    expect(detached.signatures[0]?.integrity.status).toBe('valid');
    const embedded = await verifyPdf(pdf, { trustedRoots: [pki.root.cert] });
    expect(embedded.signatures[0]?.chain.status).toBe('valid');
  });

  it('closes the signer whatever happens: the key does not outlive the call', async () => {
    const signer = await openPkcs12(pki.pkcs12(pki.signing, 'modern'), TEST_P12_PASSWORD);
    if (typeof signer === 'string') throw new Error(signer);
    await signResult(signer, { ...input, produced: new TextEncoder().encode('not a pdf') });
    await expect(signer.signDetached(new Uint8Array([1]), { signingTime: new Date() })).rejects.toThrow(
      'signer.closed',
    );
  });

  it('a signer that tells its certificate only after signing (NCALayer) is judged and printed by it', async () => {
    const inner = await openPkcs12(pki.pkcs12(pki.authentication, 'modern'), TEST_P12_PASSWORD);
    if (typeof inner === 'string') throw new Error(inner);
    let signed = 0;
    const blind = {
      ...inner,
      kind: 'ncalayer' as const,
      certificate: () => Promise.resolve(undefined),
      signDetached: (data: Uint8Array, o: { signingTime: Date }) => {
        signed++;
        return inner.signDetached(data, o);
      },
    };
    // The authentication key is refused after the one probe, before the stamped PDF is signed.
    expect(await signResult(blind, input)).toEqual({ ok: false, code: 'rule.not-signing-key' });
    expect(signed).toBe(1);
  });

  it('reports a document without a stamp box by its code', async () => {
    const outcome = await signAs(pki.signing, { produced: new TextEncoder().encode('not a pdf') });
    expect(outcome).toEqual({ ok: false, code: 'pdf.unreadable' });
  });
});
