import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import regular from '../../../../resources/fonts/LiberationSerif-Regular.ttf?inline';
import bold from '../../../../resources/fonts/LiberationSerif-Bold.ttf?inline';
import formRegular from '../../../../resources/fonts/DeskSerif-Regular.ttf?inline';
import formBold from '../../../../resources/fonts/DeskSerif-Bold.ttf?inline';
import { sha256Hex } from '../../db';
import { committedDemoFiles } from './committed';
import {
  DEMO_FILE_NAMES,
  GENERATED_FILE_NAMES,
  makeDemoFiles,
  SIGNATURE_FILE_NAMES,
  SIGNED_PDF_NAMES,
} from './make-files';
import { DEMO_FILES } from './manifest';

const bytesOf = (dataUrl: string) =>
  Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0));

describe('demo files', () => {
  const committed = committedDemoFiles();

  it('match their manifest (the digests cases reference)', async () => {
    for (const name of DEMO_FILE_NAMES) {
      expect(await sha256Hex(committed[name]), name).toBe(DEMO_FILES[name].sha256);
      expect(committed[name].length, name).toBe(DEMO_FILES[name].size);
    }
  });

  it('are what the generator makes, byte for byte', async () => {
    const made = await makeDemoFiles(
      { regular: bytesOf(regular), bold: bytesOf(bold) },
      { regular: bytesOf(formRegular), bold: bytesOf(formBold) },
    );
    for (const name of GENERATED_FILE_NAMES) expect(made[name], name).toEqual(committed[name]);
  });

  it('are small, readable PDFs and a PNG, except the one corrupt on purpose', async () => {
    // A signed PDF holds the room the desk leaves for an embedded CMS (48 KB of hex).
    const signed = new Set<string>(SIGNED_PDF_NAMES);
    for (const name of DEMO_FILE_NAMES)
      expect(committed[name].length, name).toBeLessThan((signed.has(name) ? 96 : 64) * 1024);
    const pages = await PDFDocument.load(committed['progress-record.pdf']);
    expect(pages.getPageCount()).toBe(2);
    expect((await PDFDocument.load(committed['application.pdf'])).getPageCount()).toBe(1);
    expect(
      Array.from(committed['study-abroad.png'].slice(1, 4), (c) => String.fromCharCode(c)).join(''),
    ).toBe('PNG');
    await expect(PDFDocument.load(committed['corrupt.pdf'])).rejects.toThrow();
    for (const name of ['result-grant.pdf', 'result-refusal.pdf', ...SIGNED_PDF_NAMES] as const)
      expect((await PDFDocument.load(committed[name])).getPageCount(), name).toBe(1);
  });

  it('hold the signatures as DER CMS SignedData (test/unit/demo/signatures.test.ts verifies them)', () => {
    // SEQUENCE, then the OID 1.2.840.113549.1.7.2 (signedData) within the first bytes.
    const signedData = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
    for (const name of SIGNATURE_FILE_NAMES) {
      const bytes = committed[name];
      expect(bytes[0], name).toBe(0x30);
      const head = Array.from(bytes.slice(0, 32));
      const at = head.findIndex((_, i) => signedData.every((b, j) => head[i + j] === b));
      expect(at, name).toBeGreaterThan(0);
    }
  });
});
