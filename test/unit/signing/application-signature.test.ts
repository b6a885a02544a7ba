/**
 * The applicant's signed application, verified on arrival: the findings shared/documents makes of
 * verifyCms's answer (one case per code), and the desk's path for a signed application that comes
 * in through the one ingest path — its signature kept with it, verified by the file check, its
 * findings in the attachment's check (what the officer sees and the review records).
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureFindings } from '../../../shared/documents/check-signature';
import {
  SIGNATURE_FINDING_CODES,
  type CheckResult,
  type Severity,
  type SignatureFindingCode,
} from '../../../shared/documents/findings';
import { OID } from '../../../shared/signing/oids';
import { contentInfoDer } from '../../../shared/signing/cms';
import { parseSignedData } from '../../../shared/signing/signed-data';
import type { VerifyOptions } from '../../../shared/signing/types';
import { verifyCms } from '../../../shared/signing/verify';
import type { EventOf } from '../../../shared/workflow/events';
import { receive } from '../../../shared/workflow/transitions';
import { makeEvent, PORTAL, sampleApplication } from '../../../shared/workflow/testing/scenario';
import * as pkijs from 'pkijs';
import { sha256Hex, type Desk } from '../../../renderer/src/db';
import { openTestDesk } from '../../../renderer/src/db/testing';
import { committedDemoFiles } from '../../../renderer/src/demo/files/committed';
import { attachmentCheck, documentChecklist } from '../../../renderer/src/features/documents/documentsModel';
import { checkFile, type FileReaders } from '../../../renderer/src/features/documents/fileCheck';
import { partySigner } from '../../signing/containers';
import { testPki, type TestParty, type TestPki } from '../../signing/pki';

let pki: TestPki;
let desk: Desk;
beforeAll(async () => {
  pki = await testPki();
  desk = await openTestDesk();
}, 180_000);
afterAll(() => desk.close());

const application = committedDemoFiles()['application.pdf'];

async function signedBy(
  party: TestParty,
  content = application,
  signingTime = new Date(),
): Promise<Uint8Array> {
  const signer = await partySigner(pki, party);
  return (await signer.signDetached(content, { signingTime })).cms;
}

async function findingsOf(
  cms: Uint8Array,
  options: VerifyOptions & { content?: Uint8Array; applicant?: TestParty } = {},
): Promise<CheckResult> {
  const v = await verifyCms(cms, options.content ?? application, options);
  return signatureFindings(v, (options.applicant ?? pki.individual).iin!);
}

/** What every signature needs to be decided here: the root and a fresh OCSP answer about it. */
async function trusted(party: TestParty): Promise<VerifyOptions> {
  return { trustedRoots: [pki.root.cert], ocspResponses: [await pki.ocspResponse(party)] };
}

/** The desk's CMS with a digest algorithm the desk does not compute (GOST 34.311). */
function unknownDigest(cms: Uint8Array): Uint8Array {
  const parsed = parseSignedData(cms);
  if ('problem' in parsed) throw new Error(parsed.problem);
  parsed.signedData.signerInfos[0]!.digestAlgorithm = new pkijs.AlgorithmIdentifier({
    algorithmId: OID.gost34311,
  });
  return contentInfoDer(parsed.signedData);
}

