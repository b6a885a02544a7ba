/** Node-side loader of the bundled fonts (shared/ cannot read files; the renderer app fetches them). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormFonts } from '../../../../shared/forms/types';

const FONT_DIR = fileURLToPath(new URL('../../../../resources/fonts/', import.meta.url));

let cached: FormFonts | undefined;

/** Desk Serif Regular and Bold (the forms' cut of Liberation Serif) from resources/fonts, read once per process. */
export function loadFormFonts(): FormFonts {
  cached ??= {
    regular: new Uint8Array(readFileSync(`${FONT_DIR}DeskSerif-Regular.ttf`)),
    bold: new Uint8Array(readFileSync(`${FONT_DIR}DeskSerif-Bold.ttf`)),
  };
  return cached;
}
