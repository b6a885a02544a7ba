/** What signPdf refuses, each with its code, and what it never produces. */
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPdfSigningError, type PdfSigningErrorCode } from '../../../shared/signing/pdf/errors';
import { signPdf, type StampInput } from '../../../shared/signing/pdf/sign';
import type { Signer } from '../../../shared/signing/types';
import { certificateInfo } from '../../../shared/signing/x509';
import { testPki, type TestPki } from '../../signing/pki';
import { loadFormFonts } from '../forms/support/node-fonts';
import { textLayer } from '../forms/support/poppler';
import { producedForm } from './support/produced';
import { partySigner } from '../../signing/containers';

let pki: TestPki;
let produced: Uint8Array;
const stamp = (extra: Partial<StampInput> = {}): StampInput => ({
  language: 'kk',
  caseNumber: '2026-000123',
  fonts: loadFormFonts(),
  signingTime: new Date('2026-11-25T06:15:30Z'),
  utcOffsetMinutes: 300,
  ...extra,
});

async function refusal(promise: Promise<unknown>): Promise<PdfSigningErrorCode | undefined> {
  try {
    await promise;
    return undefined;
  } catch (e) {
    if (isPdfSigningError(e)) return e.code;
    throw e;
  }
}

beforeAll(async () => {
  pki = await testPki();
  produced = await producedForm('appendix-3', 'ru');
}, 120_000);

describe('signPdf refuses', () => {
  it('a file that is no PDF', async () => {
    expect(
      await refusal(
        signPdf(new TextEncoder().encode('not a pdf'), await partySigner(pki, pki.signing), stamp()),
      ),
    ).toBe('pdf.unreadable');
  });

  it('a PDF without a reserved stamp box', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(await refusal(signPdf(await doc.save(), await partySigner(pki, pki.signing), stamp()))).toBe(
      'stamp.no-area',
    );
  });

  it('a signer that cannot tell its certificate, unless the caller gives the one to print', async () => {
    const inner = await partySigner(pki, pki.signing);
    const blind: Signer = { ...inner, kind: 'ncalayer', certificate: () => Promise.resolve(undefined) };
    expect(await refusal(signPdf(produced, blind, stamp()))).toBe('stamp.no-certificate');
    const made = await signPdf(produced, blind, stamp({ certificate: certificateInfo(pki.signing.cert) }));
    expect(made.certificate.serialHex).toBe('1001');
  });

  it('a signature by another certificate than the one printed', async () => {
    const other = await partySigner(pki, pki.head);
    const liar: Signer = { ...other, certificate: () => Promise.resolve(certificateInfo(pki.signing.cert)) };
    expect(await refusal(signPdf(produced, liar, stamp()))).toBe('stamp.certificate-mismatch');
  });

  it('a CMS larger than the room kept for it', async () => {
    const inner = await partySigner(pki, pki.signing);
    const huge: Signer = {
      ...inner,
      async signDetached(data, options) {
        const r = await inner.signDetached(data, options);
        return { ...r, cms: new Uint8Array(64 * 1024) };
      },
    };
    expect(await refusal(signPdf(produced, huge, stamp()))).toBe('pdf.signature-too-large');
  });

  it('a stamp whose text cannot fit the box even in the smallest type', async () => {
    expect(
      await refusal(
        signPdf(
          produced,
          await partySigner(pki, pki.signing),
          stamp({ position: 'өте ұзын лауазым '.repeat(40) }),
        ),
      ),
    ).toBe('stamp.does-not-fit');
  });

  it('a stamp with a character the forms’ font cannot print', async () => {
    expect(
      await refusal(signPdf(produced, await partySigner(pki, pki.signing), stamp({ position: 'Маман ☃' }))),
    ).toBe('stamp.unprintable');
  });
});

describe('the stamp fits what a real signer brings', () => {
  it('a long position and organisation are wrapped in a smaller type, not refused', async () => {
    const position = 'Түркістан облысы Сайрам ауданы әкімдігінің білім бөлімі басшысының орынбасары';
    const made = await signPdf(produced, await partySigner(pki, pki.signing), stamp({ position }));
    expect(textLayer(made.pdf)).toContain(`Лауазымы: ${position}`);
  });
});
