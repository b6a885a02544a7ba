/**
 * The one schema of a form template (`resources/forms/<form>.<lang>.json`). A template is data so
 * that an akimat can correct a wording without a new release; everything it may hold is here.
 */
import { z } from 'zod';
import { checkConsistency } from './template-checks';
import { FORM_IDS, FORM_LANGUAGES, type FormId, type FormLanguage } from './types';

export const FIELD_TYPES = ['text', 'multiline', 'date', 'datetime', 'iin', 'number', 'enum'] as const;
export const TEMPLATE_STATUSES = ['official', 'translation-unchecked', 'drafted'] as const;

const fieldName = z.string().regex(/^[a-z][A-Za-z0-9]*$/);
/** Where the desk prefills the field from: a dotted path, or `free` (typed by the officer). */
const fieldSource = z.union([
  z.literal('free'),
  z.string().regex(/^(case|settings|officer)(\.[A-Za-z][A-Za-z0-9]*)+$/),
]);

const fieldSchema = z.strictObject({
  name: fieldName,
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  source: fieldSource,
  maxLength: z.number().int().min(1).max(5000),
  /** Label in the template's language, for fields the desk has no translation for. */
  label: z.string().min(1).max(200).optional(),
  /**
   * For a text field: the grammatical case the value stands in where the template uses it
   * (`genitive`, `dative`, … of the template's language). The desk inflects the name or phrase
   * when it prefills the field, so the officer sees — and can correct — the form that is printed.
   */
  case: z
    .string()
    .regex(/^[a-z]+$/)
    .optional(),
  /** For `enum`: what is printed for each stored value. */
  options: z
    .array(z.strictObject({ value: z.string().min(1).max(100), label: z.string().min(1).max(500) }))
    .min(1)
    .optional(),
});

const text = z.string().min(1).max(5000);
const shortText = z.string().min(1).max(500);

const blankItem = z.strictObject({
  /** Fixed words printed before the underscored line, e.g. «Кімге:». */
  label: shortText.optional(),
  /** Values printed on the line, joined by `joiner` (empty ones are skipped). */
  fields: z.array(fieldName).min(1).max(4),
  joiner: z.string().max(10).optional(),
  /** The small caption under the line, as in the official forms. */
  caption: shortText.optional(),
  /** Fixed words printed after the line, e.g. «басшысы» or «ж.». */
  suffix: shortText.optional(),
  /** Width of the line in a row (mm); the rest of the row is shared by items without one. */
  widthMm: z.number().min(10).max(180).optional(),
});

/** Why a template's status is what it is; bundled templates say it in both languages of the desk. */
const noteSchema = z.union([
  z.string().max(2000),
  z.strictObject({ kk: z.string().min(1).max(2000), ru: z.string().min(1).max(2000) }),
]);

const headingBlock = z.strictObject({ type: z.literal('heading'), text });
const paragraphBlock = z.strictObject({
  type: z.literal('paragraph'),
  text,
  align: z.enum(['left', 'center', 'right', 'justify']).optional(),
  indentMm: z.number().min(0).max(40).optional(),
  size: z.enum(['body', 'small']).optional(),
  bold: z.boolean().optional(),
  /** Never end a page after it (a label such as «Келісілді:» stays with what it introduces). */
  keepWithNext: z.boolean().optional(),
});
const blankBlock = blankItem.extend({ type: z.literal('blank') });
/**
 * Texts side by side, each wrapped in its own column: the bilingual letterhead (Kazakh on the left,
 * Russian on the right), with an optional rule under the row as letterheads have.
 */
const columnsBlock = z.strictObject({
  type: z.literal('columns'),
  columns: z
    .array(
      z.strictObject({
        text,
        align: z.enum(['left', 'center', 'right']).optional(),
        size: z.enum(['body', 'small']).optional(),
        bold: z.boolean().optional(),
      }),
    )
    .min(2)
    .max(3),
  rule: z.boolean().optional(),
});
const blankRowBlock = z.strictObject({
  type: z.literal('blank-row'),
  items: z.array(blankItem).min(1).max(4),
  keepWithNext: z.boolean().optional(),
});
const signatureBlock = z.strictObject({
  type: z.literal('signature'),
  /** Position and name lines (may be empty when only the EDS is asked for). */
  items: z.array(blankItem).max(3),
  /** Fixed words over the place of the EDS stamp. */
  edsLabel: shortText,
  /** Reserved for the printed signature stamp that the signing step fills. */
  stamp: z.strictObject({ widthMm: z.number().min(20).max(180), heightMm: z.number().min(10).max(80) }),
});
const spacerBlock = z.strictObject({ type: z.literal('spacer'), mm: z.number().min(0).max(100) });
const addresseeBlock = z.strictObject({
  type: z.literal('addressee'),
  widthMm: z.number().min(40).max(150).optional(),
  blocks: z.array(z.discriminatedUnion('type', [paragraphBlock, blankBlock])).min(1),
});
/** The annex reference in the top right corner («…қағидаларына 2-қосымша»), lines as in the act. */
const annexBlock = z.strictObject({
  type: z.literal('annex'),
  text,
  widthMm: z.number().min(40).max(150).optional(),
});

