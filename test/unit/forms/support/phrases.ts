/** The fixed wording of a template, as the pieces that must appear verbatim in the PDF. */
import { splitPlaceholders } from '../../../../shared/forms/placeholders';
import type { BlankItem, FormTemplate, TemplateBlock } from '../../../../shared/forms/template-schema';

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

function blockPhrases(block: TemplateBlock): string[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'annex':
      return literalRuns(block.text);
    case 'blank':
      return itemPhrases(block);
    case 'blank-row':
      return block.items.flatMap(itemPhrases);
    case 'signature':
      return [...block.items.flatMap(itemPhrases), ...literalRuns(block.edsLabel)];
    case 'addressee':
      return block.blocks.flatMap(blockPhrases);
    case 'spacer':
      return [];
  }
}

export function fixedPhrases(template: FormTemplate): string[] {
  return template.blocks.flatMap(blockPhrases);
}
