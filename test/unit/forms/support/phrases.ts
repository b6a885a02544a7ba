/** The fixed wording of a template, as the pieces that must appear verbatim in the PDF. */
// From the module itself: the forms' index brings the bundled JSON, which Playwright's Node cannot import.
import { formatModified, formatValues } from '../../../../shared/forms/values';
import { splitPlaceholders } from '../../../../shared/forms/placeholders';
import type { BlankItem, FormTemplate, TemplateBlock } from '../../../../shared/forms/template-schema';
import type { FormValues } from '../../../../shared/forms/types';

/** Literal runs of a text with placeholders, trimmed; annex lines one by one. */
function literalRuns(text: string): string[] {
  const parts = splitPlaceholders(text) ?? [];
  return parts
    .flatMap((p) => (p.kind === 'text' ? p.text.split('\n') : []))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function itemPhrases(item: BlankItem): string[] {
  return [item.label, item.caption, item.suffix].flatMap((t) => (t === undefined ? [] : literalRuns(t)));
}

/** Every text of a block that may hold placeholders, with the blank items apart. */
function blockTexts(block: TemplateBlock): { texts: string[]; items: BlankItem[] } {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'annex':
      return { texts: [block.text], items: [] };
    case 'columns':
      return { texts: block.columns.map((c) => c.text), items: [] };
    case 'blank':
      return { texts: [], items: [block] };
    case 'blank-row':
      return { texts: [], items: block.items };
    case 'signature':
      return { texts: [block.edsLabel], items: block.items };
    case 'addressee': {
      const inner = block.blocks.map(blockTexts);
      return { texts: inner.flatMap((i) => i.texts), items: inner.flatMap((i) => i.items) };
    }
    case 'spacer':
      return { texts: [], items: [] };
  }
}

export function fixedPhrases(template: FormTemplate): string[] {
  return template.blocks.flatMap((block) => {
    const { texts, items } = blockTexts(block);
    return [...texts.flatMap(literalRuns), ...items.flatMap(itemPhrases)];
  });
}

/**
 * Every value as the template prints it, once per use: on a blank as formatted, in a sentence in
 * the form its placeholder asks for («{studyFrom:ablative}» → «2026 жылғы 20 қарашадан»).
 */
export function printedValues(template: FormTemplate, values: FormValues): { field: string; text: string }[] {
  const plain = formatValues(template, values);
  const byName = new Map(template.fields.map((f) => [f.name, f]));
  const out: { field: string; text: string }[] = [];
  for (const block of template.blocks) {
    const { texts, items } = blockTexts(block);
    for (const item of items)
      for (const field of item.fields) out.push({ field, text: plain.get(field) ?? '' });
    for (const text of texts) {
      for (const part of splitPlaceholders(text) ?? []) {
        if (part.kind !== 'field') continue;
        const printed =
          part.modifiers.length === 0
            ? (plain.get(part.name) ?? '')
            : formatModified(
                byName.get(part.name),
                String(values[part.name] ?? ''),
                part.modifiers,
                template.language,
              );
        out.push({ field: part.name, text: printed });
      }
    }
  }
  return out.filter((v) => v.text !== '');
}
