/**
 * PDF/A-2b (ISO 19005-2:2011, level B) of every produced document, clause by clause. No validator
 * (veraPDF) can be installed on the build machines, so each requirement that applies to what this
 * writer produces is checked on the file itself: the object graph (pdf-lib's parser), the raw bytes,
 * the fonts (fontkit on the embedded programs) and poppler as an independent reader. The clause
 * numbers are those of ISO 19005-2 and of veraPDF's PDF/A-2B rule set, which follows them.
 */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import fontkit from '@pdf-lib/fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { getBundledTemplate, renderForm } from '../../../shared/forms';
import { uuidOf, xmpDate } from '../../../shared/forms/pdfa';
import { FORM_IDS, FORM_LANGUAGES, type FormId, type FormLanguage } from '../../../shared/forms/types';
import { LONG_REFUSAL_REASON, sampleValues } from '../../fixtures/forms/sample-values';
import { ICC_FILE } from '../../pdf-resources/icc';
import { loadFormFonts } from './support/node-fonts';
import {
  allKeys,
  checkXml,
  contentTokens,
  dictOf,
  get,
  inspectPdf,
  isString,
  nameOf,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  shownGlyphs,
  streamBytes,
  textValue,
  toUnicodeMap,
  walk,
  xrefOffsets,
  type Inspected,
  type PDFArray,
  type PDFDict,
} from './support/pdf-inspect';
import { requirePoppler, tempPdf } from './support/poppler';

const fonts = loadFormFonts();
const createdAt = new Date('2026-11-24T09:30:00Z');
const AUTHOR = { kk: 'Сайрам ауданының әкімдігі', ru: 'Акимат Сайрамского района' } as const;

interface Case {
  name: string;
  form: FormId;
  language: FormLanguage;
  values: Record<string, string>;
}

