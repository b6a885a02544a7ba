/**
 * `npm run pdf:resources`: the build-time resources of the PDF writer, from their sources in
 * resources/: the fonts cut to the forms' characters (fonts.ts) and the output intent's ICC profile
 * as a module (icc.ts). Both outputs are committed; test/unit/forms/pdf-resources.test.ts rebuilds
 * them and fails when they are out of date.
 */
import { writeFileSync } from 'node:fs';
import { buildFormFonts, FONT_DIR, FORM_FONT_FILES } from './fonts';
import { ICC_MODULE, iccModuleSource } from './icc';

const fonts = await buildFormFonts();
for (const weight of ['regular', 'bold'] as const) {
  const file = `${FONT_DIR}${FORM_FONT_FILES[weight].output}`;
  writeFileSync(file, fonts[weight]);
  process.stdout.write(`${file}  ${fonts[weight].length} bytes\n`);
}
writeFileSync(ICC_MODULE, iccModuleSource());
process.stdout.write(`${ICC_MODULE}\n`);
