/**
 * Part of `npm run pdf:resources` (build.ts): cuts Liberation Serif 2.1.5 (resources/fonts/LiberationSerif-*.ttf, kept
 * whole as the source) down to the characters of the forms (shared/forms/font-coverage.ts) with
 * HarfBuzz's subsetter, and writes resources/fonts/DeskSerif-{Regular,Bold}.ttf, the fonts the desk
 * ships and embeds. Hinting, layout tables (the renderer places glyphs by their advances and shapes
 * nothing) and glyph names are dropped; what is left renders the same outlines at the same widths.
 *
 * The result is a Modified Version under the SIL OFL 1.1, which may not keep the Reserved Font Name
 * "Liberation": its names are rewritten to "Desk Serif", the copyright and licence entries kept.
 * The output is deterministic; a unit test rebuilds it and compares it with the committed files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { formCodePoints } from '../../shared/forms/font-coverage';
import { readSfnt, writeSfnt } from '../../shared/forms/truetype';

export const FONT_DIR = fileURLToPath(new URL('../../resources/fonts/', import.meta.url));

export const FORM_FONT_FILES = {
  regular: { source: 'LiberationSerif-Regular.ttf', output: 'DeskSerif-Regular.ttf', style: 'Regular' },
  bold: { source: 'LiberationSerif-Bold.ttf', output: 'DeskSerif-Bold.ttf', style: 'Bold' },
} as const;

export const FAMILY = 'Desk Serif';

interface HbSubsetExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

// hb-subset.h
const HB_MEMORY_MODE_WRITABLE = 2;
export const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
export const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_NAME_ID = 4;

/** Tables of no use to a PDF renderer that places glyphs by advance: layout, hinting, device metrics. */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'kern', 'FFTM', 'gasp', 'hdmx', 'VDMX', 'LTSH', 'DSIG'];

const tag = (s: string) => [...s].reduce((t, c) => (t << 8) | c.charCodeAt(0), 0) >>> 0;

let hb: Promise<HbSubsetExports> | undefined;

function loadHarfBuzz(): Promise<HbSubsetExports> {
  hb ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm);
    return instance.exports as unknown as HbSubsetExports;
  })();
  return hb;
}

export interface HbSubsetOptions {
  unicodes?: readonly number[];
  glyphs?: readonly number[];
  flags?: number;
  dropTables?: readonly string[];
  /** Name IDs to keep (HarfBuzz keeps 0–6 by default). */
  nameIds?: readonly number[];
}

/** HarfBuzz's hb-subset (harfbuzzjs's harfbuzz-subset.wasm) of a font file. */
export async function hbSubset(font: Uint8Array, options: HbSubsetOptions): Promise<Uint8Array> {
  const ex = await loadHarfBuzz();
  const fontPtr = ex.malloc(font.length);
  new Uint8Array(ex.memory.buffer).set(font, fontPtr);
  const blob = ex.hb_blob_create(fontPtr, font.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = ex.hb_face_create(blob, 0);
  ex.hb_blob_destroy(blob);
  const input = ex.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb_subset_input_create_or_fail failed');
  try {
    const unicodes = ex.hb_subset_input_unicode_set(input);
    for (const cp of options.unicodes ?? []) ex.hb_set_add(unicodes, cp);
    const glyphs = ex.hb_subset_input_glyph_set(input);
    for (const gid of options.glyphs ?? []) ex.hb_set_add(glyphs, gid);
    const drop = ex.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const t of options.dropTables ?? []) ex.hb_set_add(drop, tag(t));
    const names = ex.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
    for (const id of options.nameIds ?? []) ex.hb_set_add(names, id);
    ex.hb_subset_input_set_flags(input, options.flags ?? 0);
    const subset = ex.hb_subset_or_fail(face, input);
    if (!subset) throw new Error('hb_subset_or_fail failed');
    const result = ex.hb_face_reference_blob(subset);
    const length = ex.hb_blob_get_length(result);
    const data = ex.hb_blob_get_data(result, 0);
    const bytes = new Uint8Array(ex.memory.buffer, data, length).slice();
    ex.hb_blob_destroy(result);
    ex.hb_face_destroy(subset);
    return bytes;
  } finally {
    ex.hb_subset_input_destroy(input);
    ex.hb_face_destroy(face);
    ex.free(fontPtr);
  }
}

