/**
 * Reading a produced PDF down to its objects and bytes, for the PDF/A structure tests: pdf-lib's
 * parser for the object graph, the raw bytes for what the syntax rules of ISO 19005-2 6.1 say
 * about keywords and line ends, and a small XML well-formedness check for the XMP packet (Node has
 * no XML parser; the packet uses elements, attributes, text and processing instructions only).
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

export interface Inspected {
  bytes: Uint8Array;
  /** The file as latin1 text, one character per byte. */
  raw: string;
  doc: PDFDocument;
  /** Every indirect object with its number. */
  objects: [PDFRef, PDFObject][];
}

export async function inspectPdf(bytes: Uint8Array): Promise<Inspected> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return {
    bytes,
    raw: Buffer.from(bytes).toString('latin1'),
    doc,
    objects: doc.context.enumerateIndirectObjects(),
  };
}

export function lookup(pdf: Inspected, obj: PDFObject | undefined): PDFObject | undefined {
  return obj instanceof PDFRef ? pdf.doc.context.lookup(obj) : obj;
}

export function dictOf(pdf: Inspected, obj: PDFObject | undefined): PDFDict {
  const d = lookup(pdf, obj);
  if (d instanceof PDFRawStream) return d.dict;
  if (!(d instanceof PDFDict)) throw new Error(`not a dictionary: ${String(d)}`);
  return d;
}

export function get(pdf: Inspected, dict: PDFDict, key: string): PDFObject | undefined {
  return lookup(pdf, dict.get(PDFName.of(key)));
}

export function nameOf(pdf: Inspected, dict: PDFDict, key: string): string | undefined {
  const v = get(pdf, dict, key);
  return v instanceof PDFName ? v.decodeText() : undefined;
}

export function streamBytes(pdf: Inspected, obj: PDFObject | undefined): Uint8Array {
  const s = lookup(pdf, obj);
  if (!(s instanceof PDFRawStream)) throw new Error('not a stream');
  return decodePDFRawStream(s).decode();
}

/** Visits every object reachable inside the indirect objects (not following references). */
export function walk(pdf: Inspected, visit: (obj: PDFObject, key?: string) => void): void {
  const go = (obj: PDFObject, key?: string) => {
    visit(obj, key);
    if (obj instanceof PDFRawStream) go(obj.dict);
    else if (obj instanceof PDFDict) for (const [k, v] of obj.entries()) go(v, k.decodeText());
    else if (obj instanceof PDFArray) for (const v of obj.asArray()) go(v);
  };
  for (const [, obj] of pdf.objects) go(obj);
}

/** Every dictionary key used anywhere in the file. */
export function allKeys(pdf: Inspected): Set<string> {
  const keys = new Set<string>();
  walk(pdf, (obj) => {
    if (obj instanceof PDFDict) for (const [k] of obj.entries()) keys.add(k.decodeText());
  });
  return keys;
}

export interface ContentToken {
  kind: 'operator' | 'number' | 'name' | 'hex' | 'delimiter';
  value: string;
}

/** The tokens of a content stream (only the kinds this writer emits; anything else throws). */
export function contentTokens(content: string): ContentToken[] {
  const tokens: ContentToken[] = [];
  // Delimiters: the inline property list of a marked-content point (the reserved stamp box).
  const re = /\s*(?:(-?\d+(?:\.\d+)?)|\/([A-Za-z0-9]+)|(<<|>>|\[|\])|<([0-9A-Fa-f\s]*)>|([A-Za-z'"*]+))/y;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < content.length && (m = re.exec(content))) {
    at = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'number', value: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'name', value: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'delimiter', value: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: 'hex', value: m[4] });
    else tokens.push({ kind: 'operator', value: m[5]! });
  }
  if (content.slice(at).trim() !== '')
    throw new Error(`unexpected content at ${at}: ${content.slice(at, at + 20)}`);
  return tokens;
}

