/** The bundled fonts as bytes for the renderer's Node tests (imported by *.test.ts only). */
import type { FormFonts } from '../../../../shared/forms';
import bold from '../../../../resources/fonts/DeskSerif-Bold.ttf?inline';
import regular from '../../../../resources/fonts/DeskSerif-Regular.ttf?inline';

function bytesOf(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

let cached: FormFonts | undefined;

export function testFormFonts(): FormFonts {
  cached ??= { regular: bytesOf(regular), bold: bytesOf(bold) };
  return cached;
}
