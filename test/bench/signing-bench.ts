/**
 * The sign/verify part of `npm run bench` (issue 8): a one-page form (an extract, as the desk
 * renders it) signed with RSA-2048 from a PKCS#12 (warm: the container is opened once, as the
 * officer does before signing), verified (RSA with chain and OCSP; GOST 2015 with the НУЦ's test
 * key and CA), and OpenSSL's `cms -sign` / `cms -verify` of the same bytes in the same run
 * (process start included: that is what a call to OpenSSL costs). Goal: under 150 ms each, and
 * within 2× of OpenSSL. The visible stamp belongs to the PDF signing (shared/signing/pdf).
 * Run alone: `npx tsx test/bench/signing-bench.ts`.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { renderForm } from '../../shared/forms';
import { FORM_IDS } from '../../shared/forms/types';
import { verifyCms } from '../../shared/signing/verify';
import { sampleValues } from '../fixtures/forms/sample-values';
import { NCA_2022, ncaFixture } from '../signing/fixtures';
import { gostCms, gostFixtureKey } from '../signing/gost';
import { opensslDir } from '../signing/openssl';
import { partySigner } from '../signing/containers';
import { testPki } from '../signing/pki';
import { loadFormFonts } from '../unit/forms/support/node-fonts';

export interface SigningBenchRow {
  what: string;
  /** Median of the timed runs, milliseconds. */
  medianMs: number;
  bestMs: number;
  runs: number;
}

export interface SigningBenchResult {
  documentBytes: number;
  /** The machine's 1-minute load average when the run ended (the cores are shared). */
  loadAverage: number;
  rows: SigningBenchRow[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

async function time(what: string, runs: number, warmup: number, f: () => unknown): Promise<SigningBenchRow> {
  for (let i = 0; i < warmup; i++) await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return { what, medianMs: round(median(times)), bestMs: round(Math.min(...times)), runs };
}

export async function benchSigning(runs = 30): Promise<SigningBenchResult> {
  const form = FORM_IDS[0];
  const pdf = await renderForm({
    form,
    language: 'kk',
    values: sampleValues(form, 'kk'),
    fonts: loadFormFonts(),
    createdAt: new Date('2026-11-24T09:30:00Z'),
  });
  const pki = await testPki();
  const signer = await partySigner(pki, pki.signing);
  const signingTime = new Date();
  const rsa = (await signer.signDetached(pdf, { signingTime })).cms;
  const ocsp = await pki.ocspResponse(pki.signing);
  const gostKey = gostFixtureKey('individual-sign-gost2015.p12');
  const gost = await gostCms(gostKey, pdf, NCA_2022);
  const ca2015 = ncaFixture('ca/nca_gost2015_test.cer');
  const check = async (cms: Uint8Array, options: Parameters<typeof verifyCms>[2]) => {
    const s = (await verifyCms(cms, pdf, options)).signatures[0];
    if (s?.integrity.status !== 'valid' || s.chain.status !== 'valid')
      throw new Error('bench: verification failed');
  };

  const ossl = opensslDir();
  try {
    ossl.file('doc.pdf', pdf);
    ossl.file('signer.pem', pki.signing.certPem);
    ossl.file('signer.key', pki.signing.keyPem);
    ossl.file('root.pem', pki.root.certPem);
    ossl.file('desk.cms', rsa);
    const openssl = (args: string[]) => {
      const r = spawnSync('openssl', args, { cwd: ossl.path('.') });
      if (r.status !== 0) throw new Error(`bench: openssl ${args[1] ?? ''} failed`);
    };
    const rows = [
      await time('sign RSA-2048 (desk, PKCS#12 warm)', runs, 10, () =>
        signer.signDetached(pdf, { signingTime }),
      ),
      await time('openssl cms -sign (same bytes)', runs, 3, () =>
        openssl([
          'cms',
          '-sign',
          '-binary',
          '-in',
          'doc.pdf',
          '-signer',
          'signer.pem',
          '-inkey',
          'signer.key',
          '-md',
          'sha256',
          '-outform',
          'DER',
          '-out',
          'o.cms',
        ]),
      ),
      // What openssl cms -verify does: integrity and chain.
      await time('verify RSA (desk: integrity, chain)', runs, 10, () =>
        check(rsa, { trustedRoots: [pki.root.cert] }),
      ),
      await time('verify RSA (desk: integrity, chain, OCSP)', runs, 10, () =>
        check(rsa, { trustedRoots: [pki.root.cert], ocspResponses: [ocsp] }),
      ),
      await time('openssl cms -verify (same CMS)', runs, 3, () =>
        openssl([
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          'desk.cms',
          '-content',
          'doc.pdf',
          '-CAfile',
          'root.pem',
          '-out',
          '/dev/null',
        ]),
      ),
      await time('verify GOST 2015 (desk: integrity, chain)', runs, 5, () =>
        check(gost, { trustedRoots: [ca2015], now: NCA_2022 }),
      ),
    ];
    return { documentBytes: pdf.length, loadAverage: Math.round(loadavg()[0]! * 10) / 10, rows };
  } finally {
    signer.close();
    ossl.remove();
  }
}

export function signingBenchSummary(result: SigningBenchResult): string[] {
  return [
    `## Signing (one-page form, ${result.documentBytes} bytes; goal < 150 ms and within 2× of openssl)`,
    '',
    `Load average ${result.loadAverage} (medians above the core count measure the wait for a CPU).`,
    '',
    '| what | median ms | best ms | runs |',
    '| --- | ---: | ---: | ---: |',
    ...result.rows.map((r) => `| ${r.what} | ${r.medianMs} | ${r.bestMs} | ${r.runs} |`),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchSigning();
  process.stdout.write(`${signingBenchSummary(result).join('\n')}\n`);
}