const CASES: Case[] = [
  ...FORM_IDS.flatMap((form) =>
    FORM_LANGUAGES.map((language) => ({
      name: `${form}.${language}`,
      form,
      language,
      values: sampleValues(form, language),
    })),
  ),
  // Two pages: every page shares the resources and shows text of both weights.
  {
    name: 'appendix-2.kk, two pages',
    form: 'appendix-2',
    language: 'kk',
    values: { ...sampleValues('appendix-2', 'kk'), refusalReasons: LONG_REFUSAL_REASON },
  },
];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** None of `keys` is used by any dictionary of the file. */
function expectNoKeys(pdf: Inspected, keys: readonly string[]): void {
  const used = allKeys(pdf);
  expect(keys.filter((k) => used.has(k))).toEqual([]);
}
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe.each(CASES)('$name', ({ form, language, values }) => {
  let pdf: Inspected;
  let catalog: PDFDict;
  let xmp = '';
  const pages = () => pdf.doc.getPages().map((p) => p.node);

  beforeAll(async () => {
    const bytes = await renderForm({ form, language, values, fonts, createdAt, author: AUTHOR[language] });
    pdf = await inspectPdf(bytes);
    catalog = pdf.doc.catalog;
    xmp = utf8.decode(streamBytes(pdf, catalog.get(PDFName.of('Metadata'))));
  });

  /** The Type 0 fonts of the pages' resources, by resource name. */
  const fontsOf = () => {
    const found = new Map<string, PDFDict>();
    for (const page of pages()) {
      const resources = dictOf(pdf, page.get(PDFName.of('Resources')));
      for (const [name, ref] of dictOf(pdf, resources.get(PDFName.of('Font'))).entries())
        found.set(name.decodeText(), dictOf(pdf, ref));
    }
    return found;
  };
  const cidFontOf = (type0: PDFDict) => dictOf(pdf, (get(pdf, type0, 'DescendantFonts') as PDFArray).get(0));
  const programOf = (type0: PDFDict) =>
    streamBytes(pdf, dictOf(pdf, get(pdf, cidFontOf(type0), 'FontDescriptor')).get(PDFName.of('FontFile2')));
  const contents = () => pages().map((p) => latin1(streamBytes(pdf, p.get(PDFName.of('Contents')))));

  it('6.1.2 file header: %PDF-1.7, an EOL, then % and four bytes above 127', () => {
    expect(pdf.raw.startsWith('%PDF-1.7\n%')).toBe(true);
    expect([...pdf.bytes.subarray(10, 14)].every((b) => b > 127)).toBe(true);
  });

  it('6.1.3 file trailer: an ID of two 16-byte strings, no Encrypt, nothing after %%EOF', () => {
    const trailer = /\ntrailer\n<<([^]*?)>>\n\nstartxref\n\d+\n%%EOF$/.exec(pdf.raw);
    expect(trailer).not.toBeNull();
    const id = /\/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \]/.exec(trailer![1]!);
    expect(id).not.toBeNull();
    expect(id![1]).toBe(id![2]); // a new file: both halves the same (ISO 32000-1, 14.4)
    expect(trailer![1]).not.toContain('/Encrypt');
    // The identifier is the XMP document ID too (xmpMM:DocumentID).
    expect(xmp).toContain(`<xmpMM:DocumentID>${uuidOf(Buffer.from(id![1]!, 'hex'))}</xmpMM:DocumentID>`);
  });

  it('6.1.4 cross-reference table: "xref" and the subsection header separated by a single EOL', () => {
    expect(pdf.raw).toMatch(/\nxref\n0 \d+\n0000000000 65535 f \n/);
    expect(xrefOffsets(pdf.raw).size).toBe(pdf.objects.length);
  });

  it('6.1.5 document information: title, author, subject, keywords, tools and dates equal their XMP', () => {
    const { doc } = pdf;
    const x = checkXml(xmp).text;
    expect(doc.getTitle()).toBe(x.get('dc:title')?.[0]);
    expect(doc.getAuthor()).toBe(AUTHOR[language]);
    expect(x.get('dc:creator')).toEqual([AUTHOR[language]]);
    expect(doc.getSubject()).toBe(x.get('dc:description')?.[0]);
    expect(doc.getKeywords()).toBe(x.get('pdf:Keywords')?.[0]);
    expect(doc.getProducer()).toBe(x.get('pdf:Producer')?.[0]);
    expect(doc.getCreator()).toBe(x.get('xmp:CreatorTool')?.[0]);
    expect(doc.getCreationDate()?.toISOString()).toBe(createdAt.toISOString());
    expect(doc.getModificationDate()?.toISOString()).toBe(createdAt.toISOString());
    expect(x.get('xmp:CreateDate')).toEqual([xmpDate(createdAt)]);
    expect(x.get('xmp:ModifyDate')).toEqual([xmpDate(createdAt)]);
    expect(new Date(x.get('xmp:CreateDate')![0]!).getTime()).toBe(doc.getCreationDate()!.getTime());
  });

  it('6.1.6 string objects: hexadecimal strings of an even number of hex digits', () => {
    const hex: string[] = [];
    walk(pdf, (o) => {
      if (o instanceof PDFHexString) hex.push(o.asString());
    });
    for (const c of contents()) for (const t of contentTokens(c)) if (t.kind === 'hex') hex.push(t.value);
    expect(hex.length).toBeGreaterThan(0);
    expect(hex.filter((h) => !/^([0-9A-Fa-f]{2})*$/.test(h.replace(/\s/g, '')))).toEqual([]);
  });

  it('6.1.7.1 streams: Length matches, "stream" then one EOL, an EOL before "endstream", no F/FFilter/FDecodeParms', () => {
    const offsets = xrefOffsets(pdf.raw);
    let streams = 0;
    for (const [ref, obj] of pdf.objects) {
      if (!(obj instanceof PDFRawStream)) continue;
      streams++;
      const offset = offsets.get(ref.objectNumber);
      expect(offset).toBeDefined();
      const start = pdf.raw.indexOf('stream', offset);
      expect(pdf.raw.slice(start, start + 7)).toBe('stream\n');
      const length = (obj.dict.get(PDFName.of('Length')) as PDFNumber).asNumber();
      expect(pdf.raw.slice(start + 7 + length, start + 7 + length + 10)).toBe('\nendstream');
      for (const key of ['F', 'FFilter', 'FDecodeParms']) expect(obj.dict.has(PDFName.of(key))).toBe(false);
    }
    expect(streams).toBeGreaterThanOrEqual(5);
  });

  it('6.1.7.2 filters: FlateDecode only (no LZW, no Crypt)', () => {
    const filters = new Set<string>();
    for (const [, obj] of pdf.objects) {
      const f = obj instanceof PDFRawStream ? obj.dict.get(PDFName.of('Filter')) : undefined;
      if (f) filters.add(String(f));
    }
    expect([...filters]).toEqual(['/FlateDecode']);
  });

  it('6.1.8 and 6.1.13 names valid UTF-8 of at most 127 bytes; strings, integers and reals within the limits', () => {
    const problems: string[] = [];
    walk(pdf, (o) => {
      if (o instanceof PDFName) {
        const bytes = Buffer.from(o.decodeText(), 'utf8');
        if (bytes.length > 127) problems.push(`name ${o.decodeText()}`);
      } else if (isString(o)) {
        if (o.asBytes().length > 32767) problems.push('string too long');
      } else if (o instanceof PDFNumber) {
        const v = o.asNumber();
        if (Number.isInteger(v) ? Math.abs(v) > 2147483647 : Math.abs(v) > 3.403e38)
          problems.push(`number ${v}`);
      }
    });
    expect(problems).toEqual([]);
    expect(pdf.objects.length).toBeLessThan(8388607);
  });

  it('6.1.9 indirect objects: "N 0 obj" and "endobj" each on their own line', () => {
    const headers = pdf.raw.match(/\n\d+ 0 obj\n/g) ?? [];
    expect(headers.length).toBe(pdf.objects.length);
    expect((pdf.raw.match(/\nendobj\n/g) ?? []).length).toBe(pdf.objects.length);
  });

  it('6.1.12, 6.3–6.5, 6.8–6.11: no permissions, annotations, forms, actions, embedded files, optional content, alternates or requirements', () => {
    expectNoKeys(pdf, [
      'Perms',
      'Annots',
      'AcroForm',
      'AA',
      'OpenAction',
      'JavaScript',
      'JS',
      'EmbeddedFiles',
      'EF',
      'OCProperties',
      'AlternatePresentations',
      'PresSteps',
      'Requirements',
      'NeedsRendering',
      'Encrypt',
    ]);
  });

  it('6.2.2 content streams: defined operators only, and each page has its own Resources naming every font it uses', () => {
    const defined = new Set(['BT', 'ET', 'Tf', 'Tm', 'Tj', 'g', 'G', 'w', 'm', 'l', 'S', 'q', 'Q', 'DP']);
    const fontNames = [...fontsOf().keys()];
    for (const [i, c] of contents().entries()) {
      const operators = contentTokens(c)
        .filter((t) => t.kind === 'operator')
        .map((t) => t.value);
      expect(operators.filter((op) => !defined.has(op))).toEqual([]);
      expect(pages()[i]!.has(PDFName.of('Resources'))).toBe(true);
      for (const f of shownGlyphs(c).keys()) expect(fontNames).toContain(f);
    }
  });

  it('6.2.3 output intent: one GTS_PDFA1 intent whose profile is the sRGB monitor profile (RGB, ICC < 5)', () => {
    const intents = get(pdf, catalog, 'OutputIntents') as PDFArray;
    expect(intents.size()).toBe(1);
    const intent = dictOf(pdf, intents.get(0));
    expect(nameOf(pdf, intent, 'S')).toBe('GTS_PDFA1');
    expect(textValue(get(pdf, intent, 'OutputConditionIdentifier'))).toBe('sRGB IEC61966-2.1');
    const profileRef = intent.get(PDFName.of('DestOutputProfile'));
    expect(profileRef).toBeInstanceOf(PDFRef);
    expect((dictOf(pdf, profileRef).get(PDFName.of('N')) as PDFNumber).asNumber()).toBe(3);
    const profile = streamBytes(pdf, profileRef);
    expect(Buffer.from(profile).equals(readFileSync(ICC_FILE))).toBe(true);
    expect(latin1(profile.subarray(12, 20))).toBe('mntrRGB ');
    expect(profile[8]).toBeLessThan(5); // major version
    expect(latin1(profile.subarray(36, 40))).toBe('acsp');
  });

  it('6.2.4.3 colour: DeviceGray only (allowed under the output intent), no other colour space', () => {
    const colour = new Set(['rg', 'RG', 'k', 'K', 'cs', 'CS', 'sc', 'SC', 'scn', 'SCN']);
    for (const c of contents()) {
      const ops = contentTokens(c).filter((t) => t.kind === 'operator');
      expect(ops.filter((t) => colour.has(t.value))).toEqual([]);
      expect(ops.some((t) => t.value === 'g')).toBe(true);
    }
    expect(allKeys(pdf).has('ColorSpace')).toBe(false);
  });

  it('6.2.5, 6.2.8–6.2.10: no extended graphics state, images, XObjects, soft masks, blend modes or transparency groups', () => {
    expectNoKeys(pdf, [
      'ExtGState',
      'XObject',
      'SMask',
      'BM',
      'CA',
      'ca',
      'Group',
      'TR',
      'TR2',
      'HTP',
      'Pattern',
      'Shading',
    ]);
  });

  it('6.2.11.2 and 6.2.11.3: Type 0 fonts over CIDFontType2 with Identity-H, CIDSystemInfo and CIDToGIDMap Identity', () => {
    const found = fontsOf();
    expect([...found.keys()].sort()).toEqual(['F1', 'F2']);
    for (const type0 of found.values()) {
      expect(nameOf(pdf, type0, 'Type')).toBe('Font');
      expect(nameOf(pdf, type0, 'Subtype')).toBe('Type0');
      expect(nameOf(pdf, type0, 'Encoding')).toBe('Identity-H');
      const cid = cidFontOf(type0);
      expect(nameOf(pdf, cid, 'Subtype')).toBe('CIDFontType2');
      expect(nameOf(pdf, cid, 'CIDToGIDMap')).toBe('Identity');
      const info = dictOf(pdf, cid.get(PDFName.of('CIDSystemInfo')));
      expect(info.has(PDFName.of('Registry')) && info.has(PDFName.of('Ordering'))).toBe(true);
      expect(nameOf(pdf, type0, 'BaseFont')).toBe(nameOf(pdf, cid, 'BaseFont'));
    }
  });

  it('6.2.11.4: every font embedded (FontFile2) as a tagged subset defining every glyph shown, no CIDSet', () => {
    const shipped = { F1: fontkit.create(fonts.regular), F2: fontkit.create(fonts.bold) } as const;
    const shown = new Map<string, Set<number>>();
    for (const c of contents())
      for (const [f, g] of shownGlyphs(c)) shown.set(f, new Set([...(shown.get(f) ?? []), ...g]));
    for (const [name, type0] of fontsOf()) {
      expect(nameOf(pdf, type0, 'BaseFont')).toMatch(/^[A-Z]{6}\+DeskSerif-(Regular|Bold)$/);
      const descriptor = dictOf(pdf, get(pdf, cidFontOf(type0), 'FontDescriptor'));
      expect(descriptor.has(PDFName.of('CIDSet'))).toBe(false);
      const embedded = fontkit.create(programOf(type0));
      const original = shipped[name as 'F1' | 'F2'];
      const gids = [...(shown.get(name) ?? [])];
      expect(gids.length).toBeGreaterThan(0);
      const wrong = gids.filter(
        (g) =>
          g >= embedded.numGlyphs || embedded.getGlyph(g).path.toSVG() !== original.getGlyph(g).path.toSVG(),
      );
      expect(wrong).toEqual([]);
    }
  });

  it('6.2.11.5 font metrics: the /W widths are the embedded glyphs’ advances', () => {
    for (const type0 of fontsOf().values()) {
      const cid = cidFontOf(type0);
      const embedded = fontkit.create(programOf(type0));
      const w = (get(pdf, cid, 'W') as PDFArray).asArray();
      let checked = 0;
      for (let i = 0; i < w.length; i += 2) {
        const first = (w[i] as PDFNumber).asNumber();
        (w[i + 1] as PDFArray).asArray().forEach((width, k) => {
          const advance = (embedded.getGlyph(first + k).advanceWidth * 1000) / embedded.unitsPerEm;
          expect(Math.abs((width as PDFNumber).asNumber() - advance)).toBeLessThanOrEqual(0.001);
          checked++;
        });
      }
      expect(checked).toBeGreaterThan(0);
    }
  });

  it('6.2.11.7 and 6.2.11.8: a ToUnicode entry for every glyph shown, and never the .notdef glyph', () => {
    for (const [name, type0] of fontsOf()) {
      const map = toUnicodeMap(latin1(streamBytes(pdf, type0.get(PDFName.of('ToUnicode')))));
      for (const c of contents()) {
        const gids = shownGlyphs(c).get(name) ?? [];
        expect(gids).not.toContain(0);
        expect(gids.filter((g) => !map.has(g))).toEqual([]);
      }
    }
  });

  it('6.6.2.1 metadata stream: Type Metadata, Subtype XML, well-formed UTF-8 XMP, no bytes or encoding attributes', () => {
    const ref = catalog.get(PDFName.of('Metadata'));
    const dict = dictOf(pdf, ref);
    expect(nameOf(pdf, dict, 'Type')).toBe('Metadata');
    expect(nameOf(pdf, dict, 'Subtype')).toBe('XML');
    const header = /^<\?xpacket ([^?]*)\?>/.exec(xmp);
    expect(header).not.toBeNull();
    expect(header![1]).not.toMatch(/\b(bytes|encoding)=/);
    expect(xmp.trimEnd().endsWith('<?xpacket end="w"?>')).toBe(true);
    const check = checkXml(xmp);
    expect(check.problem).toBeUndefined();
    expect(check.wellFormed).toBe(true);
  });

  it('6.6.2.3 schemas: only the XMP specification’s predefined schemas and PDF/A identification', () => {
    const predefined: Record<string, string> = {
      x: 'adobe:ns:meta/',
      rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
      dc: 'http://purl.org/dc/elements/1.1/',
      xmp: 'http://ns.adobe.com/xap/1.0/',
      pdf: 'http://ns.adobe.com/pdf/1.3/',
      xmpMM: 'http://ns.adobe.com/xap/1.0/mm/',
      pdfaid: 'http://www.aiim.org/pdfa/ns/id/',
      xml: 'http://www.w3.org/XML/1998/namespace', // xml:lang, bound by XML itself
    };
    const check = checkXml(xmp);
    for (const prefix of check.prefixes) expect(predefined[prefix], prefix).toBeDefined();
    for (const [prefix, uri] of check.namespaces) expect(predefined[prefix]).toBe(uri);
    expect(xmp).not.toContain('pdfaExtension');
  });

  it('6.6.4 identification: pdfaid:part 2 and pdfaid:conformance B', () => {
    const x = checkXml(xmp).text;
    expect(x.get('pdfaid:part')).toEqual(['2']);
    expect(x.get('pdfaid:conformance')).toEqual(['B']);
  });

  it('names its language in the catalog (/Lang) and in dc:language', () => {
    const tag = { kk: 'kk-KZ', ru: 'ru-RU' }[language];
    expect(textValue(get(pdf, catalog, 'Lang'))).toBe(tag);
    expect(checkXml(xmp).text.get('dc:language')).toEqual([tag]);
  });
});

