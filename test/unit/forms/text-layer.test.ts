/**
 * The text layer across documents and what the font cannot print. The writer shares one parsed font
 * between all documents of a session (for speed); an earlier design that shared pdf-lib's parsed
 * font dropped letters from later documents' text layers, so documents with different letters are
 * rendered one after another here and each is read back by poppler.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  bundledTemplateJson,
  FormValidationError,
  parseTemplate,
  renderForm,
  validateValues,
  getBundledTemplate,
  type FormTemplate,
} from '../../../shared/forms';
import { sampleValues } from '../../fixtures/forms/sample-values';
import { loadFormFonts } from './support/node-fonts';
import { requirePoppler, textLayer } from './support/poppler';

const fonts = loadFormFonts();
const createdAt = new Date('2026-11-24T09:30:00Z');
beforeEach(() => requirePoppler());

describe('the text layer, document after document', () => {
  it('says exactly what each document shows, whatever the documents before it printed', async () => {
    const names = [
      ['kk', 'Өмірзақова Әйгерім Ұлықпанқызы'],
      ['ru', 'Щербакова Юлия Эдуардовна'],
      ['kk', 'Zhumabekova Aigerim Ǵ № 5'],
      ['kk', 'Һашимов Ілияс Қанатұлы'],
    ] as const;
    const texts: string[] = [];
    const files: Uint8Array[] = [];
    for (const [language, name] of names) {
      const values = { ...sampleValues('appendix-2', language), applicantFullName: name };
      const bytes = await renderForm({ form: 'appendix-2', language, values, fonts, createdAt });
      files.push(bytes);
      texts.push(textLayer(bytes));
    }
    names.forEach(([, name], i) => {
      expect(texts[i]).toContain(name);
      for (const [, other] of names.filter((_, j) => j !== i)) expect(texts[i]).not.toContain(other);
    });
    // And the first document again is the same file.
    const again = await renderForm({
      form: 'appendix-2',
      language: 'kk',
      values: { ...sampleValues('appendix-2', 'kk'), applicantFullName: names[0][1] },
      fonts,
      createdAt,
    });
    expect(Buffer.from(again).equals(Buffer.from(files[0]!))).toBe(true);
  });
});

describe('characters the form font cannot print', () => {
  const template = getBundledTemplate('appendix-2', 'kk');

  it.each(['Әлия 😀', 'Ли 中', 'Ω-ω'])('refuses %j in a field before anything is printed', async (name) => {
    const values = { ...sampleValues('appendix-2', 'kk'), applicantFullName: name };
    expect(validateValues(template, values)).toEqual([
      { field: 'applicantFullName', code: 'unprintable-character' },
    ]);
    const error = await renderForm({ form: 'appendix-2', language: 'kk', values, fonts }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FormValidationError);
    expect((error as Error).message).toBe('form values rejected: applicantFullName:unprintable-character');
  });

  it('still shows them in the live preview, as the empty box the officer should correct', async () => {
    const values = { ...sampleValues('appendix-2', 'kk'), applicantFullName: 'Ли 中' };
    const bytes = await renderForm({ form: 'appendix-2', language: 'kk', values, fonts, preview: true });
    expect(textLayer(bytes)).toContain('Ли');
  });

  it('accepts every Kazakh, Russian and Latin letter, №, « », dashes and the no-break space', () => {
    const values = {
      ...sampleValues('appendix-2', 'kk'),
      applicantFullName: 'ӘәҒғҚқҢңӨөҰұҮүҺһІі Ёё Щщ Ǵǵ Çç Şş — – № «» 5\u00a0А',
    };
    expect(validateValues(template, values)).toEqual([]);
  });

  it('refuses a template whose own text the font cannot print, naming the code points only', async () => {
    const json = bundledTemplateJson('appendix-2', 'kk') as FormTemplate;
    json.blocks.push({ type: 'paragraph', text: 'Мөр 中 орны' });
    const parsed = parseTemplate(json, { form: 'appendix-2', language: 'kk' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const input = {
      form: 'appendix-2',
      language: 'kk',
      values: sampleValues('appendix-2', 'kk'),
      template: parsed.template,
      fonts,
    } as const;
    await expect(renderForm(input)).rejects.toThrow(/cannot print: U\+4E2D$/);
    await expect(renderForm({ ...input, preview: true })).resolves.toBeInstanceOf(Uint8Array);
  });
});