describe('the findings of the applicant’s signature', () => {
  // One input per code: the Record refuses a code without a case that produces it.
  const CASES: Record<SignatureFindingCode, { severity: Severity; make: () => Promise<CheckResult> }> = {
    'signature.valid': {
      severity: 'info',
      make: async () => findingsOf(await signedBy(pki.individual), await trusted(pki.individual)),
    },
    'signature.unreadable': {
      severity: 'fail',
      make: () => findingsOf(new TextEncoder().encode('not a signature')),
    },
    'signature.broken': {
      severity: 'fail',
      make: async () =>
        findingsOf(await signedBy(pki.individual), {
          ...(await trusted(pki.individual)),
          content: new TextEncoder().encode('another application'),
        }),
    },
    'signature.certificate-invalid': {
      severity: 'fail',
      make: async () =>
        findingsOf(await signedBy(pki.expired), { ...(await trusted(pki.expired)), applicant: pki.expired }),
    },
    'signature.revoked': {
      severity: 'fail',
      make: async () =>
        findingsOf(await signedBy(pki.revoked), { ...(await trusted(pki.revoked)), applicant: pki.revoked }),
    },
    'signature.signer-not-applicant': {
      severity: 'judgement',
      make: async () => findingsOf(await signedBy(pki.signing), await trusted(pki.signing)),
    },
    'signature.undecidable-integrity': {
      severity: 'judgement',
      make: async () =>
        findingsOf(unknownDigest(await signedBy(pki.individual)), await trusted(pki.individual)),
    },
    'signature.undecidable-chain': {
      severity: 'judgement',
      make: async () =>
        findingsOf(await signedBy(pki.individual), {
          ocspResponses: [await pki.ocspResponse(pki.individual)],
        }),
    },
    'signature.undecidable-revocation': {
      severity: 'judgement',
      make: async () => findingsOf(await signedBy(pki.individual), { trustedRoots: [pki.root.cert] }),
    },
  };

  it('has a case for every code', () => {
    expect(Object.keys(CASES).sort()).toEqual([...SIGNATURE_FINDING_CODES].sort());
  });

  it.each(SIGNATURE_FINDING_CODES.map((code) => [code, CASES[code]] as const))(
    '%s is produced with its severity, and the status follows',
    async (code, { severity, make }) => {
      const result = await make();
      const produced = result.findings.filter((f) => f.code === code);
      expect(produced.length, JSON.stringify(result.findings)).toBeGreaterThan(0);
      for (const f of produced) expect(f.severity).toBe(severity);
      expect(result.status).toBe(severity === 'info' ? 'pass' : severity);
    },
  );

  it('passes only when everything was checked: valid is never said beside anything undecided', async () => {
    const cms = await signedBy(pki.individual);
    const offline = await findingsOf(cms);
    expect(offline.findings.map((f) => f.code).sort()).toEqual([
      'signature.undecidable-chain',
      'signature.undecidable-revocation',
    ]);
    expect(offline.findings.find((f) => f.code === 'signature.undecidable-revocation')?.params).toEqual({
      code: 'revocation.no-source',
    });
    expect(offline.status).toBe('judgement');
  });

  it('carries codes only, never the IINs it compared', async () => {
    const result = await findingsOf(await signedBy(pki.signing));
    const text = JSON.stringify(result);
    expect(text).not.toContain(pki.signing.iin!);
    expect(text).not.toContain(pki.individual.iin!);
  });
});

