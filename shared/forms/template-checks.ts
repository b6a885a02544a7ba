/**
 * What a template's JSON schema cannot say: every reference resolves, every field is used, enum
 * options, the page-number format, the forms placeholders ask for and the cases fields stand in.
 */
import { DATE_PARTS, isCaseOf, type DatePart, type GrammarCase } from '../grammar';
import { splitPlaceholders } from './placeholders';
import type { BlankItem, FormTemplate, TemplateBlock, TemplateError } from './template-schema';
import type { FormLanguage } from './types';

/** Rules a JSON schema cannot say: every reference resolves, every field is used, and so on. */
export function checkConsistency(t: FormTemplate): TemplateError[] {
  const errors: TemplateError[] = [];
  if (!t.id.startsWith(`${t.form}.${t.language}`)) errors.push({ path: 'id', code: 'id-mismatch' });
  if (t.status !== 'official' && !t.note) errors.push({ path: 'note', code: 'note-missing' });
  if (t.status === 'official' && t.source.appendix === undefined) {
    errors.push({ path: 'source.appendix', code: 'appendix-missing' });
  }
  if (!t.pageNumberFormat.includes('{page}') || !t.pageNumberFormat.includes('{pages}')) {
    errors.push({ path: 'pageNumberFormat', code: 'page-number-format' });
  }

  const declared = new Set<string>();
  t.fields.forEach((f, i) => {
    if (declared.has(f.name)) errors.push({ path: `fields.${i}.name`, code: 'duplicate-field' });
    declared.add(f.name);
    if (f.type === 'enum' && !f.options)
      errors.push({ path: `fields.${i}.options`, code: 'enum-options-missing' });
    if (f.type !== 'enum' && f.options)
      errors.push({ path: `fields.${i}.options`, code: 'options-not-enum' });
  });

  t.fields.forEach((f, i) => {
    if (f.case === undefined) return;
    if (f.type !== 'text' && f.type !== 'multiline')
      errors.push({ path: `fields.${i}.case`, code: 'case-not-text' });
    else if (!isCaseOf(t.language, f.case)) errors.push({ path: `fields.${i}.case`, code: 'invalid-case' });
  });

  const types = new Map(t.fields.map((f) => [f.name, f.type]));
  const used = new Set<string>();
  const checkText = (value: string, path: string): void => {
    const parts = splitPlaceholders(value);
    if (!parts) {
      errors.push({ path, code: 'malformed-placeholder' });
      return;
    }
    for (const part of parts) {
      if (part.kind !== 'field') continue;
      used.add(part.name);
      const type = types.get(part.name);
      if (type === undefined) errors.push({ path, code: 'unknown-field' });
      else if (part.modifiers.length > 0) {
        if (type !== 'date' && type !== 'datetime') errors.push({ path, code: 'modifier-not-date' });
        else if (!dateModifiers(part.modifiers, t.language)) errors.push({ path, code: 'invalid-modifier' });
      }
    }
  };
  const checkItem = (item: BlankItem, path: string): void => {
    item.fields.forEach((name, i) => {
      used.add(name);
      if (!declared.has(name)) errors.push({ path: `${path}.fields.${i}`, code: 'unknown-field' });
    });
    for (const key of ['label', 'caption', 'suffix'] as const) {
      const value = item[key];
      if (value !== undefined) checkText(value, `${path}.${key}`);
    }
  };
  const checkBlock = (b: TemplateBlock, path: string): void => {
    switch (b.type) {
      case 'heading':
      case 'paragraph':
      case 'annex':
        checkText(b.text, `${path}.text`);
        break;
      case 'blank':
        checkItem(b, path);
        break;
      case 'blank-row':
        b.items.forEach((item, i) => checkItem(item, `${path}.items.${i}`));
        break;
      case 'signature':
        b.items.forEach((item, i) => checkItem(item, `${path}.items.${i}`));
        checkText(b.edsLabel, `${path}.edsLabel`);
        break;
      case 'addressee':
        b.blocks.forEach((inner, i) => checkBlock(inner, `${path}.blocks.${i}`));
        break;
      case 'columns':
        b.columns.forEach((c, i) => checkText(c.text, `${path}.columns.${i}.text`));
        break;
      case 'spacer':
        break;
    }
  };
  t.blocks.forEach((b, i) => checkBlock(b, `blocks.${i}`));
  t.fields.forEach((f, i) => {
    if (!used.has(f.name)) errors.push({ path: `fields.${i}.name`, code: 'unused-field' });
  });
  return errors;
}

export interface DateModifiers {
  part?: DatePart;
  kase?: GrammarCase;
}

/**
 * The modifiers of a date placeholder: a case alone (the whole date in words), or a part — year,
 * day, month — the month with an optional case. Undefined when they make no sense together.
 */
export function dateModifiers(
  modifiers: readonly string[],
  language: FormLanguage,
): DateModifiers | undefined {
  const [first, second, ...more] = modifiers;
  if (first === undefined) return {};
  if (more.length > 0) return undefined;
  if ((DATE_PARTS as readonly string[]).includes(first)) {
    const part = first as DatePart;
    if (second === undefined) return { part };
    return part === 'month' && isCaseOf(language, second) ? { part, kase: second } : undefined;
  }
  return second === undefined && isCaseOf(language, first) ? { kase: first } : undefined;
}

