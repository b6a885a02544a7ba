/**
 * FlateDecode streams for the PDF writer. fflate rather than pdf-lib's own pako: deflating the
 * content, font and ToUnicode streams is most of what is left of a render's time, and fflate does it
 * in about two thirds of pako's time (README, "Benchmarks"), in the browser and in Node alike.
 */
import { zlibSync } from 'fflate';
import type { PDFContext, PDFRawStream } from 'pdf-lib';

/** Zlib-wrapped deflate (RFC 1950), which is what the FlateDecode filter reads. */
export function deflate(bytes: Uint8Array): Uint8Array {
  return zlibSync(bytes, { level: 6 });
}

/** A stream object of `bytes`, compressed, with the entries of `dict`. */
export function flateStream(
  context: PDFContext,
  bytes: Uint8Array,
  dict: Record<string, number | string> = {},
): PDFRawStream {
  return context.stream(deflate(bytes), { ...dict, Filter: 'FlateDecode' });
}
