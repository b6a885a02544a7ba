// Writes the demo files and their manifest to resources/demo/ (run once; the files are committed):
//   npx tsx renderer/src/demo/files/write-files.mjs
// Everything comes out byte for byte the same every time (fixed clocks, seeded keys): the
// attachments, the two produced results (appendix 3 and 2, rendered by the desk's forms), and the
// two results signed as the desk signs them (signResult: stamp, embedded PAdES, detached CMS) by
// the demo head's key from the demo PKI (test/unit/demo/demo-pki.ts, never the НУЦ's test keys;
// making its keys takes some seconds). The CMS, the demo root's certificate and what each `signed`
// event records are kept in signatures.json: the build tools know PDFs and PNGs as files, not CMS.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { signDemoResults } from '../../../../test/unit/demo/sign-results.ts';
import { DEMO_FILE_NAMES, GENERATED_FILE_NAMES, makeDemoFiles } from './make-files.ts';
import { DEMO_RESULTS } from './result-names.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const out = `${root}resources/demo/`;
const font = (name) => new Uint8Array(readFileSync(`${root}resources/fonts/${name}.ttf`));
const fonts = { regular: font('LiberationSerif-Regular'), bold: font('LiberationSerif-Bold') };
const formFonts = { regular: font('DeskSerif-Regular'), bold: font('DeskSerif-Bold') };

const files = await makeDemoFiles(fonts, formFonts);
mkdirSync(out, { recursive: true });
for (const name of GENERATED_FILE_NAMES) writeFileSync(out + name, files[name]);

const produced = Object.fromEntries(
  Object.entries(DEMO_RESULTS).map(([form, names]) => [form, files[names.document]]),
);
const signed = await signDemoResults(produced, formFonts);
const base64 = (bytes) => Buffer.from(bytes).toString('base64');
const cms = {};
const events = {};
const bytesOf = {};
for (const [form, names] of Object.entries(DEMO_RESULTS)) {
  const result = signed.results[form];
  writeFileSync(out + names.signedPdf, result.signedPdf);
  cms[names.signature] = base64(result.cms);
  bytesOf[names.signature] = result.cms;
  events[form] = {
    ...result.payload,
    templateId: result.templateId,
    templateVersion: result.templateVersion,
  };
}
const signatures = { root: base64(signed.root), cms, signed: events };
writeFileSync(`${out}signatures.json`, `${JSON.stringify(signatures, null, 2)}\n`);

const manifest = {};
for (const name of DEMO_FILE_NAMES) {
  const bytes = bytesOf[name] ?? readFileSync(out + name);
  manifest[name] = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}
writeFileSync(`${out}manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`wrote ${DEMO_FILE_NAMES.length} files to resources/demo/\n`);
