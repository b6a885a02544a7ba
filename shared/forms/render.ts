/** The one entry point that turns a form and its values into PDF bytes (browser and Node alike). */
import { layoutForm, type LayoutFormInput } from './layout';
import { writePdf } from './pdf';
import { getBundledTemplate } from './templates';
import { FormValidationError, validateValues } from './values';

export interface RenderFormInput extends LayoutFormInput {
  /** Creation date written into the PDF; defaults to now. Pass it to get reproducible bytes. */
  createdAt?: Date;
  /**
   * A live preview while the officer types: empty or malformed fields are printed as they are
   * instead of refusing. Never use it for a document that leaves the desk.
   */
  preview?: boolean;
  /**
   * The issuing body (akimat or its education department) in the document's language: the PDF's
   * author, in the document information dictionary and the XMP metadata.
   */
  author?: string;
}

const codePoint = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Renders a filled form as a PDF. Throws FormValidationError (with every problem) when a required
 * field is empty or a value is malformed, unless `preview` is set.
 */
export async function renderForm(input: RenderFormInput): Promise<Uint8Array> {
  const template = input.template ?? getBundledTemplate(input.form, input.language);
  if (!input.preview) {
    const problems = validateValues(template, input.values);
    if (problems.length > 0) throw new FormValidationError(problems);
  }
  const layout = layoutForm({ ...input, template });
  // Values were checked above; what is left comes from the template's own text. Such a glyph
  // would print as an empty box, which a document leaving the desk must not have (nor may
  // PDF/A-2 show the .notdef glyph). Code points only: template text is no personal data.
  if (!input.preview && layout.missingGlyphs.length > 0) {
    throw new Error(
      `template text has characters the form font cannot print: ${layout.missingGlyphs.map(codePoint).join(' ')}`,
    );
  }
  return writePdf(layout, {
    fonts: input.fonts,
    createdAt: input.createdAt ?? new Date(),
    ...(input.author ? { author: input.author } : {}),
  });
}
