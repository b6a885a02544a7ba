/**
 * The embedded signature's byte range (ISO 32000-1, 12.8.1): the file is saved once with a
 * placeholder `/ByteRange [0 /********** /********** /**********]` and a `/Contents <…>` of NUL
 * bytes (@signpdf/placeholder-pdf-lib); here the ranges are written over the placeholder (same
 * length, so no offset moves), the signed bytes are everything but the `<…>` of Contents, and the
 * CMS is written into it as hex. Uint8Array only: shared/ runs in the browser, where @signpdf's own
 * signing code (Node Buffer) cannot.
 */
import { DEFAULT_BYTE_RANGE_PLACEHOLDER } from '@signpdf/utils';
import { concatBytes } from '../bytes';
import { PdfSigningError } from './errors';

const latin1 = new TextDecoder('latin1');
const ascii = new TextEncoder();

export interface PreparedRange {
  /** [0, a, b, c]: bytes 0…a-1 and b…b+c-1 are signed; a…b-1 is `<hex>`. */
  byteRange: [number, number, number, number];
  /** The bytes the embedded CMS signs. */
  signed: Uint8Array;
  /** Hex digits the Contents can hold (twice the CMS bytes). */
  capacity: number;
}

/** Writes the ranges over the placeholder of `pdf` (in place) and gives what is to be signed. */
export function prepareByteRange(pdf: Uint8Array): PreparedRange {
  const text = latin1.decode(pdf);
  const name = `/${DEFAULT_BYTE_RANGE_PLACEHOLDER}`;
  const placeholder = new RegExp(
    `/ByteRange\\s*\\[\\s*0\\s+${escape(name)}\\s+${escape(name)}\\s+${escape(name)}\\s*\\]`,
    'g',
  );
  const found = [...text.matchAll(placeholder)];
  if (found.length !== 1 || found[0]?.index === undefined) throw new PdfSigningError('pdf.unreadable');
  const at = found[0].index;
  const contents = text.indexOf('/Contents', at);
  const open = text.indexOf('<', contents);
  const close = text.indexOf('>', open);
  if (contents < 0 || open < 0 || close < 0) throw new PdfSigningError('pdf.unreadable');
  const byteRange: PreparedRange['byteRange'] = [0, open, close + 1, pdf.length - close - 1];
  const original = found[0][0];
  const written = `/ByteRange [${byteRange.join(' ')}]`;
  if (written.length > original.length) throw new PdfSigningError('pdf.unreadable');
  pdf.set(ascii.encode(written.padEnd(original.length, ' ')), at);
  return {
    byteRange,
    signed: concatBytes(pdf.subarray(0, open), pdf.subarray(close + 1)),
    capacity: close - open - 1,
  };
}

/** Writes the CMS as hex into the Contents of the prepared range (in place), zero-padded. */
export function writeContents(pdf: Uint8Array, range: PreparedRange, cms: Uint8Array): void {
  if (cms.length * 2 > range.capacity) throw new PdfSigningError('pdf.signature-too-large');
  let hex = '';
  for (const b of cms) hex += b.toString(16).padStart(2, '0');
  pdf.set(ascii.encode(hex.padEnd(range.capacity, '0')), range.byteRange[1] + 1);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
