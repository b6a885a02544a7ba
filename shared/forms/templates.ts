/**
 * The templates shipped with the desk (`resources/forms`). An akimat's own imported template
 * replaces one of these through settings; these stay as the default to roll back to.
 */
import appendix2kk from '../../resources/forms/appendix-2.kk.json';
import appendix2ru from '../../resources/forms/appendix-2.ru.json';
import appendix3kk from '../../resources/forms/appendix-3.kk.json';
import appendix3ru from '../../resources/forms/appendix-3.ru.json';
import appendix4kk from '../../resources/forms/appendix-4.kk.json';
import appendix4ru from '../../resources/forms/appendix-4.ru.json';
import orderKk from '../../resources/forms/order.kk.json';
import orderRu from '../../resources/forms/order.ru.json';
import schoolRequestKk from '../../resources/forms/school-request.kk.json';
import schoolRequestRu from '../../resources/forms/school-request.ru.json';
import { parseTemplate, type FormTemplate } from './template-schema';
import type { FormId, FormLanguage } from './types';

const BUNDLED: Record<FormId, Record<FormLanguage, unknown>> = {
  'appendix-2': { kk: appendix2kk, ru: appendix2ru },
  'appendix-3': { kk: appendix3kk, ru: appendix3ru },
  'appendix-4': { kk: appendix4kk, ru: appendix4ru },
  'school-request': { kk: schoolRequestKk, ru: schoolRequestRu },
  order: { kk: orderKk, ru: orderRu },
};

const parsed = new Map<string, FormTemplate>();

/** The bundled template, validated on first use (a broken bundle is a release bug: it throws). */
export function getBundledTemplate(form: FormId, language: FormLanguage): FormTemplate {
  const key = `${form}.${language}`;
  let template = parsed.get(key);
  if (!template) {
    const result = parseTemplate(BUNDLED[form][language], { form, language });
    if (!result.ok) {
      throw new Error(
        `bundled template ${key} is invalid: ${result.errors.map((e) => `${e.path}:${e.code}`).join(', ')}`,
      );
    }
    template = result.template;
    parsed.set(key, template);
  }
  return template;
}

/** The raw JSON of a bundled template, e.g. to offer it for download as a starting point. */
export function bundledTemplateJson(form: FormId, language: FormLanguage): unknown {
  return structuredClone(BUNDLED[form][language]);
}