describe('a signed application that comes in through the one ingest path', () => {
  const readers = (options: VerifyOptions): FileReaders => ({
    // The PDF parse is the file check's own (tested beside it); here only the signature matters.
    pdf: (bytes) => Promise.resolve(new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-'),
    image: () => Promise.resolve(false),
    signature: (content, cms) => verifyCms(cms, content, options),
  });

  async function arrive(cms: Uint8Array, applicant: TestParty) {
    const applicationSha = await sha256Hex(application);
    const cmsSha = await sha256Hex(cms);
    const base = sampleApplication();
    // A case of its own each time: two signatures of the same bytes by the same party within one
    // second are the same bytes (signingTime has whole seconds), so the CMS cannot name the case.
    const caseId = `case-${crypto.randomUUID()}`;
    const event = makeEvent(
      undefined,
      'received',
      {
        application: {
          ...base,
          caseNumber: `KZ-2026-${caseId.slice(5, 10)}`,
          applicant: { ...base.applicant, iin: applicant.iin! },
          attachments: [
            {
              id: 'att-app',
              kind: 'application',
              fileName: 'application.pdf',
              mimeType: 'application/pdf',
              size: application.length,
              sha256: applicationSha,
              signature: { sha256: cmsSha, size: cms.length },
            },
          ],
        },
        office: { timeZone: 'Asia/Almaty', utcOffsetMinutes: 300 },
      },
      { caseId, actor: PORTAL, at: base.receivedAt },
    ) as EventOf<'received'>;
    const result = await desk.cases.ingest(event.caseId, [event], 'remote', {
      files: [
        {
          sha256: applicationSha,
          blob: new Blob([application.slice()]),
          fileName: 'application.pdf',
          mimeType: 'application/pdf',
        },
        {
          sha256: cmsSha,
          blob: new Blob([cms.slice()]),
          fileName: 'application.pdf.cms',
          mimeType: 'application/pkcs7-signature',
        },
      ],
    });
    if (!result.ok) throw new Error(result.reason.code);
    return { event, state: receive(event), applicationSha, cmsSha };
  }

  it('keeps the signature with the case, verifies it with the file, and shows its findings in the check', async () => {
    const cms = await signedBy(pki.individual);
    const { event, state, applicationSha, cmsSha } = await arrive(cms, pki.individual);
    const refs = await desk.cases.files(event.caseId);
    expect(refs.map((r) => r.sha256).sort()).toEqual([applicationSha, cmsSha].sort());

    const attachment = state.application.attachments[0]!;
    const file = await checkFile(
      attachment,
      (sha) => desk.attachments.get(sha),
      readers(await trusted(pki.individual)),
    );
    expect(file).toMatchObject({ status: 'readable', kind: 'pdf', signature: { sha256: cmsSha } });
    const files = { [applicationSha]: file };
    const item = documentChecklist(state, '2026-12-14', files).find((i) => i.kind === 'application')!;
    expect(item.attachments[0]!.check?.findings).toEqual([{ code: 'signature.valid', severity: 'info' }]);
    // What a review of the file records: the codes shown.
    expect(attachmentCheck(state, '2026-12-14', files, 'att-app')).toEqual({
      status: 'pass',
      codes: ['signature.valid'],
    });
  });

  it('a signature by someone else, or over other bytes, is a finding on the case, never a lost case', async () => {
    const other = await arrive(await signedBy(pki.signing), pki.individual);
    const attachment = other.state.application.attachments[0]!;
    const options = await trusted(pki.signing);
    const file = await checkFile(attachment, (sha) => desk.attachments.get(sha), readers(options));
    expect(attachmentCheck(other.state, '2026-12-14', { [other.applicationSha]: file }, 'att-app')).toEqual({
      status: 'judgement',
      codes: ['signature.signer-not-applicant'],
    });

    const overOther = await arrive(
      await signedBy(pki.individual, new TextEncoder().encode('another document')),
      pki.individual,
    );
    const broken = await checkFile(
      overOther.state.application.attachments[0]!,
      (sha) => desk.attachments.get(sha),
      readers(await trusted(pki.individual)),
    );
    expect(
      attachmentCheck(overOther.state, '2026-12-14', { [overOther.applicationSha]: broken }, 'att-app'),
    ).toEqual({
      status: 'fail',
      codes: ['signature.broken'],
    });
    expect((await desk.cases.get(overOther.event.caseId))?.state.application.caseNumber).toBeDefined();
  });

  it('a signature whose bytes are not stored yet says so, and the file check tries it again', async () => {
    const cms = await signedBy(pki.individual);
    const { state, applicationSha } = await arrive(cms, pki.individual);
    const attachment = {
      ...state.application.attachments[0]!,
      signature: { sha256: 'b'.repeat(64), size: 1 },
    };
    const file = await checkFile(attachment, (sha) => desk.attachments.get(sha), readers({}));
    expect(file).toEqual({
      status: 'readable',
      kind: 'pdf',
      signature: { sha256: 'b'.repeat(64), problem: 'missing' },
    });
    const withMissing = { ...state, application: { ...state.application, attachments: [attachment] } };
    expect(attachmentCheck(withMissing, '2026-12-14', { [applicationSha]: file }, 'att-app')).toEqual({
      status: 'fail',
      codes: ['signature.unreadable'],
    });
  });
});
