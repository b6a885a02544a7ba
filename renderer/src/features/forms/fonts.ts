/**
 * The two TrueType fonts of the forms (Desk Serif, the forms' cut of Liberation Serif, about 50 KB
 * each; resources/fonts/README.md), fetched once per window. They are files of the build (`?url`),
 * so they come from the desk itself, never the network beyond it. The fetch starts when this module
 * is first imported (with the forms chunk, see lazy.tsx), not when a form is opened, so the first
 * preview does not wait for it. Offline, the browser build's copy of every build file (app/offline.ts)
 * holds them even if no form was opened while online.
 */
import type { FormFonts } from '../../../../shared/forms';
import boldUrl from '../../../../resources/fonts/DeskSerif-Bold.ttf?url';
import regularUrl from '../../../../resources/fonts/DeskSerif-Regular.ttf?url';

export const FORM_FONT_URLS: readonly string[] = [regularUrl, boldUrl];

async function fetchFont(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font request failed: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

let loading: Promise<FormFonts> | undefined;

/** The same byte arrays every time: shared/forms caches the parsed metrics per array. */
export function loadFormFonts(): Promise<FormFonts> {
  loading ??= Promise.all([fetchFont(regularUrl), fetchFont(boldUrl)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      loading = undefined; // a later form may try again
      throw error;
    },
  );
  return loading;
}

if (typeof window !== 'undefined' && typeof fetch === 'function') {
  loadFormFonts().catch(() => {
    // Reported by the form that needs them.
  });
}
