/**
 * verifyPdf: every embedded signature of a PDF, each with the CMS verification of shared/signing
 * (verifyCms over the bytes of its byte range) and what only the PDF can say: whether the byte
 * range covers the whole file as it is ("total document signed"), or the file was changed or
 * extended after that signature. A PAdES CMS carries no signingTime: the dictionary's /M is the
 * claimed signing time then.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { concatBytes } from '../bytes';
import type { SignatureVerification, VerifyOptions } from '../types';
import { verifyCms } from '../verify';
import type { CoverageCode } from './errors';

export interface PdfSignatureVerification extends SignatureVerification {
  /** The signature field's name (/T). */
  field?: string;
  subFilter?: string;
  coverage: { status: 'valid' | 'invalid'; code: CoverageCode };
}

export interface PdfVerification {
  problem?: 'pdf.unreadable' | 'pdf.no-signatures';
  signatures: PdfSignatureVerification[];
}

const latin1 = new TextDecoder('latin1');

/** The signature dictionaries of the document's signature fields, with their field names. */
function signatureDicts(doc: PDFDocument): { field?: string; dict: PDFDict }[] {
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const out: { field?: string; dict: PDFDict }[] = [];
  const visit = (field: PDFDict): void => {
    const kids = field.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) visit(kids.lookup(i, PDFDict));
    if (field.lookupMaybe(PDFName.of('FT'), PDFName) !== PDFName.of('Sig')) return;
    const value = field.lookupMaybe(PDFName.of('V'), PDFDict);
    const name = field.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString)?.decodeText();
    if (value) out.push({ ...(name ? { field: name } : {}), dict: value });
  };
  if (fields) for (let i = 0; i < fields.size(); i++) visit(fields.lookup(i, PDFDict));
  return out;
}

/** The DER object at the start of `bytes` (the hex of Contents is padded with zeros after it). */
function derPrefix(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 2 || bytes[0] !== 0x30) return bytes;
  const first = bytes[1]!;
  if (first < 0x80) return bytes.subarray(0, Math.min(bytes.length, 2 + first));
  const n = first & 0x7f;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  return bytes.subarray(0, Math.min(bytes.length, 2 + n + length));
}

function coverage(
  pdf: Uint8Array,
  range: number[],
  contents: Uint8Array,
): PdfSignatureVerification['coverage'] {
  const [a, b, c, d] = range;
  const ok =
    range.length === 4 &&
    a === 0 &&
    b !== undefined &&
    c !== undefined &&
    d !== undefined &&
    b > 0 &&
    c > b &&
    d >= 0 &&
    c + d <= pdf.length &&
    pdf[b] === 0x3c && // '<'
    pdf[c - 1] === 0x3e && // '>'
    latin1
      .decode(pdf.subarray(b + 1, c - 1))
      .toLowerCase()
      .startsWith(hex(contents));
  if (!ok) return { status: 'invalid', code: 'coverage.malformed' };
  // A file that goes on after the range was changed after signing (an incremental update).
  return c + d === pdf.length
    ? { status: 'valid', code: 'coverage.whole-document' }
    : { status: 'invalid', code: 'coverage.partial' };
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export async function verifyPdf(pdf: Uint8Array, options: VerifyOptions = {}): Promise<PdfVerification> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    return { problem: 'pdf.unreadable', signatures: [] };
  }
  const found = signatureDicts(doc);
  if (found.length === 0) return { problem: 'pdf.no-signatures', signatures: [] };
  const signatures: PdfSignatureVerification[] = [];
  for (const { field, dict } of found) {
    const rangeArray = dict.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    const range = rangeArray
      ? rangeArray.asArray().map((o) => (o instanceof PDFNumber ? o.asNumber() : Number.NaN))
      : [];
    const contentsObj = dict.lookup(PDFName.of('Contents'));
    const contents = derPrefix(
      contentsObj instanceof PDFHexString || contentsObj instanceof PDFString
        ? contentsObj.asBytes()
        : new Uint8Array(),
    );
    const cover = coverage(pdf, range, contents);
    const subFilter = dict.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.decodeText();
    const signed =
      cover.code === 'coverage.malformed'
        ? new Uint8Array()
        : concatBytes(pdf.subarray(0, range[1]), pdf.subarray(range[2], range[2]! + range[3]!));
    const claimed = pdfDate(dict.lookupMaybe(PDFName.of('M'), PDFString, PDFHexString)?.decodeText());
    const cms = await verifyCms(contents, signed, {
      ...options,
      ...(claimed ? { claimedSigningTime: claimed } : {}),
    });
    for (const verification of cms.signatures.length > 0 ? cms.signatures : [unreadable()]) {
      signatures.push({
        ...verification,
        ...(field ? { field } : {}),
        ...(subFilter ? { subFilter } : {}),
        coverage: cover,
      });
    }
  }
  return { signatures };
}

/**
 * A PDF date (ISO 32000-1 §7.9.4: D:YYYYMMDDHHmmSSOHH'mm', every part after the year optional),
 * or undefined when it is not one.
 */
export function pdfDate(text: string | undefined): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?$/.exec(
    text?.trim() ?? '',
  );
  if (!m) return undefined;
  const n = (i: number, fallback: number) => (m[i] === undefined ? fallback : Number(m[i]));
  const utc = Date.UTC(n(1, 0), n(2, 1) - 1, n(3, 1), n(4, 0), n(5, 0), n(6, 0));
  const sign = m[7] === '-' ? -1 : m[7] === '+' ? 1 : 0;
  const offset = sign * (n(8, 0) * 60 + n(9, 0)) * 60_000;
  const at = new Date(utc - offset);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** What a Contents that is no CMS at all verifies to: nothing could be checked, integrity failed. */
function unreadable(): SignatureVerification {
  return {
    algorithm: 'unknown',
    integrity: { status: 'invalid', code: 'integrity.malformed' },
    certificate: undefined,
    validAtSigningTime: { status: 'not-checked', code: 'time.no-certificate' },
    revocation: { status: 'not-checked', code: 'revocation.no-certificate' },
    chain: { status: 'not-checked', code: 'chain.no-certificate' },
    timestamp: { status: 'not-checked', code: 'timestamp.absent' },
  };
}
