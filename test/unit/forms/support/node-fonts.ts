/** Node-side loader of the bundled fonts (shared/ cannot read files; the renderer app fetches them). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormFonts } from '../../../../shared/forms/types';

const FONT_DIR = fileURLToPath(new URL('../../../../resources/fonts/', import.meta.url));

let cached: FormFonts | undefined;

/** Liberation Serif Regular and Bold from resources/fonts, read once per process. */
export function loadFormFonts(): FormFonts {
  cached ??= {
    regular: new Uint8Array(readFileSync(`${FONT_DIR}LiberationSerif-Regular.ttf`)),
    bold: new Uint8Array(readFileSync(`${FONT_DIR}LiberationSerif-Bold.ttf`)),
  };
  return cached;
}
