/**
 * The output intent's ICC profile as a TypeScript module: shared/ reads no files, so the profile of
 * resources/icc/sRGB.icc reaches the PDF writer as base64 text in shared/forms/srgb-profile.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ICC_FILE = fileURLToPath(new URL('../../resources/icc/sRGB.icc', import.meta.url));
export const ICC_MODULE = fileURLToPath(new URL('../../shared/forms/srgb-profile.ts', import.meta.url));

/** The source of shared/forms/srgb-profile.ts for the profile bytes. */
export function iccModuleSource(profile: Uint8Array = new Uint8Array(readFileSync(ICC_FILE))): string {
  const base64 = Buffer.from(profile).toString('base64');
  const lines = base64.match(/.{1,96}/g) ?? [];
  return [
    '// Written by `npm run pdf:resources` from resources/icc/sRGB.icc (see resources/icc/README.md); do not edit.',
    '',
    "/** sRGB display profile, ICC 2.3, from Debian's icc-profiles-free (zlib licence), base64. */",
    'export const SRGB_ICC_BASE64 =',
    ...lines.map((l, i) => `  '${l}'${i === lines.length - 1 ? ';' : ' +'}`),
    '',
  ].join('\n');
}