describe('seen by an independent reader', () => {
  it('poppler reads the XMP packet, the author and the title (pdfinfo)', async () => {
    requirePoppler();
    const bytes = await renderForm({
      form: 'order',
      language: 'ru',
      values: sampleValues('order', 'ru'),
      fonts,
      createdAt,
      author: AUTHOR.ru,
    });
    const file = tempPdf(bytes);
    try {
      const info = spawnSync('pdfinfo', ['-enc', 'UTF-8', file.path], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/^Author:\s+Акимат Сайрамского района$/m);
      // The title is the template's own (it names what the act is about, whatever its kind).
      expect(info).toMatch(new RegExp(`^Title:\\s+${getBundledTemplate('order', 'ru').title}$`, 'm'));
      expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
      expect(info).toMatch(/^Encrypted:\s+no$/m);
      const meta = spawnSync('pdfinfo', ['-meta', file.path], { encoding: 'utf8' }).stdout;
      expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(meta).toContain(
        '<dc:creator><rdf:Seq><rdf:li>Акимат Сайрамского района</rdf:li></rdf:Seq></dc:creator>',
      );
    } finally {
      file.cleanup();
    }
  });
});

describe('without an author', () => {
  it('writes no Author and no dc:creator rather than an empty one', async () => {
    const bytes = await renderForm({
      form: 'appendix-2',
      language: 'kk',
      values: sampleValues('appendix-2', 'kk'),
      fonts,
      createdAt,
    });
    const pdf = await inspectPdf(bytes);
    expect(pdf.doc.getAuthor()).toBeUndefined();
    const xmp = utf8.decode(streamBytes(pdf, pdf.doc.catalog.get(PDFName.of('Metadata'))));
    expect(xmp).not.toContain('dc:creator');
    expect(checkXml(xmp).wellFormed).toBe(true);
  });
});
