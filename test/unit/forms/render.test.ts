/**
 * renderForm as the desk will call it: refusal of incomplete values, templates as data (an imported
 * template is used, a broken one refused), reproducible bytes, and the document metadata.
 */
import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  bundledTemplateJson,
  FormValidationError,
  parseTemplate,
  PDF_PRODUCER,
  renderForm,
  type FormTemplate,
} from '../../../shared/forms';
import { sampleValues } from '../../fixtures/forms/sample-values';
import { loadFormFonts } from './support/node-fonts';
import { normalizeSpace, pdffonts, pdftotext, requirePoppler, tempPdf } from './support/poppler';

const fonts = loadFormFonts();
const createdAt = new Date('2026-11-24T09:30:00Z');
const cleanups: (() => void)[] = [];
beforeEach(() => requirePoppler());
afterAll(() => cleanups.forEach((c) => c()));

function textOf(bytes: Uint8Array): string {
  const file = tempPdf(bytes);
  cleanups.push(file.cleanup);
  return normalizeSpace(pdftotext(file.path));
}

describe('renderForm refuses what must not leave the desk', () => {
  it('throws FormValidationError listing every empty required field', async () => {
    const values = { ...sampleValues('appendix-2', 'kk'), applicantFullName: '', decisionDate: '' };
    const error = await renderForm({ form: 'appendix-2', language: 'kk', values, fonts }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FormValidationError);
    expect((error as FormValidationError).problems).toEqual([
      { field: 'applicantFullName', code: 'required' },
      { field: 'decisionDate', code: 'required' },
    ]);
  });

  it('keeps values (personal data) out of the error message', async () => {
    const values = { ...sampleValues('appendix-3', 'kk'), applicantIin: '880315400127' };
    const error = await renderForm({ form: 'appendix-3', language: 'kk', values, fonts }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FormValidationError);
    expect((error as Error).message).toContain('applicantIin:invalid-iin');
    expect((error as Error).message).not.toContain('880315400127');
  });

  it('renders a preview with empty fields as the blanks of the form', async () => {
    const values = { ...sampleValues('appendix-3', 'kk'), orderDate: '', applicantFullName: '' };
    const bytes = await renderForm({
      form: 'appendix-3',
      language: 'kk',
      values,
      fonts,
      createdAt,
      preview: true,
    });
    // Each part of the date has its own blank, as in the act («_______ жылғы __ _______»).
    expect(textOf(bytes)).toContain('__________ жылғы __________ __________ № 147-ө бұйрықтың негізінде');
  });

  it('refuses a template of another form', async () => {
    const template = parseTemplate(bundledTemplateJson('appendix-3', 'kk'));
    if (!template.ok) throw new Error('bundled template invalid');
    await expect(
      renderForm({
        form: 'appendix-2',
        language: 'kk',
        values: {},
        fonts,
        template: template.template,
        preview: true,
      }),
    ).rejects.toThrow(/not appendix-2\.kk/);
  });
});

describe('templates are data', () => {
  it('refuses a broken imported template with clear codes', () => {
    const json: unknown = JSON.parse(
      readFileSync(new URL('../../fixtures/forms/broken-template.json', import.meta.url), 'utf8'),
    );
    const result = parseTemplate(json, { form: 'appendix-2', language: 'kk' });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      { path: 'version', code: 'invalid-format' },
      { path: 'status', code: 'invalid-value' },
      { path: 'pageNumberFormat', code: 'invalid-type' },
    ]);
  });

  it('refuses a template whose text names an undeclared field, once its shape is right', () => {
    const json = JSON.parse(
      readFileSync(new URL('../../fixtures/forms/broken-template.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const fixed = { ...json, version: '2.0.0', status: 'official', pageNumberFormat: 'бет {page} / {pages}' };
    const result = parseTemplate(fixed, { form: 'appendix-2', language: 'kk' });
    expect(result.ok ? [] : result.errors).toEqual([{ path: 'blocks.4.text', code: 'unknown-field' }]);
  });

  it('prints an akimat’s corrected wording from an imported template', async () => {
    const json = bundledTemplateJson('appendix-2', 'kk') as FormTemplate;
    json.version = '1.1.0';
    json.blocks.push({ type: 'paragraph', text: 'Шешімге {decisionDate} бастап шағым жасалуы мүмкін.' });
    const parsed = parseTemplate(json, { form: 'appendix-2', language: 'kk' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const bytes = await renderForm({
      form: 'appendix-2',
      language: 'kk',
      values: sampleValues('appendix-2', 'kk'),
      template: parsed.template,
      fonts,
      createdAt,
    });
    expect(textOf(bytes)).toContain('Шешімге 12.11.2026 бастап шағым жасалуы мүмкін.');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getKeywords()).toBe('template:appendix-2.kk version:1.1.0');
  });
});

describe('the PDF file', () => {
  it('is byte-for-byte reproducible for the same input and creation date', async () => {
    const input = {
      form: 'order',
      language: 'ru',
      values: sampleValues('order', 'ru'),
      fonts,
      createdAt,
    } as const;
    const [a, b] = await Promise.all([renderForm(input), renderForm(input)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('names each subset after the glyphs it holds', async () => {
    const tagsOf = async (name: string): Promise<string[]> => {
      const values = { ...sampleValues('appendix-2', 'kk'), applicantFullName: name };
      const file = tempPdf(
        await renderForm({ form: 'appendix-2', language: 'kk', values, fonts, createdAt }),
      );
      cleanups.push(file.cleanup);
      return pdffonts(file.path).map((f) => f.name);
    };
    const first = await tagsOf('Тәжіғалиева Шаһизада');
    const same = await tagsOf('Тәжіғалиева Шаһизада');
    const other = await tagsOf('Zhumabekova Aigerim');
    expect(same).toEqual(first);
    expect(new Set(first.map((n) => n.slice(0, 6))).size).toBe(2);
    // Latin letters add glyphs to the regular subset only; the bold heading is unchanged.
    expect(other.find((n) => !n.endsWith('-Bold'))).not.toBe(first.find((n) => !n.endsWith('-Bold')));
    expect(other.find((n) => n.endsWith('-Bold'))).toBe(first.find((n) => n.endsWith('-Bold')));
  });

  it.each([
    ['kk', 'kk-KZ', 'Өтінішті қараудан бас тарту туралы хабарлама'],
    ['ru', 'ru-RU', 'Уведомление об отказе в рассмотрении заявления'],
  ] as const)('carries title, language, dates, producer and template (%s)', async (language, tag, title) => {
    const bytes = await renderForm({
      form: 'appendix-2',
      language,
      values: sampleValues('appendix-2', language),
      fonts,
      createdAt,
    });
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(title);
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe(tag);
    expect(doc.getCreationDate()?.toISOString()).toBe(createdAt.toISOString());
    expect(doc.getModificationDate()?.toISOString()).toBe(createdAt.toISOString());
    expect(doc.getProducer()).toBe(PDF_PRODUCER);
    expect(doc.getCreator()).toBe('externship-desk');
    expect(doc.getKeywords()).toBe(`template:appendix-2.${language} version:2.0.0`);
    const page = doc.getPage(0);
    expect([page.getWidth(), page.getHeight()]).toEqual([595.28, 841.89]);
  });
});
