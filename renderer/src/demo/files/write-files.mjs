// Writes the demo files and their manifest to resources/demo/ (run once; the files are committed):
//   npx tsx renderer/src/demo/files/write-files.mjs
// The PDFs and the PNG come out byte for byte the same every time. The two signatures are real
// detached CMS (as NCALayer makes them) over the two results, made with openssl and a self-signed
// demo key that is thrown away afterwards: no key is committed, and remaking them changes their
// bytes (the manifest is rewritten with their new digests). They are kept base64 in
// signatures.json: the build tools know PDFs and PNGs as files, not CMS.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_FILE_NAMES, GENERATED_FILE_NAMES, makeDemoFiles } from './make-files.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const out = `${root}resources/demo/`;
const fonts = {
  regular: new Uint8Array(readFileSync(`${root}resources/fonts/LiberationSerif-Regular.ttf`)),
  bold: new Uint8Array(readFileSync(`${root}resources/fonts/LiberationSerif-Bold.ttf`)),
};

function openssl(args) {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
}

const files = await makeDemoFiles(fonts);
mkdirSync(out, { recursive: true });
for (const name of GENERATED_FILE_NAMES) writeFileSync(out + name, files[name]);

const signatures = {};
const work = mkdtempSync(join(tmpdir(), 'demo-signer-'));
try {
  const key = join(work, 'key.pem');
  const cert = join(work, 'cert.pem');
  const subject = '/CN=DEMO head (demo key, not valid)/O=DEMO akimat';
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650'].concat([
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      subject,
    ]),
  );
  for (const result of ['result-grant.pdf', 'result-refusal.pdf']) {
    const cms = join(work, `${result}.cms`);
    openssl(
      ['cms', '-sign', '-binary', '-md', 'sha256', '-in', out + result].concat([
        '-signer',
        cert,
        '-inkey',
        key,
        '-outform',
        'DER',
        '-out',
        cms,
      ]),
    );
    signatures[`${result}.cms`] = readFileSync(cms);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const base64 = Object.fromEntries(Object.entries(signatures).map(([n, b]) => [n, b.toString('base64')]));
writeFileSync(`${out}signatures.json`, `${JSON.stringify(base64, null, 2)}\n`);

const manifest = {};
for (const name of DEMO_FILE_NAMES) {
  const bytes = signatures[name] ?? readFileSync(out + name);
  manifest[name] = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}
writeFileSync(`${out}manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`wrote ${DEMO_FILE_NAMES.length} files to resources/demo/\n`);
