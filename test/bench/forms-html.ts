/**
 * The HTML a developer would write for the same form, for the benchmark's comparison with
 * Chromium's own PDF printing (`page.pdf()`): the template's blocks as headings, paragraphs and
 * underlined blanks, the same values, the same Liberation Serif files (as @font-face data URLs), the
 * same A4 page and margins. The fonts come by URL, as an app would serve its own files, so the
 * time measured is the layout and printing, not decoding a megabyte of base64 on every document.
 */
import { formatValues, type FormTemplate, type FormValues } from '../../shared/forms';
import type { BlankItem, TemplateBlock } from '../../shared/forms/template-schema';
import { splitPlaceholders } from '../../shared/forms/placeholders';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fill(text: string, printed: Map<string, string>): string {
  return (splitPlaceholders(text) ?? [])
    .map((p) => escape(p.kind === 'text' ? p.text : (printed.get(p.name) ?? '')))
    .join('')
    .replace(/\n/g, '<br>');
}

function blank(item: BlankItem, printed: Map<string, string>): string {
  const value = item.fields
    .map((f) => printed.get(f) ?? '')
    .filter(Boolean)
    .join(item.joiner ?? ' ');
  const width = item.widthMm ? ` style="flex:0 0 ${item.widthMm}mm"` : '';
  return [
    `<div class="blank"${width}><div class="line">`,
    item.label ? `<span>${fill(item.label, printed)}</span>` : '',
    `<span class="value">${escape(value).replace(/\n/g, '<br>')}</span>`,
    item.suffix ? `<span>${fill(item.suffix, printed)}</span>` : '',
    '</div>',
    item.caption ? `<div class="caption">${fill(item.caption, printed)}</div>` : '',
    '</div>',
  ].join('');
}

function block(b: TemplateBlock, printed: Map<string, string>): string {
  switch (b.type) {
    case 'annex':
      return `<div class="annex" style="width:${b.widthMm ?? 75}mm">${fill(b.text, printed)}</div>`;
    case 'heading':
      return `<h1>${fill(b.text, printed)}</h1>`;
    case 'paragraph': {
      const style = [
        `text-align:${b.align ?? 'justify'}`,
        b.indentMm ? `text-indent:${b.indentMm}mm` : '',
        b.bold ? 'font-weight:bold' : '',
        b.size === 'small' ? 'font-size:9pt' : '',
      ].filter(Boolean);
      return `<p style="${style.join(';')}">${fill(b.text, printed)}</p>`;
    }
    case 'blank':
      return blank(b, printed);
    case 'blank-row':
      return `<div class="row">${b.items.map((i) => blank(i, printed)).join('')}</div>`;
    case 'signature':
      return [
        `<div class="row">${b.items.map((i) => blank(i, printed)).join('')}</div>`,
        `<p>${fill(b.edsLabel, printed)}</p>`,
        `<div class="stamp" style="width:${b.stamp.widthMm}mm;height:${b.stamp.heightMm}mm"></div>`,
      ].join('');
    case 'spacer':
      return `<div style="height:${b.mm}mm"></div>`;
    case 'columns':
      return [
        `<div class="row">`,
        ...b.columns.map(
          (c) =>
            `<p style="flex:1;text-align:${c.align ?? 'center'}${c.bold ? ';font-weight:bold' : ''}">${fill(c.text, printed)}</p>`,
        ),
        `</div>`,
        b.rule ? '<hr>' : '',
      ].join('');
    case 'addressee':
      return `<div class="annex" style="width:${b.widthMm ?? 90}mm;font-size:14pt">${b.blocks
        .map((inner) => block(inner, printed))
        .join('')}</div>`;
  }
}

/** Where the page finds the two TrueType files (the benchmark serves them from memory, cached). */
export interface FontUrls {
  regular: string;
  bold: string;
}

/** A whole HTML document for `page.setContent`. */
export function formHtml(template: FormTemplate, values: FormValues, fonts: FontUrls): string {
  const printed = formatValues(template, values);
  const face = (weight: string, url: string) =>
    `@font-face{font-family:'Form Serif';font-weight:${weight};src:url(${url}) format('truetype')}`;
  return `<!doctype html><html lang="${template.language}"><head><meta charset="utf-8"><title>${escape(template.title)}</title><style>
${face('normal', fonts.regular)}
${face('bold', fonts.bold)}
@page{size:A4;margin:20mm 15mm 20mm 30mm}
body{margin:0;font-family:'Form Serif';font-size:14pt;line-height:1.15}
h1{font-size:14pt;text-align:center;margin:4mm 0}
p{margin:0 0 2mm}
.annex{margin-left:auto;font-size:10pt}
.row{display:flex;gap:6mm}
.blank{flex:1;margin:0 0 2mm}
.line{display:flex;gap:2mm;align-items:flex-end}
.value{flex:1;border-bottom:0.5pt solid #000;min-height:1.15em}
.caption{font-size:9pt;text-align:center}
.stamp{margin-top:2mm}
</style></head><body>${template.blocks.map((b) => block(b, printed)).join('\n')}</body></html>`;
}
