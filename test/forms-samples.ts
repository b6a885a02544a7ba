/**
 * `npm run forms:samples -- <dir>`: every form in both languages, filled with the sample values,
 * written as `<dir>/<form>.<lang>.pdf` for reviewing the wording and for checks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getBundledTemplate, renderForm } from '../shared/forms';
import { FORM_IDS, FORM_LANGUAGES } from '../shared/forms/types';
import { sampleValues } from './fixtures/forms/sample-values';
import { loadFormFonts } from './unit/forms/support/node-fonts';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npm run forms:samples -- <dir>\n');
  process.exit(2);
}
const out = resolve(dir);
mkdirSync(out, { recursive: true });
const fonts = loadFormFonts();
for (const form of FORM_IDS) {
  for (const language of FORM_LANGUAGES) {
    const bytes = await renderForm({ form, language, values: sampleValues(form, language), fonts });
    const file = join(out, `${form}.${language}.pdf`);
    writeFileSync(file, bytes);
    const { status, version } = getBundledTemplate(form, language);
    // Only file names, sizes and template facts: the values are sample data, but the habit matters.
    process.stdout.write(`${file}  ${bytes.length} bytes  template ${version} (${status})\n`);
  }
}