const blockSchema = z.discriminatedUnion('type', [
  headingBlock,
  paragraphBlock,
  blankBlock,
  blankRowBlock,
  signatureBlock,
  spacerBlock,
  addresseeBlock,
  annexBlock,
  columnsBlock,
]);

export const templateSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+\.(kk|ru)(\.[a-z0-9-]+)?$/),
  form: z.enum(FORM_IDS),
  language: z.enum(FORM_LANGUAGES),
  version: z.union([z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/), z.number().int().min(0)]),
  status: z.enum(TEMPLATE_STATUSES),
  /** Why the status is what it is (required unless official). */
  note: noteSchema.optional(),
  source: z.strictObject({
    act: z.string().min(1).max(300),
    appendix: z.number().int().min(1).max(10).optional(),
    paragraph: z.number().int().min(1).max(100).optional(),
  }),
  /** Document title for the PDF metadata. */
  title: shortText,
  /** Footer of a document longer than one page; `{page}` and `{pages}` are replaced. */
  pageNumberFormat: z.string().min(1).max(60),
  layout: z
    .strictObject({
      bodySize: z.number().min(10).max(14).optional(),
      captionSize: z.number().min(7).max(10).optional(),
      lineHeight: z.number().min(1).max(1.6).optional(),
    })
    .optional(),
  fields: z.array(fieldSchema).min(1).max(100),
  blocks: z.array(blockSchema).min(1).max(200),
});

export type FormTemplate = z.infer<typeof templateSchema>;
export type TemplateField = FormTemplate['fields'][number];
export type FieldType = TemplateField['type'];
export type TemplateStatus = FormTemplate['status'];
export type TemplateBlock = FormTemplate['blocks'][number];
export type BlankItem = z.infer<typeof blankItem>;
export type ParagraphBlock = z.infer<typeof paragraphBlock>;
export type TemplateNote = z.infer<typeof noteSchema>;

export type TemplateErrorCode =
  | 'invalid-type'
  | 'invalid-value'
  | 'invalid-format'
  | 'too-small'
  | 'too-big'
  | 'unrecognized-keys'
  | 'invalid-union'
  | 'invalid-schema'
  | 'malformed-placeholder'
  | 'unknown-field'
  | 'unused-field'
  | 'duplicate-field'
  | 'enum-options-missing'
  | 'options-not-enum'
  | 'note-missing'
  | 'appendix-missing'
  | 'page-number-format'
  | 'form-mismatch'
  | 'language-mismatch'
  | 'id-mismatch'
  | 'invalid-modifier'
  | 'modifier-not-date'
  | 'invalid-case'
  | 'case-not-text';

export interface TemplateError {
  /** Dotted path inside the JSON (`blocks.3.text`), empty for the whole document. */
  path: string;
  code: TemplateErrorCode;
}

export type ParseTemplateResult =
  { ok: true; template: FormTemplate } | { ok: false; errors: TemplateError[] };

const ZOD_CODES: Record<string, TemplateErrorCode> = {
  invalid_type: 'invalid-type',
  invalid_value: 'invalid-value',
  invalid_format: 'invalid-format',
  too_small: 'too-small',
  too_big: 'too-big',
  unrecognized_keys: 'unrecognized-keys',
  invalid_union: 'invalid-union',
};

/**
 * Validates a template read from JSON. With `expect`, the template must be for that form and
 * language (an imported file replacing the Russian order must be the Russian order).
 */
export function parseTemplate(
  json: unknown,
  expect?: { form?: FormId; language?: FormLanguage },
): ParseTemplateResult {
  const parsed = templateSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        code: ZOD_CODES[issue.code] ?? 'invalid-schema',
      })),
    };
  }
  const template = parsed.data;
  const errors = checkConsistency(template);
  if (expect?.form && template.form !== expect.form) errors.push({ path: 'form', code: 'form-mismatch' });
  if (expect?.language && template.language !== expect.language) {
    errors.push({ path: 'language', code: 'language-mismatch' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, template };
}

/** A template's note in the desk's language (an imported template may carry a single text). */
export function noteText(note: TemplateNote | undefined, language: FormLanguage): string | undefined {
  if (note === undefined) return undefined;
  return typeof note === 'string' ? note : note[language];
}

/** The version as recorded on a produced document (events store it as a string). */
export function templateVersionString(t: Pick<FormTemplate, 'version'>): string {
  return String(t.version);
}
