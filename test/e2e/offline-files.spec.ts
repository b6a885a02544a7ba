import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DeskPage, OFFICER } from './pages/DeskPage';

// The forms load their fonts only when first used. The offline copy must hold them anyway, or a
// form opened for the first time after the cable is unplugged could not be drawn or saved.
test('the offline copy holds the forms’ fonts (the cut Desk Serif, not the whole Liberation files)', async ({
  page,
  context,
}) => {
  // What the build lists for the offline copy (renderer/vite.config.ts), as served.
  const listed = JSON.parse(
    readFileSync(new URL('../../dist-web/offline-assets.json', import.meta.url), 'utf8'),
  ) as string[];
  const ttf = listed.filter((f) => f.endsWith('.ttf'));
  expect(ttf.map((f) => f.replace(/-[\w-]{8}\.ttf$/, '.ttf')).sort()).toEqual([
    'assets/DeskSerif-Bold.ttf',
    'assets/DeskSerif-Regular.ttf',
  ]);

  const desk = new DeskPage(page, context);
  await desk.startOffline(OFFICER);
  const fonts = await page.evaluate(
    (names) =>
      Promise.all(
        names.map(async (name) => {
          const bytes = new Uint8Array(await (await fetch(`./${name}`)).arrayBuffer());
          return { size: bytes.length, sfnt: Array.from(bytes.subarray(0, 4)).join(',') };
        }),
      ),
    ttf,
  );
  for (const f of fonts) {
    // Answered offline from the service worker's cache, whole: a TrueType file of about 50 KB.
    expect(f.sfnt).toBe('0,1,0,0');
    expect(f.size).toBeGreaterThan(40_000);
    expect(f.size).toBeLessThan(60_000);
  }
});
