/**
 * signPdf against independent verifiers: poppler's pdfsig on the embedded PAdES signature (valid,
 * total document signed, trusted with the test root in an NSS database) and OpenSSL on the detached
 * CMS over the final bytes; a copy changed by one byte fails both.
 */
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/signing/bytes';
import { cosignPdf, signPdf, type SignedPdf } from '../../../shared/signing/pdf/sign';
import { stampQrText } from '../../../shared/signing/pdf/stamp-text';
import { pdfDate, verifyPdf } from '../../../shared/signing/pdf/verify';
import { OID } from '../../../shared/signing/oids';
import { parseSignedData, signingTimeOf } from '../../../shared/signing/signed-data';
import { testPki, type TestPki } from '../../signing/pki';
import { loadFormFonts } from '../forms/support/node-fonts';
import { normalizeSpace, textLayer } from '../forms/support/poppler';
import { drawnQr, stampStream } from './support/inspect-stamp';
import { producedForm } from './support/produced';
import { partySigner } from '../../signing/containers';
import { nssDb, opensslVerify, pdfsig, scratch, type Scratch } from './support/tools';

const SIGNED_AT = new Date('2026-11-25T06:15:30Z');
const CASE = '2026-000123';

let pki: TestPki;
let produced: Uint8Array;
let signed: SignedPdf;
let s: Scratch;
let nss: string;

function oneByteChanged(pdf: Uint8Array, at: number): Uint8Array {
  const copy = pdf.slice();
  copy[at] = copy[at] === 0x41 ? 0x42 : 0x41;
  return copy;
}

beforeAll(async () => {
  pki = await testPki();
  produced = await producedForm('appendix-3', 'kk');
  signed = await signPdf(produced, await partySigner(pki, pki.signing), {
    language: 'kk',
    caseNumber: CASE,
    fonts: loadFormFonts(),
    signingTime: SIGNED_AT,
    utcOffsetMinutes: 300,
    position: 'Білім бөлімінің бас маманы',
  });
  s = scratch();
  nss = nssDb(s, pki.root.certPem);
}, 120_000);
afterAll(() => s.cleanup());

describe('the embedded PAdES signature (pdfsig)', () => {
  it('is valid, over the total document, ETSI.CAdES.detached', () => {
    const report = pdfsig(s.file('signed.pdf', signed.pdf));
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    // Without the root in NSS the chain cannot be trusted: the next test's "Trusted" is the root's doing.
    expect(report).not.toContain('Certificate is Trusted');
  });

  it('has a trusted certificate with the test root in an NSS database', () => {
    expect(pdfsig(s.file('signed.pdf', signed.pdf), nss)).toContain(
      'Certificate Validation: Certificate is Trusted.',
    );
  });

  it('fails when one signed byte of the PDF is changed', () => {
    // A byte of the page content area, well inside the first signed range.
    const report = pdfsig(s.file('tampered.pdf', oneByteChanged(signed.pdf, 2000)), nss);
    expect(report).not.toContain('Signature is Valid');
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });
});

