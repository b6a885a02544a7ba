import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../../../shared/documents';
import {
  FORM_IDS,
  FORM_LANGUAGES,
  TEMPLATE_STATUSES,
  getBundledTemplate,
  type FieldProblemCode,
  type TemplateErrorCode,
} from '../../../../shared/forms';
import kk from '../../i18n/kk/forms.json';
import ru from '../../i18n/ru/forms.json';

// Every code a template import can be refused with (a missing one would print its key to the officer).
const IMPORT_CODES: Record<TemplateErrorCode | 'version-exists', true> = {
  'invalid-type': true,
  'invalid-value': true,
  'invalid-format': true,
  'too-small': true,
  'too-big': true,
  'unrecognized-keys': true,
  'invalid-union': true,
  'invalid-schema': true,
  'malformed-placeholder': true,
  'unknown-field': true,
  'unused-field': true,
  'duplicate-field': true,
  'enum-options-missing': true,
  'options-not-enum': true,
  'note-missing': true,
  'appendix-missing': true,
  'page-number-format': true,
  'form-mismatch': true,
  'language-mismatch': true,
  'id-mismatch': true,
  'invalid-modifier': true,
  'modifier-not-date': true,
  'invalid-case': true,
  'case-not-text': true,
  'version-exists': true,
};
const PROBLEM_CODES: Record<FieldProblemCode, true> = {
  required: true,
  'too-long': true,
  'invalid-iin': true,
  'invalid-date': true,
  'invalid-number': true,
  'invalid-option': true,
  'unprintable-character': true,
};

describe.each([
  ['kk', kk],
  ['ru', ru],
] as const)('the %s texts of the forms', (_lang, texts) => {
  const has = (group: Record<string, string>, keys: readonly string[]) =>
    keys.filter((k) => typeof group[k] !== 'string' || group[k] === '');

  it('name every form, language, status and in-form document name', () => {
    expect(has(texts.forms.name, FORM_IDS)).toEqual([]);
    expect(has(texts.forms.language, FORM_LANGUAGES)).toEqual([]);
    expect(has(texts.forms.status, TEMPLATE_STATUSES)).toEqual([]);
    expect(has(texts.forms.documentName, DOCUMENT_KINDS)).toEqual([]);
  });

  it('label every field of every bundled template', () => {
    const names = FORM_IDS.flatMap((f) =>
      FORM_LANGUAGES.flatMap((l) => getBundledTemplate(f, l).fields.map((x) => x.name)),
    );
    expect(has(texts.forms.field, [...new Set(names)])).toEqual([]);
  });

  it('explain every field problem and every reason a template file is refused', () => {
    expect(has(texts.forms.problem, Object.keys(PROBLEM_CODES))).toEqual([]);
    expect(has(texts.formTemplates.error, Object.keys(IMPORT_CODES))).toEqual([]);
  });
});