/** Glyph IDs each font resource shows in a content stream (2-byte codes of Identity-H). */
export function shownGlyphs(content: string): Map<string, number[]> {
  const shown = new Map<string, number[]>();
  let font = '';
  const tokens = contentTokens(content);
  tokens.forEach((t, i) => {
    if (t.kind === 'operator' && t.value === 'Tf') font = tokens[i - 2]!.value;
    if (t.kind === 'operator' && t.value === 'Tj') {
      const hex = tokens[i - 1]!.value.replace(/\s/g, '');
      const list = shown.get(font) ?? [];
      for (let j = 0; j < hex.length; j += 4) list.push(parseInt(hex.slice(j, j + 4), 16));
      shown.set(font, list);
    }
  });
  return shown;
}

/** bfchar entries of a ToUnicode CMap: CID → text. */
export function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const [, cid, utf16] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const units = utf16!.match(/.{4}/g)!.map((u) => parseInt(u, 16));
      map.set(parseInt(cid!, 16), String.fromCharCode(...units));
    }
  }
  return map;
}

/** Byte offsets of the objects, from the classic cross-reference table. */
export function xrefOffsets(raw: string): Map<number, number> {
  const m = /\nxref\n(\d+) (\d+)\n((?:\d{10} \d{5} [nf] \n)+)/.exec(raw);
  if (!m) throw new Error('no cross-reference table');
  const first = Number(m[1]);
  const offsets = new Map<number, number>();
  m[3]!
    .trim()
    .split('\n')
    .forEach((line, i) => {
      if (line.endsWith('n ') || line.endsWith('n')) offsets.set(first + i, Number(line.slice(0, 10)));
    });
  return offsets;
}

export const isString = (o: PDFObject | undefined): o is PDFString | PDFHexString =>
  o instanceof PDFString || o instanceof PDFHexString;
export { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString };

/** The text of a string object (literal or hex), else undefined. */
export function textValue(o: PDFObject | undefined): string | undefined {
  return isString(o) ? o.decodeText() : undefined;
}

export interface XmlCheck {
  wellFormed: boolean;
  problem?: string;
  /** Namespace prefixes used by elements and attributes. */
  prefixes: Set<string>;
  /** prefix → URI, as declared. */
  namespaces: Map<string, string>;
  /** Text of each XMP property (the path of non-RDF elements, e.g. `dc:title`), in document order. */
  text: Map<string, string[]>;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;

/** Well-formedness of an XML text made of elements, attributes, character data and PIs. */
export function checkXml(source: string): XmlCheck {
  const result: XmlCheck = { wellFormed: false, prefixes: new Set(), namespaces: new Map(), text: new Map() };
  const token =
    /<\?([^]*?)\?>|<\/([A-Za-z_][\w.:-]*)\s*>|<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*"[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  const prefix = (q: string) => (q.includes(':') ? q.slice(0, q.indexOf(':')) : '');
  const fail = (problem: string) => ({ ...result, problem });
  while (at < source.length) {
    token.lastIndex = at;
    const m = token.exec(source);
    if (!m) return fail(`unexpected markup at ${at}`);
    at = token.lastIndex;
    if (m[2] !== undefined) {
      if (stack.pop() !== m[2]) return fail(`unbalanced </${m[2]}>`);
    } else if (m[3] !== undefined) {
      if (stack.length === 0 && ++roots > 1) return fail('more than one root element');
      result.prefixes.add(prefix(m[3]));
      const seen = new Set<string>();
      for (const [, name, value] of m[4]!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g)) {
        if (seen.has(name!)) return fail(`duplicate attribute ${name}`);
        seen.add(name!);
        if (value!.replace(ENTITY, '').includes('&')) return fail(`bad entity in ${name}`);
        if (name!.startsWith('xmlns:')) result.namespaces.set(name!.slice(6), value!);
        else if (name!.includes(':')) result.prefixes.add(prefix(name!));
      }
      if (m[5] !== '/') stack.push(m[3]);
    } else if (m[6] !== undefined) {
      if (m[6].replace(ENTITY, '').includes('&')) return fail('bad entity in text');
      if (stack.length === 0 && m[6].trim() !== '') return fail('text outside the root element');
      const property = stack.filter((n) => !n.startsWith('rdf:') && n !== 'x:xmpmeta').join('/');
      if (property && m[6].trim() !== '')
        result.text.set(property, [...(result.text.get(property) ?? []), unescapeXml(m[6])]);
    }
  }
  if (stack.length > 0) return fail(`unclosed <${stack[stack.length - 1]}>`);
  return { ...result, wellFormed: roots === 1 };
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
