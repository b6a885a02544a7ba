/** Reading an imported template file and turning its refusal into lines the officer can act on. */
import type { TFunction } from 'i18next';
import type { TemplateImportError } from '../../db';

/** Far above any real template (the schema caps 200 blocks of 5,000 characters), far below trouble. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

export type TemplateFileResult = { ok: true; json: unknown } | { ok: false };

/** UTF-8 JSON (a byte order mark allowed, as Windows editors write one); anything else is refused. */
export function parseTemplateFile(bytes: Uint8Array): TemplateFileResult {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** One line per problem: where in the file (dotted path) and what is wrong, translated. */
export function refusalLines(t: TFunction, errors: readonly TemplateImportError[]): string[] {
  const lines = errors.map((e) =>
    t('formTemplates.errorAt', {
      path: e.path === '' ? t('formTemplates.whole') : e.path,
      problem: t(`formTemplates.error.${e.code}`),
    }),
  );
  return [...new Set(lines)];
}
