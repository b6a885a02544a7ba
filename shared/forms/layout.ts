/**
 * Lays a filled template out on A4 pages: the one model behind the PDF and the on-screen preview.
 */
import { blankChunks, blankRowChunk, columnsChunk } from './layout-blank';
import { baselineOffset, fill, lineBox, mergeChunks, MM, textChunks, type Flow } from './layout-text';
import type { Chunk, FormLayout, LaidPage, PageGeometry } from './layout-types';
import { metricsFor } from './metrics';
import { templateVersionString, type FormTemplate, type TemplateBlock } from './template-schema';
import { getBundledTemplate } from './templates';
import type { FormFonts, FormId, FormLanguage, FormValues } from './types';
import { formatModified, formatValues, rawValue } from './values';

/** A4 portrait in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/**
 * Margins of Kazakh official documents (the records-management rules): left 30 mm for binding,
 * right 15 mm (10 mm is the minimum), top and bottom 20 mm.
 */
export const OFFICIAL_MARGINS_MM = { top: 20, right: 15, bottom: 20, left: 30 } as const;

export const PAGE: PageGeometry = {
  width: A4.width,
  height: A4.height,
  margins: {
    top: OFFICIAL_MARGINS_MM.top * MM,
    right: OFFICIAL_MARGINS_MM.right * MM,
    bottom: OFFICIAL_MARGINS_MM.bottom * MM,
    left: OFFICIAL_MARGINS_MM.left * MM,
  },
};

export interface LayoutFormInput {
  form: FormId;
  language: FormLanguage;
  values: FormValues;
  /** Defaults to the bundled template of the form and language. */
  template?: FormTemplate;
  fonts: FormFonts;
}

export function layoutForm(input: LayoutFormInput): FormLayout {
  const template = input.template ?? getBundledTemplate(input.form, input.language);
  if (template.form !== input.form || template.language !== input.language) {
    throw new Error(`template ${template.id} is not ${input.form}.${input.language}`);
  }
  const metrics = metricsFor(input.fonts);
  const bodySize = template.layout?.bodySize ?? 14;
  const captionSize = template.layout?.captionSize ?? 9;
  const fields = new Map(template.fields.map((f) => [f.name, f]));
  const flow: Flow = {
    metrics,
    style: {
      bodySize,
      captionSize,
      smallSize: Math.min(bodySize - 2, captionSize + 2),
      lineHeight: template.layout?.lineHeight ?? 1.15,
    },
    values: formatValues(template, input.values),
    printAs: (name, modifiers) =>
      formatModified(fields.get(name), rawValue(input.values, name), modifiers, template.language),
  };

  const chunks = template.blocks.flatMap((block) => blockChunks(flow, block));
  const pages = paginate(chunks, PAGE);
  if (pages.length > 1) addPageNumbers(flow, pages, template.pageNumberFormat);

  const weights = { regular: false, bold: false };
  const missing = new Set<number>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      weights[item.weight] = true;
      for (const cp of metrics.missingGlyphs(item.text)) missing.add(cp);
    }
  }
  return {
    form: template.form,
    language: template.language,
    templateId: template.id,
    templateVersion: templateVersionString(template),
    title: template.title,
    page: PAGE,
    pages,
    weights,
    missingGlyphs: [...missing],
  };
}

function contentWidth(page: PageGeometry): number {
  return page.width - page.margins.left - page.margins.right;
}

function blockChunks(flow: Flow, block: TemplateBlock): Chunk[] {
  const x = PAGE.margins.left;
  const width = contentWidth(PAGE);
  const body = flow.style.bodySize;
  const gap = body * 0.35;
  switch (block.type) {
    case 'heading':
      return textChunks(flow, fill(flow, block.text), {
        x,
        width,
        size: body,
        weight: 'bold',
        align: 'center',
        spaceBefore: body * 0.6,
        keepWithNext: true,
      });
    case 'paragraph':
      return textChunks(flow, fill(flow, block.text), {
        x,
        width,
        size: block.size === 'small' ? flow.style.smallSize : body,
        weight: block.bold ? 'bold' : 'regular',
        align: block.align ?? 'left',
        indent: (block.indentMm ?? 0) * MM,
        spaceBefore: gap,
        keepWithNext: block.keepWithNext ?? false,
      });
    case 'blank':
      return blankChunks(flow, block, x, width, gap);
    case 'blank-row':
      return [
        { ...blankRowChunk(flow, block.items, x, width, gap), keepWithNext: block.keepWithNext ?? false },
      ];
    case 'signature':
      return signatureChunks(flow, block, x, width);
    case 'spacer':
      return [{ height: block.mm * MM, items: [], spaceBefore: 0, keepWithNext: false }];
    case 'addressee': {
      const w = Math.min((block.widthMm ?? 85) * MM, width);
      const cx = x + width - w;
      return block.blocks.flatMap((inner) =>
        inner.type === 'blank'
          ? blankChunks(flow, inner, cx, w, gap * 0.5)
          : textChunks(flow, fill(flow, inner.text), {
              x: cx,
              width: w,
              size: inner.size === 'small' ? flow.style.smallSize : body,
              weight: inner.bold ? 'bold' : 'regular',
              align: inner.align ?? 'left',
              spaceBefore: gap * 0.5,
            }),
      );
    }
    case 'columns':
      return [columnsChunk(flow, block, x, width, gap)];
    case 'annex': {
      const w = Math.min((block.widthMm ?? 75) * MM, width);
      return textChunks(flow, fill(flow, block.text), {
        x: x + width - w,
        width: w,
        size: flow.style.smallSize,
        weight: 'regular',
        align: 'left',
        spaceBefore: 0,
      });
    }
  }
}

