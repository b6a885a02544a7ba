/**
 * The demo's signed results are what the desk itself makes (issue 8): each is the produced
 * document with the EDS stamp drawn into its reserved box and a PAdES signature, and a detached
 * CMS over that signed PDF, by the demo head's certificate, which chains to the demo root. The
 * desk's own verifier (shared/signing verifyCms, verifyPdf) and OpenSSL both say so; every demo
 * case's `signed` event records exactly these files and that certificate; and one changed byte
 * fails the check.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../../shared/calendar';
import { DEMO_SETTINGS } from '../../../shared/settings';
import { verifyCms } from '../../../shared/signing';
import { verifyPdf } from '../../../shared/signing/pdf';
import { resultFormOf, signableDocuments } from '../../../shared/workflow';
import { buildDemoCases } from '../../../renderer/src/demo/build';
import { committedDemoFiles } from '../../../renderer/src/demo/files/committed';
import { DEMO_FILES, DEMO_SIGNED, demoRootCertificate } from '../../../renderer/src/demo/files/manifest';
import { DEMO_RESULTS, type DemoResultForm } from '../../../renderer/src/demo/files/result-names';
import { opensslDir } from '../../signing/openssl';

const ossl = opensslDir();
afterAll(() => ossl.remove());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const root = demoRootCertificate();
const committed = committedDemoFiles();
const FORMS = Object.keys(DEMO_RESULTS) as DemoResultForm[];

interface SignedFiles {
  produced: Uint8Array;
  signedPdf: Uint8Array;
  cms: Uint8Array;
}

function filesOf(form: DemoResultForm): SignedFiles {
  const names = DEMO_RESULTS[form];
  return {
    produced: committed[names.document],
    signedPdf: committed[names.signedPdf],
    cms: committed[names.signature],
  };
}

/** The decoded content streams of every page, in order. */
async function pageContents(pdf: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.getPages().map((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
    const parts = resolved instanceof PDFArray ? resolved.asArray() : [contents];
    return parts.map((part) => {
      const stream = part instanceof PDFRef ? doc.context.lookup(part) : part;
      return stream instanceof PDFRawStream ? sha256(stream.getContents()) : 'not a stream';
    });
  });
}

/**
 * Everything that is wrong with one demo signed result, in words (none: it is what the desk would
 * make and record). The checks a verifier of the case would make: the files are the ones the event
 * names, the CMS verifies over the signed PDF with the desk's verifier against the demo root, its
 * certificate is the one recorded, and the signed PDF is the produced document with the stamp.
 */
async function problemsOf(form: DemoResultForm, files: SignedFiles): Promise<string[]> {
  const { payload } = DEMO_SIGNED[form];
  const problems: string[] = [];
  if (sha256(files.produced) !== payload.documentSha256) problems.push('produced document ≠ documentSha256');
  if (sha256(files.signedPdf) !== payload.signedPdfSha256) problems.push('signed PDF ≠ signedPdfSha256');
  if (sha256(files.cms) !== payload.signatureSha256) problems.push('CMS ≠ signatureSha256');

  const verification = await verifyCms(files.cms, files.signedPdf, { trustedRoots: [root] });
  const [signature, ...more] = verification.signatures;
  if (!signature || more.length > 0 || verification.problem) problems.push('CMS: not one signature');
  else {
    for (const check of ['integrity', 'chain', 'validAtSigningTime'] as const)
      if (signature[check].status !== 'valid') problems.push(`CMS ${check}: ${signature[check].code}`);
    if (signature.certificate?.serialHex !== payload.certificateSerial)
      problems.push('CMS: another certificate');
    if (signature.certificate?.subject.bin !== payload.signerBin) problems.push('CMS: another BIN');
    if (signature.certificate?.subject.iin !== payload.signerIin) problems.push('CMS: another IIN');
    if (Date.parse(signature.signingTime ?? '') !== Date.parse(payload.signedAt))
      problems.push('CMS: another time');
  }

  const embedded = await verifyPdf(files.signedPdf, { trustedRoots: [root] });
  const pades = embedded.signatures[0];
  if (embedded.signatures.length !== 1 || !pades) problems.push('PDF: not one embedded signature');
  else {
    if (pades.integrity.status !== 'valid') problems.push(`PDF integrity: ${pades.integrity.code}`);
    if (pades.coverage.status !== 'valid') problems.push(`PDF coverage: ${pades.coverage.code}`);
    if (pades.chain.status !== 'valid') problems.push(`PDF chain: ${pades.chain.code}`);
  }

  // The signed PDF is the produced document, page for page, each page's content kept as it was,
  // with the stamp added after it; the stamp prints the produced document's hash.
  try {
    const [before, after] = await Promise.all([pageContents(files.produced), pageContents(files.signedPdf)]);
    const kept =
      before.length === after.length &&
      before.every((streams, i) => streams.every((s, j) => after[i]?.[j] === s)) &&
      after.some((streams, i) => streams.length > (before[i]?.length ?? 0));
    if (!kept) problems.push('signed PDF is not the produced document with a stamp');
  } catch {
    problems.push('a PDF does not open');
  }
  const file = ossl.file(`${form}.pdf`, files.signedPdf);
  const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (text.error) throw new Error('poppler-utils is needed for this test (apt-get install poppler-utils)');
  if (!text.stdout.replace(/\s/g, '').includes(payload.documentSha256))
    problems.push('stamp: no document hash');
  return problems;
}

