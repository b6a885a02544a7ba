/** verifyPdf: every embedded signature, with the CMS checks and the PDF's own (coverage). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf, type SignedPdf, type StampInput } from '../../../shared/signing/pdf/sign';
import { verifyPdf } from '../../../shared/signing/pdf/verify';
import { httpTimeStampClient } from '../../../shared/signing/tsp';
import { verifyCms } from '../../../shared/signing/verify';
import { testPki, type TestPki } from '../../signing/pki';
import { startTsaServer, type TsaServer } from '../../signing/tsa';
import { loadFormFonts } from '../forms/support/node-fonts';
import { producedForm } from './support/produced';
import { partySigner } from '../../signing/containers';
import { nssDb, pdfsig, scratch, type Scratch } from './support/tools';

let pki: TestPki;
let produced: Uint8Array;
let signed: SignedPdf;
let tsa: TsaServer;
let s: Scratch;

const stamp = (extra: Partial<StampInput> = {}): StampInput => ({
  language: 'kk',
  caseNumber: '2026-000123',
  fonts: loadFormFonts(),
  signingTime: new Date(),
  utcOffsetMinutes: 300,
  ...extra,
});

beforeAll(async () => {
  pki = await testPki();
  produced = await producedForm('appendix-3', 'kk');
  signed = await signPdf(produced, await partySigner(pki, pki.signing), stamp());
  tsa = await startTsaServer(pki);
  s = scratch();
}, 120_000);
afterAll(async () => {
  await tsa.close();
  s.cleanup();
});

describe('verifyPdf', () => {
  it('a signed result: integrity valid, the whole document covered, trusted against the test root', async () => {
    const r = await verifyPdf(signed.pdf, { trustedRoots: [pki.root.cert] });
    expect(r.problem).toBeUndefined();
    expect(r.signatures).toHaveLength(1);
    const sig = r.signatures[0]!;
    expect(sig.integrity).toMatchObject({ status: 'valid', code: 'integrity.ok' });
    expect(sig.coverage).toEqual({ status: 'valid', code: 'coverage.whole-document' });
    expect(sig.chain.status).toBe('valid');
    expect(sig.subFilter).toBe('ETSI.CAdES.detached');
    expect(sig.field).toBe('Signature1');
    expect(sig.certificate?.serialHex).toBe('1001');
    expect(sig.certificate?.subject.iin).toBe(pki.signing.iin);
    // Offline: no time stamp, and it says so rather than "valid".
    expect(sig.timestamp.status).toBe('not-checked');
  });

  it('without trusted roots the chain is not checked, never valid', async () => {
    const sig = (await verifyPdf(signed.pdf)).signatures[0]!;
    expect(sig.integrity.status).toBe('valid');
    expect(sig.chain.status).toBe('not-checked');
  });

  it('a copy changed by one byte fails integrity', async () => {
    const copy = signed.pdf.slice();
    copy[2000] = copy[2000] === 0x41 ? 0x42 : 0x41;
    const sig = (await verifyPdf(copy, { trustedRoots: [pki.root.cert] })).signatures[0]!;
    expect(sig.integrity.status).toBe('invalid');
  });

  it('bytes added after the signed range (an incremental update) are reported as partial coverage', async () => {
    const extended = new Uint8Array([...signed.pdf, ...new TextEncoder().encode('\n% appended\n')]);
    const sig = (await verifyPdf(extended, { trustedRoots: [pki.root.cert] })).signatures[0]!;
    expect(sig.integrity.status).toBe('valid');
    expect(sig.coverage).toEqual({ status: 'invalid', code: 'coverage.partial' });
  });

  it('an unsigned PDF and a file that is no PDF say so', async () => {
    expect(await verifyPdf(produced)).toEqual({ problem: 'pdf.no-signatures', signatures: [] });
    expect(await verifyPdf(new TextEncoder().encode('hello'))).toEqual({
      problem: 'pdf.unreadable',
      signatures: [],
    });
  });
});

describe('signing with a time-stamp authority', () => {
  it('time-stamps the embedded and the detached signature; pdfsig still says valid and total', async () => {
    const made = await signPdf(
      produced,
      await partySigner(pki, pki.signing),
      stamp({ tsa: httpTimeStampClient({ url: tsa.url }) }),
    );
    expect(made.timestamped).toBe(true);
    expect(tsa.requests()).toBe(2);
    const sig = (await verifyPdf(made.pdf, { trustedRoots: [pki.root.cert] })).signatures[0]!;
    expect(sig.timestamp.status).toBe('valid');
    expect(sig.validAtSigningTime.code).toBe('time.valid-at-timestamp');
    const detached = await verifyCms(made.cms, made.pdf, { trustedRoots: [pki.root.cert] });
    expect(detached.signatures[0]!.timestamp.status).toBe('valid');
    const report = pdfsig(s.file('tsa.pdf', made.pdf), nssDb(s, pki.root.certPem));
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
  });

  it('an unreachable TSA: signed without a time stamp, and the result says why', async () => {
    const made = await signPdf(
      produced,
      await partySigner(pki, pki.signing),
      stamp({ tsa: httpTimeStampClient({ url: 'http://127.0.0.1:9/tsa', timeoutMs: 2000 }) }),
    );
    expect(made.timestamped).toBe(false);
    expect(made.timestampProblem).toBe('tsa.unreachable');
  });
});
