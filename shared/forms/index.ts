/** Public API of the forms: templates as data, values, layout, PDF rendering. */
export { FORM_IDS, FORM_LANGUAGES, PDF_LANGUAGE_TAGS } from './types';
export type { FormFonts, FormId, FormLanguage, FormValues } from './types';
export {
  FIELD_TYPES,
  TEMPLATE_STATUSES,
  noteText,
  parseTemplate,
  templateSchema,
  templateVersionString,
} from './template-schema';
export type {
  BlankItem,
  FieldType,
  FormTemplate,
  ParseTemplateResult,
  TemplateBlock,
  TemplateError,
  TemplateErrorCode,
  TemplateField,
  TemplateNote,
  TemplateStatus,
} from './template-schema';
export { dateModifiers } from './template-checks';
export type { DateModifiers } from './template-checks';
export { bindNoBreak, NBSP } from './nobreak';
export { bundledTemplateJson, getBundledTemplate } from './templates';
export {
  FormValidationError,
  formatDate,
  formatDateTime,
  formatModified,
  formatValues,
  validateValues,
} from './values';
export type { FieldProblem, FieldProblemCode } from './values';
export { A4, OFFICIAL_MARGINS_MM, PAGE, layoutForm } from './layout';
export type { LayoutFormInput } from './layout';
export type {
  FormLayout,
  LaidItem,
  LaidPage,
  LaidReserved,
  LaidRule,
  LaidText,
  PageGeometry,
} from './layout-types';
export { wrapText } from './wrap';
export type { Measure, WrappedLine, WrapOptions } from './wrap';
export { PDF_CREATOR, PDF_PRODUCER, RESERVED_TAG } from './pdf';
export { renderForm } from './render';
export type { RenderFormInput } from './render';