describe('PAdES baseline B: the time is the dictionary’s /M, not a signingTime in the embedded CMS', () => {
  const signedAttributeTypes = (cms: Uint8Array) => {
    const parsed = parseSignedData(cms);
    if ('problem' in parsed) throw new Error(parsed.problem);
    const signer = parsed.signedData.signerInfos[0]!;
    return { types: signer.signedAttrs!.attributes.map((a) => a.type), time: signingTimeOf(signer) };
  };

  it('the embedded CMS has no signingTime; the detached CAdES keeps it, as the Kazakh verifiers expect', () => {
    const embedded = signedAttributeTypes(signed.embeddedCms!);
    expect(embedded.types).not.toContain(OID.signingTime);
    expect(new Set(embedded.types)).toEqual(
      new Set([OID.contentType, OID.signingCertificateV2, OID.messageDigest]),
    );
    const detached = signedAttributeTypes(signed.cms);
    expect(detached.types).toContain(OID.signingTime);
    expect(detached.time?.toISOString()).toBe(SIGNED_AT.toISOString());
  });

  it('/M holds the signing time; verifyPdf judges the certificate at it and reports it as the claim', async () => {
    const text = Buffer.from(signed.pdf).toString('latin1');
    const m = /\/M\s*\((D:[^)]*)\)/.exec(text)?.[1];
    expect(pdfDate(m)?.toISOString()).toBe(SIGNED_AT.toISOString());
    const v = (await verifyPdf(signed.pdf, { trustedRoots: [pki.root.cert] })).signatures[0]!;
    expect(v.integrity.code).toBe('integrity.ok');
    expect(v.signingTime).toBe(SIGNED_AT.toISOString());
    expect(v.validAtSigningTime).toEqual({
      status: 'valid',
      code: 'time.valid-at-signing-time',
      detail: { at: SIGNED_AT.toISOString() },
    });
  });

  it('reads PDF dates with and without their offset', () => {
    expect(pdfDate("D:20261125111530+05'00'")?.toISOString()).toBe('2026-11-25T06:15:30.000Z');
    expect(pdfDate('D:20261125061530Z')?.toISOString()).toBe('2026-11-25T06:15:30.000Z');
    expect(pdfDate('D:2026')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(pdfDate('2026-11-25')).toBeUndefined();
    expect(pdfDate(undefined)).toBeUndefined();
  });
});

describe('the detached CMS (openssl cms -verify)', () => {
  it('verifies over the exact bytes of the final PDF', () => {
    const r = opensslVerify(s, signed.cms, signed.pdf, pki.root.certPem);
    expect(r.ok, r.out).toBe(true);
  });

  it('fails over the PDF changed by one byte', () => {
    const r = opensslVerify(
      s,
      signed.cms,
      oneByteChanged(signed.pdf, signed.pdf.length - 10),
      pki.root.certPem,
    );
    expect(r.ok).toBe(false);
  });

  it('fails over the produced document before stamping (it signs the final file, nothing else)', () => {
    expect(opensslVerify(s, signed.cms, produced, pki.root.certPem).ok).toBe(false);
  });

  it('reports the hashes of what it made', () => {
    expect(signed.documentSha256).toBe(sha256Hex(produced));
    expect(signed.signedPdfSha256).toBe(sha256Hex(signed.pdf));
    expect(signed.signatureSha256).toBe(sha256Hex(signed.cms));
    expect(signed.signedAt).toBe(SIGNED_AT.toISOString());
    expect(signed.embeddedCms).toBeDefined();
    expect(signed.timestamped).toBe(false);
  });
});

describe('the byte range', () => {
  it('covers the file but the Contents hex string, which holds the embedded CMS', () => {
    const text = new TextDecoder('latin1').decode(signed.pdf);
    const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+) *\]/.exec(text);
    expect(m).not.toBeNull();
    const [a, b, c, d] = [m![1], m![2], m![3], m![4]].map(Number) as [number, number, number, number];
    expect(a).toBe(0);
    expect(c + d).toBe(signed.pdf.length);
    expect(text[b]).toBe('<');
    expect(text[c - 1]).toBe('>');
    const hex = text.slice(b + 1, c - 1);
    expect(hex.startsWith(Buffer.from(signed.embeddedCms!).toString('hex'))).toBe(true);
    expect(/^0*$/.test(hex.slice(signed.embeddedCms!.length * 2))).toBe(true);
  });
});

describe('several signers', () => {
  it("a second signer's detached CMS is over the same bytes, and the first signatures still verify", async () => {
    const before = signed.pdf.slice();
    const head = await cosignPdf(signed.pdf, await partySigner(pki, pki.head), { signingTime: new Date() });
    expect(Buffer.from(signed.pdf).equals(Buffer.from(before))).toBe(true);
    expect(opensslVerify(s, head.cms, signed.pdf, pki.root.certPem).ok).toBe(true);
    expect(opensslVerify(s, signed.cms, signed.pdf, pki.root.certPem).ok).toBe(true);
    expect(pdfsig(s.file('signed.pdf', signed.pdf), nss)).toContain('Signature is Valid.');
    expect(head.certificate.serialHex).toBe('1002');
  });
});

