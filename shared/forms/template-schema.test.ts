import { describe, expect, it } from 'vitest';
import { noteText, parseTemplate, type FormTemplate } from './template-schema';
import { bundledTemplateJson, getBundledTemplate } from './templates';
import { FORM_IDS, FORM_LANGUAGES } from './types';

/** A deep copy of a bundled template's JSON, to break in one place per test. */
function json(): FormTemplate {
  return bundledTemplateJson('appendix-2', 'kk') as FormTemplate;
}

function codes(input: unknown, expect_?: Parameters<typeof parseTemplate>[1]): string[] {
  const r = parseTemplate(input, expect_);
  return r.ok ? [] : r.errors.map((e) => `${e.path}:${e.code}`);
}

describe('parseTemplate', () => {
  it.each(FORM_IDS.flatMap((f) => FORM_LANGUAGES.map((l) => [f, l] as const)))(
    'accepts the bundled %s.%s',
    (form, language) => {
      const r = parseTemplate(bundledTemplateJson(form, language), { form, language });
      expect(r.ok).toBe(true);
      expect(getBundledTemplate(form, language).id).toBe(`${form}.${language}`);
    },
  );

  it('refuses what is not a template at all', () => {
    expect(codes('hello')).toEqual([':invalid-type']);
    expect(codes({})).toContain('id:invalid-type');
  });

  it('refuses a placeholder that names no declared field', () => {
    const t = json();
    t.blocks.push({ type: 'paragraph', text: 'Күні: {signedOn}' });
    expect(codes(t)).toEqual([`blocks.${t.blocks.length - 1}.text:unknown-field`]);
  });

  it('refuses malformed braces', () => {
    const t = json();
    t.blocks.push({ type: 'heading', text: 'Хабарлама {applicantFullName' });
    expect(codes(t)).toEqual([`blocks.${t.blocks.length - 1}.text:malformed-placeholder`]);
  });

  it('refuses a blank bound to an undeclared field', () => {
    const t = json();
    t.blocks.push({ type: 'blank', fields: ['nobody'] });
    expect(codes(t)).toEqual([`blocks.${t.blocks.length - 1}.fields.0:unknown-field`]);
  });

  it('refuses duplicate and unused fields', () => {
    const t = json();
    t.fields.push({ ...t.fields[0]! });
    t.fields.push({ name: 'spare', type: 'text', required: false, source: 'free', maxLength: 10 });
    expect(codes(t)).toEqual([
      `fields.${t.fields.length - 2}.name:duplicate-field`,
      `fields.${t.fields.length - 1}.name:unused-field`,
    ]);
  });

  it('refuses an enum without options and options on a non-enum', () => {
    const t = json();
    t.fields[0] = { ...t.fields[0]!, type: 'enum' };
    t.fields[1] = { ...t.fields[1]!, options: [{ value: 'a', label: 'A' }] };
    expect(codes(t)).toEqual(['fields.0.options:enum-options-missing', 'fields.1.options:options-not-enum']);
  });

  it('refuses unknown block types, unknown keys and bad sources', () => {
    const t = json() as unknown as { blocks: unknown[]; fields: Record<string, unknown>[]; extra?: number };
    t.blocks.push({ type: 'table', rows: [] });
    t.fields[0]!.source = 'case..applicant';
    t.extra = 1;
    const found = codes(t);
    expect(found).toContain(`blocks.${t.blocks.length - 1}.type:invalid-union`);
    expect(found).toContain('fields.0.source:invalid-format');
    expect(found).toContain(':unrecognized-keys');
  });

  it('requires a note for anything not official, and an appendix for official wording', () => {
    const t = json();
    t.status = 'drafted';
    delete t.note;
    delete t.source.appendix;
    expect(codes(t)).toEqual(['note:note-missing']);
    t.status = 'official';
    expect(codes(t)).toEqual(['source.appendix:appendix-missing']);
  });

  it('checks the form and language the template is imported for', () => {
    expect(codes(json(), { form: 'appendix-3' })).toEqual(['form:form-mismatch']);
    expect(codes(json(), { language: 'ru' })).toEqual(['language:language-mismatch']);
    const t = json();
    t.id = 'appendix-3.kk';
    expect(codes(t)).toEqual(['id:id-mismatch']);
  });

  it('requires both page placeholders in the page-number format', () => {
    const t = json();
    t.pageNumberFormat = 'бет {page}';
    expect(codes(t)).toEqual(['pageNumberFormat:page-number-format']);
  });

  it('accepts an integer version and an akimat-specific id', () => {
    const t = json();
    t.version = 7;
    t.id = 'appendix-2.kk.sairam';
    expect(codes(t)).toEqual([]);
  });

  it('accepts the forms a date placeholder may ask for, and refuses the rest', () => {
    const ok = json();
    ok.blocks.push({
      type: 'paragraph',
      text: '{decisionDate:year} жылғы {decisionDate:day} {decisionDate:month:attributive}',
    });
    ok.blocks.push({ type: 'paragraph', text: '{decisionDate:ablative} бастап' });
    expect(codes(ok)).toEqual([]);

    const t = json();
    const at = (text: string) => {
      t.blocks.push({ type: 'paragraph', text });
      return `blocks.${t.blocks.length - 1}.text`;
    };
    const wrongCase = at('{decisionDate:prepositional}'); // a Russian case in a Kazakh template
    const dayInCase = at('{decisionDate:day:dative}');
    const twoCases = at('{decisionDate:dative:ablative}');
    const onText = at('{applicantFullName:genitive}');
    expect(codes(t)).toEqual([
      `${wrongCase}:invalid-modifier`,
      `${dayInCase}:invalid-modifier`,
      `${twoCases}:invalid-modifier`,
      `${onText}:modifier-not-date`,
    ]);
  });

  it('lets a text field declare a case of the template’s language, and only a text field', () => {
    const t = json();
    t.fields[0] = { ...t.fields[0]!, case: 'genitive' };
    expect(codes(t)).toEqual([]);
    t.fields[0] = { ...t.fields[0], case: 'prepositional' };
    const date = t.fields.findIndex((f) => f.type === 'date');
    t.fields[date] = { ...t.fields[date]!, case: 'dative' };
    expect(codes(t)).toEqual(['fields.0.case:invalid-case', `fields.${date}.case:case-not-text`]);
  });

  it('checks the placeholders of a letterhead’s columns and takes a note in both languages', () => {
    const t = json();
    t.blocks.unshift({
      type: 'columns',
      rule: true,
      columns: [{ text: '{providerName}' }, { text: '{nobody}' }],
    });
    expect(codes(t)).toEqual(['blocks.0.columns.1.text:unknown-field']);
    const n = json();
    n.note = { kk: 'Түсініктеме', ru: 'Пояснение' };
    expect(codes(n)).toEqual([]);
    expect(noteText(n.note, 'ru')).toBe('Пояснение');
    expect(noteText('single text', 'kk')).toBe('single text');
  });
});
