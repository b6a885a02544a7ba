/**
 * What makes a form a PDF/A-2b file (ISO 19005-2) beyond its fonts: the XMP metadata stream with
 * the PDF/A identification (6.6.2.1, 6.6.4), the same title, author, subject, keywords, tools and
 * dates in the document information dictionary (6.1.5), the sRGB output intent (6.2.3) and the
 * file identifier in the trailer (6.1.3). test/unit/forms/pdfa.test.ts checks each clause.
 */
import { PDFArray, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { deflate } from './deflate';
import { md5, toHex } from './md5';
import { SRGB_ICC_BASE64 } from './srgb-profile';

export interface DocumentMetadata {
  title: string;
  subject: string;
  /** The issuing body (akimat or its education department), in the document's language. */
  author?: string;
  keywords: string[];
  /** BCP 47 tag of the document's language (kk-KZ, ru-RU). */
  language: string;
  producer: string;
  creator: string;
  /** Creation and modification date (whole seconds: the Info dictionary has no finer unit). */
  createdAt: Date;
}

export const OUTPUT_CONDITION = 'sRGB IEC61966-2.1';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Bytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const ch of clean) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

let profile: Uint8Array | undefined;
let deflatedProfile: Uint8Array | undefined;

/** The ICC profile of the output intent (resources/icc/sRGB.icc). */
export function srgbProfile(): Uint8Array {
  profile ??= base64Bytes(SRGB_ICC_BASE64);
  return profile;
}

/** XMP date: ISO 8601 to the second, in UTC, the same instant as the Info dictionary's `D:…Z`. */
export function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `uuid:` form of a 16-byte identifier, for xmpMM:DocumentID. */
export function uuidOf(id: Uint8Array): string {
  const h = toHex(id);
  return `uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The XMP packet: only schemas the XMP specification predefines (dc, xmp, pdf, xmpMM) and the
 * PDF/A identification schema, so no extension schema is needed (6.6.2.3); UTF-8, and no `bytes`
 * or `encoding` attribute in the packet header (6.6.2.1).
 */
export function xmpPacket(meta: DocumentMetadata, id: Uint8Array): string {
  const date = xmpDate(meta.createdAt);
  const alt = (s: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(s)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    '<pdfaid:part>2</pdfaid:part>',
    '<pdfaid:conformance>B</pdfaid:conformance>',
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(meta.title)}</dc:title>`,
    ...(meta.author
      ? [`<dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`]
      : []),
    `<dc:description>${alt(meta.subject)}</dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${xml(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${xml(meta.creator)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${xml(meta.producer)}</pdf:Producer>`,
    `<pdf:Keywords>${xml(meta.keywords.join(' '))}</pdf:Keywords>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    `<xmpMM:DocumentID>${uuidOf(id)}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>${uuidOf(id)}</xmpMM:InstanceID>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

const utf8 = new TextEncoder();

/**
 * The file identifier: MD5 of what the document says (ISO 32000-1, 14.4), so the same content gives
 * the same identifier and the file stays byte-for-byte reproducible.
 */
export function documentId(meta: DocumentMetadata, contents: readonly Uint8Array[]): Uint8Array {
  const head = utf8.encode(
    JSON.stringify([
      meta.title,
      meta.subject,
      meta.author ?? '',
      meta.keywords,
      meta.language,
      xmpDate(meta.createdAt),
    ]),
  );
  const all = new Uint8Array(head.length + contents.reduce((n, c) => n + c.length, 0));
  all.set(head);
  let offset = head.length;
  for (const c of contents) {
    all.set(c, offset);
    offset += c.length;
  }
  return md5(all);
}

/** Writes the metadata, output intent and identifier of PDF/A-2b into `doc`. */
export function makePdfA(doc: PDFDocument, meta: DocumentMetadata, id: Uint8Array): void {
  const { context, catalog } = doc;
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setSubject(meta.subject);
  if (meta.author) doc.setAuthor(meta.author);
  doc.setKeywords(meta.keywords);
  doc.setLanguage(meta.language);
  doc.setProducer(meta.producer);
  doc.setCreator(meta.creator);
  doc.setCreationDate(meta.createdAt);
  doc.setModificationDate(meta.createdAt);

  // Not compressed: archive tools find XMP by scanning the file for the packet.
  const xmp = context.stream(utf8.encode(xmpPacket(meta, id)), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(xmp));

  // The same profile in every document: deflated once per session.
  deflatedProfile ??= deflate(srgbProfile());
  const icc = context.register(context.stream(deflatedProfile, { N: 3, Filter: 'FlateDecode' }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(OUTPUT_CONDITION),
    Info: PDFString.of(OUTPUT_CONDITION),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: icc,
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));

  const hex = PDFHexString.of(toHex(id).toUpperCase());
  const ids = PDFArray.withContext(context);
  ids.push(hex);
  ids.push(hex);
  context.trailerInfo.ID = ids;
}
