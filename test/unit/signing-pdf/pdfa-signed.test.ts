/**
 * The signed PDF stays PDF/A-2b (ISO 19005-2): the clauses that the stamp and the signature field
 * touch, checked on the file as test/unit/forms/pdfa.test.ts checks the produced document, plus
 * 6.4.3 on the signature itself. (No validator such as veraPDF can be installed here.)
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFArray, PDFDict, PDFNumber } from 'pdf-lib';
import { PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../../shared/signing/pdf/sign';
import { testPki } from '../../signing/pki';
import { loadFormFonts } from '../forms/support/node-fonts';
import {
  allKeys,
  contentTokens,
  dictOf,
  get,
  inspectPdf,
  nameOf,
  shownGlyphs,
  streamBytes,
  toUnicodeMap,
  type Inspected,
} from '../forms/support/pdf-inspect';
import { pdffonts } from '../forms/support/poppler';
import { producedForm } from './support/produced';
import { partySigner } from '../../signing/containers';
import { scratch } from './support/tools';

const fonts = loadFormFonts();
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

let produced: Inspected;
let signed: Inspected;

beforeAll(async () => {
  const pki = await testPki();
  const bytes = await producedForm('appendix-3', 'kk');
  produced = await inspectPdf(bytes);
  const made = await signPdf(bytes, await partySigner(pki, pki.signing), {
    language: 'kk',
    caseNumber: '2026-000123',
    fonts,
    signingTime: new Date('2026-11-25T06:15:30Z'),
    utcOffsetMinutes: 300,
    position: 'Бас маман',
  });
  signed = await inspectPdf(made.pdf);
}, 120_000);

const page = () => signed.doc.getPage(0).node;
const contents = () => {
  const list = get(signed, page(), 'Contents') as PDFArray;
  return list.asArray().map((ref) => latin1(streamBytes(signed, ref)));
};
const fontsOfPage = () => {
  const found = new Map<string, PDFDict>();
  const resources = dictOf(signed, page().get(PDFName.of('Resources')));
  for (const [name, ref] of dictOf(signed, resources.get(PDFName.of('Font'))).entries())
    found.set(name.decodeText(), dictOf(signed, ref));
  return found;
};
const programOf = (type0: PDFDict) => {
  const cid = dictOf(signed, (get(signed, type0, 'DescendantFonts') as PDFArray).get(0));
  return streamBytes(signed, dictOf(signed, get(signed, cid, 'FontDescriptor')).get(PDFName.of('FontFile2')));
};

describe('the signed PDF, PDF/A-2b', () => {
  it('6.1.2/6.1.3: the header, and the produced document’s file identifier kept', () => {
    expect(signed.raw.startsWith('%PDF-1.7\n%')).toBe(true);
    const id = (raw: string) => /\/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \]/.exec(raw)?.slice(1);
    expect(id(signed.raw)).toEqual(id(produced.raw));
  });

  it('6.1.5/6.6.2: Info and XMP metadata are the produced document’s, so they still agree', () => {
    const xmp = (p: Inspected) => latin1(streamBytes(p, p.doc.catalog.get(PDFName.of('Metadata'))));
    expect(xmp(signed)).toBe(xmp(produced));
    expect(signed.doc.getTitle()).toBe(produced.doc.getTitle());
    expect(signed.doc.getModificationDate()?.getTime()).toBe(produced.doc.getModificationDate()?.getTime());
  });

  it('6.2.2: content streams use defined operators only, the stamp’s page has its own Resources', () => {
    const defined = new Set([
      'BT',
      'ET',
      'Tf',
      'Tm',
      'Tj',
      'g',
      'G',
      'w',
      'm',
      'l',
      'S',
      'q',
      'Q',
      'DP',
      're',
      'f',
    ]);
    for (const c of contents()) {
      const ops = contentTokens(c).filter((t) => t.kind === 'operator');
      expect(ops.map((t) => t.value).filter((op) => !defined.has(op))).toEqual([]);
    }
    expect(contents()).toHaveLength(2);
    const names = [...fontsOfPage().keys()].sort();
    expect(names).toEqual(['F1', 'F2', 'SF1']);
  });

  it('6.2.4.3, 6.2.5, 6.2.8–6.2.10: DeviceGray only, no images, transparency or extended graphics state', () => {
    expect(allKeys(signed).has('ColorSpace')).toBe(false);
    for (const key of ['ExtGState', 'SMask', 'BM', 'CA', 'ca', 'Group'])
      expect(allKeys(signed).has(key)).toBe(false);
    expect(signed.raw).not.toContain('/Subtype /Image');
  });

  it('6.2.11.4/6.2.11.7: every glyph the stamp shows is in its embedded subset and in its ToUnicode', () => {
    const shipped = { SF1: fontkit.create(fonts.regular) } as const;
    const stamp = contents()[1]!;
    for (const name of ['SF1'] as const) {
      const type0 = fontsOfPage().get(name)!;
      expect(nameOf(signed, type0, 'Subtype')).toBe('Type0');
      expect(nameOf(signed, type0, 'BaseFont')).toMatch(/^[A-Z]{6}\+DeskSerif-(Regular|Bold)$/);
      const embedded = fontkit.create(programOf(type0));
      const gids = shownGlyphs(stamp).get(name) ?? [];
      expect(gids.length).toBeGreaterThan(0);
      expect(gids).not.toContain(0);
      const wrong = gids.filter(
        (g) =>
          g >= embedded.numGlyphs ||
          embedded.getGlyph(g).path.toSVG() !== shipped[name].getGlyph(g).path.toSVG(),
      );
      expect(wrong).toEqual([]);
      const map = toUnicodeMap(latin1(streamBytes(signed, type0.get(PDFName.of('ToUnicode')))));
      expect(gids.filter((g) => !map.has(g))).toEqual([]);
    }
  });

  it('6.2.11: poppler sees every font embedded, subset, with a ToUnicode map', () => {
    const s = scratch();
    try {
      const rows = pdffonts(s.file('signed.pdf', signed.bytes));
      expect(rows.length).toBe(3);
      for (const row of rows) expect([row.emb, row.sub, row.uni]).toEqual(['yes', 'yes', 'yes']);
    } finally {
      s.cleanup();
    }
  });

  it('6.3.2/6.3.3/6.4.1: the one annotation is the printable signature widget with a normal appearance only', () => {
    const annots = get(signed, page(), 'Annots') as PDFArray;
    expect(annots.size()).toBe(1);
    const widget = dictOf(signed, annots.get(0));
    expect(nameOf(signed, widget, 'Subtype')).toBe('Widget');
    expect(nameOf(signed, widget, 'FT')).toBe('Sig');
    expect((get(signed, widget, 'F') as PDFNumber).asNumber()).toBe(4);
    const ap = dictOf(signed, widget.get(PDFName.of('AP')));
    expect(ap.keys().map((k) => k.decodeText())).toEqual(['N']);
    const acroForm = dictOf(signed, signed.doc.catalog.get(PDFName.of('AcroForm')));
    expect(acroForm.has(PDFName.of('NeedAppearances'))).toBe(false);
    expect((get(signed, acroForm, 'SigFlags') as PDFNumber).asNumber()).toBe(3);
  });

  it('6.4.3 digital signature: ETSI.CAdES.detached, a DER CMS in Contents, byte range over the whole file but it', () => {
    const sig = dictOf(
      signed,
      get(signed, dictOf(signed, (get(signed, page(), 'Annots') as PDFArray).get(0)), 'V'),
    );
    expect(nameOf(signed, sig, 'SubFilter')).toBe('ETSI.CAdES.detached');
    expect(nameOf(signed, sig, 'Type')).toBe('Sig');
    const range = (get(signed, sig, 'ByteRange') as PDFArray)
      .asArray()
      .map((n) => (n as PDFNumber).asNumber());
    expect(range[0]).toBe(0);
    expect(range[2]! + range[3]!).toBe(signed.bytes.length);
    expect(signed.raw.slice(range[1], range[1]! + 3)).toBe('<30');
  });
});
