// Writes the demo attachments and their manifest to resources/demo/ (run once; the files are committed):
//   npx tsx renderer/src/demo/files/write-files.mjs
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeDemoFiles, DEMO_FILE_NAMES } from './make-files.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const out = `${root}resources/demo/`;
const fonts = {
  regular: new Uint8Array(readFileSync(`${root}resources/fonts/LiberationSerif-Regular.ttf`)),
  bold: new Uint8Array(readFileSync(`${root}resources/fonts/LiberationSerif-Bold.ttf`)),
};
const files = await makeDemoFiles(fonts);
mkdirSync(out, { recursive: true });
const manifest = {};
for (const name of DEMO_FILE_NAMES) {
  const bytes = files[name];
  writeFileSync(out + name, bytes);
  manifest[name] = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}
writeFileSync(`${out}manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`wrote ${DEMO_FILE_NAMES.length} files to resources/demo/\n`);