function opensslVerifies(files: SignedFiles): boolean {
  ossl.file('root.der', root);
  const pemRoot = ossl.run(['x509', '-inform', 'DER', '-in', 'root.der', '-out', 'root.pem']);
  if (pemRoot.status === null) throw new Error('openssl is needed for this test (apt-get install openssl)');
  const cms = ossl.file('signature.cms', files.cms);
  const content = ossl.file('content.pdf', files.signedPdf);
  const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', cms, '-content', content];
  return ossl.run([...args, '-CAfile', 'root.pem', '-purpose', 'any', '-out', '/dev/null']).status === 0;
}

describe('the demo signed results', () => {
  it.each(FORMS)(
    '%s: the desk verifies it against the demo root, and it is what the event records',
    async (form) => {
      expect(await problemsOf(form, filesOf(form))).toEqual([]);
      const names = DEMO_RESULTS[form];
      const { payload } = DEMO_SIGNED[form];
      expect(DEMO_FILES[names.document].sha256).toBe(payload.documentSha256);
      expect(DEMO_FILES[names.signedPdf].sha256).toBe(payload.signedPdfSha256);
      expect(DEMO_FILES[names.signature].sha256).toBe(payload.signatureSha256);
    },
  );

  it.each(FORMS)('%s: OpenSSL verifies the CMS over the signed PDF up to the demo root', (form) => {
    expect(opensslVerifies(filesOf(form))).toBe(true);
  });

  it('is signed by the demo head under the desk\u2019s signing rules, not by another root', async () => {
    const files = filesOf('appendix-3');
    const [signature] = (await verifyCms(files.cms, files.signedPdf)).signatures;
    // Without the demo root the chain is not checked: only the demo root vouches for the demo key.
    expect(signature?.chain.status).toBe('not-checked');
    expect(signature?.certificate?.subject.bin).toBe(DEMO_SETTINGS.issuer.bin);
    expect(signature?.certificate?.roles).toContain('legal-entity');
  });

  it.each(FORMS)('%s: one changed byte fails it', async (form) => {
    const files = filesOf(form);
    const flip = (bytes: Uint8Array, at: number) => {
      const copy = bytes.slice();
      copy[at] = (copy[at] ?? 0) ^ 0x01;
      return copy;
    };
    // A byte of the page text's stream in the signed PDF, one of the produced document, one of the CMS.
    const signedPdf = flip(files.signedPdf, Math.floor(files.signedPdf.length / 5));
    expect(await problemsOf(form, { ...files, signedPdf })).toEqual(
      expect.arrayContaining(['signed PDF ≠ signedPdfSha256', 'CMS integrity: integrity.digest-mismatch']),
    );
    expect(opensslVerifies({ ...files, signedPdf })).toBe(false);
    const produced = flip(files.produced, Math.floor(files.produced.length / 5));
    expect(await problemsOf(form, { ...files, produced })).toContain('produced document ≠ documentSha256');
    const cms = flip(files.cms, files.cms.length - 10);
    expect(await problemsOf(form, { ...files, cms })).toEqual(
      expect.arrayContaining(['CMS ≠ signatureSha256']),
    );
  });
});

describe('the demo cases that are signed', () => {
  const cases = buildDemoCases({
    today: '2026-11-24',
    calendar: kazakhstanCalendar,
    settings: DEMO_SETTINGS,
  });
  const signed = cases.filter((c) => c.state.signature);

  it('are many, and each `signed` event records the demo signature over the document it produced', () => {
    expect(signed.length).toBeGreaterThan(40);
    for (const c of signed) {
      const { signature, decision } = c.state;
      if (!signature || !decision) throw new Error('a signed case without a decision');
      const form = resultFormOf(decision) as DemoResultForm;
      const { at: _at, on: _on, by, ...recorded } = signature;
      expect(recorded).toEqual(DEMO_SIGNED[form].payload);
      expect(by).toBe('head-1');
      // The document signed is one the case produced after the approval, in the decision's form.
      const produced = c.events.filter((e) => e.type === 'document-produced');
      expect(produced.length).toBeGreaterThanOrEqual(2);
      expect(c.state.producedDocuments.map((d) => d.sha256)).toContain(signature.documentSha256);
      expect(DEMO_FILES[DEMO_RESULTS[form].document].sha256).toBe(signature.documentSha256);
    }
  });

  it('were signable: the document signed was produced after the approval', () => {
    for (const c of signed) {
      const event = c.events.find((e) => e.type === 'signed');
      const before = c.events.slice(0, c.events.indexOf(event!));
      const approvedAt = c.state.approval?.approvedAt;
      expect(approvedAt).toBeDefined();
      const producedAfter = before.filter(
        (e) => e.type === 'document-produced' && Date.parse(e.at) >= Date.parse(approvedAt!),
      );
      expect(producedAfter.length).toBeGreaterThan(0);
      expect(signableDocuments({ ...c.state, signature: undefined }).length).toBeGreaterThan(0);
    }
  });
});