describe('the visible stamp', () => {
  it('prints the signer, the certificate, the time, the hash and the legend (kk)', () => {
    const text = textLayer(signed.pdf);
    for (const part of [
      'Электрондық цифрлық қолтаңбамен қол қойылған',
      'ЖҰМАБАЕВА САУЛЕ МАРАТҚЫЗЫ',
      `ЖСН ${pki.signing.iin}, БСН ${pki.bin}`,
      'Лауазымы: Білім бөлімінің бас маманы',
      'Сертификат № 1001',
      'Қол қойылған уақыты: 25.11.2026 11:15:30 (UTC+05:00)',
      sha256Hex(produced),
      normalizeSpace(
        '«Осы құжат «Электрондық құжат және электрондық цифрлық қолтаңба туралы» Қазақстан Республикасының 2003 жылғы 7 қаңтардағы N 370-II Заңы 7 бабының 1 тармағына сәйкес қағаз тасығыштағы құжатпен бірдей.»',
      ),
    ])
      expect(text).toContain(part);
  });

  it('prints the Russian labels and legend on a Russian document', async () => {
    const ru = await signPdf(await producedForm('appendix-2', 'ru'), await partySigner(pki, pki.signing), {
      language: 'ru',
      caseNumber: CASE,
      fonts: loadFormFonts(),
      signingTime: SIGNED_AT,
      utcOffsetMinutes: 360,
      embed: false,
    });
    const text = textLayer(ru.pdf);
    expect(text).toContain('Подписано электронной цифровой подписью');
    expect(text).toContain(`ИИН ${pki.signing.iin}, БИН ${pki.bin}`);
    expect(text).toContain('Время подписания: 25.11.2026 12:15:30 (UTC+06:00)');
    expect(text).toContain(
      normalizeSpace(
        '«Данный документ согласно пункту 1 статьи 7 ЗРК от 7 января 2003 года N370-II «Об электронном документе и электронной цифровой подписи» равнозначен документу на бумажном носителе.»',
      ),
    );
    expect(text).not.toContain('Лауазымы');
    // Not embedded: only the detached CMS, which still verifies over the final bytes.
    expect(ru.embeddedCms).toBeUndefined();
    expect(new TextDecoder('latin1').decode(ru.pdf)).not.toContain('/ByteRange');
    expect(opensslVerify(s, ru.cms, ru.pdf, pki.root.certPem).ok).toBe(true);
  });

  it('draws the QR code of the case number and the produced document’s SHA-256', async () => {
    const expected = QRCode.create(stampQrText(CASE, sha256Hex(produced)), {
      errorCorrectionLevel: 'M',
    }).modules;
    const drawn = drawnQr(await stampStream(signed.pdf, 0), expected.size);
    const want = Array.from({ length: expected.size }, (_, r) =>
      Array.from({ length: expected.size }, (_, c) => expected.get(r, c) === 1),
    );
    expect(drawn).toEqual(want);
    // And it is not the code of another document.
    const other = QRCode.create(stampQrText(CASE, sha256Hex(signed.pdf)), {
      errorCorrectionLevel: 'M',
    }).modules;
    expect(drawnQr(await stampStream(signed.pdf, 0), other.size)).not.toEqual(
      Array.from({ length: other.size }, (_, r) =>
        Array.from({ length: other.size }, (_, c) => other.get(r, c) === 1),
      ),
    );
  });

  it('carries the registration number and hash in the QR text', () => {
    expect(stampQrText(CASE, 'ab'.repeat(32))).toBe(`${CASE}\nSHA-256:${'AB'.repeat(32)}`);
  });
});
