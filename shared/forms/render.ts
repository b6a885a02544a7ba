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
}

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
  return writePdf(layout, { fonts: input.fonts, createdAt: input.createdAt ?? new Date() });
}