const be16 = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;

/** The Windows/Unicode/English records of a `name` table, by name ID. */
function windowsNames(name: Uint8Array): Map<number, string> {
  const count = be16(name, 2);
  const strings = be16(name, 4);
  const result = new Map<number, string>();
  for (let i = 0; i < count; i++) {
    const r = 6 + i * 12;
    const [platform, encoding, language, id, length, offset] = [0, 2, 4, 6, 8, 10].map((d) =>
      be16(name, r + d),
    );
    if (platform !== 3 || encoding !== 1 || language !== 0x409) continue;
    let s = '';
    for (let j = 0; j < length!; j += 2) s += String.fromCharCode(be16(name, strings + offset! + j));
    result.set(id!, s);
  }
  return result;
}

/** A format-0 `name` table of Windows/Unicode/English records. */
function nameTable(records: ReadonlyMap<number, string>): Uint8Array {
  const ids = [...records.keys()].sort((a, b) => a - b);
  const header = 6 + ids.length * 12;
  const size = header + ids.reduce((n, id) => n + records.get(id)!.length * 2, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint16(2, ids.length);
  view.setUint16(4, header);
  let offset = 0;
  ids.forEach((id, i) => {
    const s = records.get(id)!;
    const r = 6 + i * 12;
    [3, 1, 0x409, id, s.length * 2, offset].forEach((v, k) => view.setUint16(r + k * 2, v));
    for (let j = 0; j < s.length; j++) view.setUint16(header + offset + j * 2, s.charCodeAt(j));
    offset += s.length * 2;
  });
  return out;
}

/** Desk Serif of one weight: the subset of the original with its names rewritten. */
export async function buildFormFont(original: Uint8Array, style: 'Regular' | 'Bold'): Promise<Uint8Array> {
  const subset = readSfnt(
    await hbSubset(original, {
      unicodes: formCodePoints(),
      flags: HB_SUBSET_FLAGS_NO_HINTING,
      dropTables: DROPPED_TABLES,
      // The licence entries, read below (the copyright, ID 0, is kept by default).
      nameIds: [13, 14],
    }),
  );
  const old = windowsNames(subset.tables.get('name') ?? new Uint8Array(6));
  const psName = `DeskSerif-${style}`;
  const version = (old.get(5) ?? '').replace(/\s+$/, '');
  const names = new Map<number, string>([
    [
      0,
      `${old.get(0) ?? ''} Desk Serif is a Modified Version of Liberation Serif (cut to the characters of the forms, hinting removed) under the SIL Open Font License 1.1.`,
    ],
    [1, FAMILY],
    [2, style],
    [3, `${FAMILY} ${style}: ${version}`],
    [4, `${FAMILY} ${style}`],
    [5, `${version}; Desk Serif subset`],
    [6, psName],
    [13, old.get(13) ?? 'SIL Open Font License, Version 1.1'],
    [14, old.get(14) ?? 'https://openfontlicense.org'],
  ]);
  subset.tables.set('name', nameTable(names));
  return writeSfnt(subset);
}

/** Builds both weights from the sources into resources/fonts. */
export async function buildFormFonts(): Promise<Record<'regular' | 'bold', Uint8Array>> {
  const out = {} as Record<'regular' | 'bold', Uint8Array>;
  for (const weight of ['regular', 'bold'] as const) {
    const { source, style } = FORM_FONT_FILES[weight];
    out[weight] = await buildFormFont(new Uint8Array(readFileSync(`${FONT_DIR}${source}`)), style);
  }
  return out;
}