function signatureChunks(
  flow: Flow,
  block: Extract<TemplateBlock, { type: 'signature' }>,
  x: number,
  width: number,
): Chunk[] {
  const body = flow.style.bodySize;
  const chunks: Chunk[] = [];
  if (block.items.length > 0) chunks.push(blankRowChunk(flow, block.items, x, width, body * 1.2));
  const label = textChunks(flow, fill(flow, block.edsLabel), {
    x,
    width,
    size: body,
    weight: 'regular',
    align: 'left',
    spaceBefore: body * 0.6,
  });
  const boxTop = body * 0.3;
  const box: Chunk = {
    height: boxTop + block.stamp.heightMm * MM,
    items: [
      {
        kind: 'reserved',
        purpose: 'eds-stamp',
        x,
        y: boxTop,
        width: Math.min(block.stamp.widthMm * MM, width),
        height: block.stamp.heightMm * MM,
      },
    ],
    spaceBefore: 0,
    keepWithNext: false,
  };
  // The words «… электрондық цифрлық қолтаңбасы» and the place of the stamp are one unit on paper.
  chunks.push(mergeChunks([...label, box], body * 0.6, false));
  return chunks;
}

/** Places chunks on pages, moving a group bound by keepWithNext to a new page when it does not fit. */
function paginate(chunks: Chunk[], page: PageGeometry): LaidPage[] {
  const top = page.margins.top;
  const bottom = page.height - page.margins.bottom;
  const pages: LaidPage[] = [{ number: 1, items: [] }];
  let cursor = top;
  let pendingSpace = 0;

  const groups: Chunk[][] = [];
  let group: Chunk[] = [];
  for (const chunk of chunks) {
    group.push(chunk);
    if (!chunk.keepWithNext) {
      groups.push(group);
      group = [];
    }
  }
  if (group.length > 0) groups.push(group);

  const newPage = (): void => {
    pages.push({ number: pages.length + 1, items: [] });
    cursor = top;
  };
  const place = (chunk: Chunk): void => {
    // Spacer chunks have no items; their height is carried as space before what follows.
    if (chunk.items.length === 0) {
      pendingSpace += chunk.spaceBefore + chunk.height;
      return;
    }
    let space = cursor === top ? 0 : chunk.spaceBefore + pendingSpace;
    if (cursor + space + chunk.height > bottom && cursor > top) {
      newPage();
      space = 0;
    }
    pendingSpace = 0;
    const at = cursor + space;
    const current = pages[pages.length - 1];
    for (const item of chunk.items) current?.items.push({ ...item, y: item.y + at });
    cursor = at + chunk.height;
  };

  for (const g of groups) {
    const height = g.reduce((sum, c, i) => sum + c.height + (i === 0 ? 0 : c.spaceBefore), 0);
    const space = g[0]?.spaceBefore ?? 0;
    const fitsOnFreshPage = height <= bottom - top;
    if (fitsOnFreshPage && cursor > top && cursor + space + pendingSpace + height > bottom) newPage();
    for (const c of g) place(c);
  }
  return pages;
}

function addPageNumbers(flow: Flow, pages: LaidPage[], format: string): void {
  const size = flow.style.captionSize + 1;
  const y = PAGE.height - PAGE.margins.bottom / 2 + baselineOffset(flow, size) - lineBox(flow, size) / 2;
  for (const page of pages) {
    const text = format.replace('{page}', String(page.number)).replace('{pages}', String(pages.length));
    const width = flow.metrics.width(text, 'regular', size);
    const x = PAGE.margins.left + (contentWidth(PAGE) - width) / 2;
    page.items.push({ kind: 'text', text, x, y, size, weight: 'regular', width });
  }
}
