/**
 * The little of the TrueType format the PDF writer needs: reading and writing an sfnt's tables, and
 * the per-document subset. The bundled fonts are already cut to the forms' characters at build time
 * (test/fonts/subset-fonts.ts, with HarfBuzz) and carry no hinting or layout tables, so a document's
 * subset is only a matter of keeping the outlines of the glyphs it uses: every glyph keeps its ID
 * (as HarfBuzz's retain-gids subsetting does), the others become empty, and the CIDs of the PDF can
 * be the glyph IDs themselves (CIDToGIDMap /Identity).
 */

export interface Sfnt {
  version: number;
  /** Table tag → table bytes (views into the file they were read from, until replaced). */
  tables: Map<string, Uint8Array>;
}

const u16 = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const i16 = (b: Uint8Array, o: number) => (u16(b, o) << 16) >> 16;
const u32 = (b: Uint8Array, o: number) =>
  ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;

export function readSfnt(bytes: Uint8Array): Sfnt {
  if (bytes.length < 12) throw new Error('not a TrueType font: too short');
  const version = u32(bytes, 0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error('not a TrueType (glyf) font');
  const count = u16(bytes, 4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const r = 12 + i * 16;
    const tag = String.fromCharCode(bytes[r]!, bytes[r + 1]!, bytes[r + 2]!, bytes[r + 3]!);
    const offset = u32(bytes, r + 8);
    const length = u32(bytes, r + 12);
    if (offset + length > bytes.length)
      throw new Error(`TrueType table ${tag} runs past the end of the file`);
    tables.set(tag, bytes.subarray(offset, offset + length));
  }
  return { version, tables };
}

function checksum(bytes: Uint8Array): number {
  let sum = 0;
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + u32(bytes, i)) >>> 0;
  if (whole < bytes.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (bytes[i] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** An sfnt file: tables in tag order, 4-byte aligned, checksums and head.checkSumAdjustment set. */
export function writeSfnt(font: Sfnt): Uint8Array {
  const tags = [...font.tables.keys()].sort();
  const n = tags.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  let size = 12 + n * 16;
  for (const t of tags) size += (font.tables.get(t)!.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, font.version);
  view.setUint16(4, n);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, n * 16 - searchRange);
  let offset = 12 + n * 16;
  let headOffset = -1;
  tags.forEach((t, i) => {
    const table = font.tables.get(t)!;
    out.set(table, offset);
    if (t === 'head') {
      headOffset = offset;
      view.setUint32(offset + 8, 0); // checkSumAdjustment is computed over the file with it zeroed
    }
    const r = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[r + k] = t.charCodeAt(k);
    view.setUint32(r + 4, checksum(out.subarray(offset, offset + table.length)));
    view.setUint32(r + 8, offset);
    view.setUint32(r + 12, table.length);
    offset += (table.length + 3) & ~3;
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

interface GlyphTable {
  sfnt: Sfnt;
  numGlyphs: number;
  longLoca: boolean;
  /** numGlyphs + 1 offsets into glyf. */
  loca: Uint32Array;
  glyf: Uint8Array;
}

// Parsed once per font file: every document of a session subsets the same bytes.
const parsed = new WeakMap<Uint8Array, GlyphTable>();

function glyphTable(font: Uint8Array): GlyphTable {
  let g = parsed.get(font);
  if (g) return g;
  const sfnt = readSfnt(font);
  const need = (t: string) => {
    const table = sfnt.tables.get(t);
    if (!table) throw new Error(`TrueType font without a ${t} table`);
    return table;
  };
  const head = need('head');
  const numGlyphs = u16(need('maxp'), 4);
  const longLoca = i16(head, 50) === 1;
  const rawLoca = need('loca');
  const loca = new Uint32Array(numGlyphs + 1);
  for (let i = 0; i <= numGlyphs; i++) loca[i] = longLoca ? u32(rawLoca, i * 4) : u16(rawLoca, i * 2) * 2;
  g = { sfnt, numGlyphs, longLoca, loca, glyf: need('glyf') };
  parsed.set(font, g);
  return g;
}

// Composite glyph flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The glyphs a composite glyph is built from (empty for a simple or empty glyph). */
function components(g: GlyphTable, gid: number): number[] {
  const start = g.loca[gid]!;
  const end = g.loca[gid + 1]!;
  if (end - start < 10 || i16(g.glyf, start) >= 0) return [];
  const found: number[] = [];
  let p = start + 10;
  for (;;) {
    const flags = u16(g.glyf, p);
    found.push(u16(g.glyf, p + 2));
    p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) p += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
    if (!(flags & MORE_COMPONENTS) || p >= end) return found;
  }
}

/** `gids`, glyph 0 and every component of a composite among them. */
export function glyphClosure(font: Uint8Array, gids: Iterable<number>): Set<number> {
  const g = glyphTable(font);
  const kept = new Set<number>([0]);
  const todo = [...gids];
  while (todo.length > 0) {
    const gid = todo.pop()!;
    if (gid >= g.numGlyphs) throw new RangeError(`glyph ${gid} is not in the font (${g.numGlyphs} glyphs)`);
    if (kept.has(gid) && gid !== 0) continue;
    kept.add(gid);
    todo.push(...components(g, gid).filter((c) => !kept.has(c)));
  }
  return kept;
}

/**
 * The font with only the outlines of `gids` (and their components); every other glyph keeps its
 * ID and metrics but has no outline. All other tables are copied unchanged.
 */
export function retainGlyphs(font: Uint8Array, gids: Iterable<number>): Uint8Array {
  const g = glyphTable(font);
  const kept = glyphClosure(font, gids);
  let size = 0;
  for (const gid of kept) size += (g.loca[gid + 1]! - g.loca[gid]! + 3) & ~3;
  const glyf = new Uint8Array(size);
  const loca = new Uint8Array((g.numGlyphs + 1) * (g.longLoca ? 4 : 2));
  const locaView = new DataView(loca.buffer);
  let offset = 0;
  for (let gid = 0; gid <= g.numGlyphs; gid++) {
    if (g.longLoca) locaView.setUint32(gid * 4, offset);
    else locaView.setUint16(gid * 2, offset / 2);
    if (gid === g.numGlyphs || !kept.has(gid)) continue;
    const start = g.loca[gid]!;
    const end = g.loca[gid + 1]!;
    glyf.set(g.glyf.subarray(start, end), offset);
    offset += (end - start + 3) & ~3;
  }
  const tables = new Map(g.sfnt.tables);
  tables.set('glyf', glyf);
  tables.set('loca', loca);
  return writeSfnt({ version: g.sfnt.version, tables });
}
