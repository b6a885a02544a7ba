/**
 * The applicant's signed application verified on arrival: the background run over arriving cases
 * (order, one at a time, what it stores, what it leaves to the case's opening), the stored results'
 * staleness when the signing settings change, and the case's file checks taking a fresh stored
 * result instead of verifying again.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIGNING_SETTINGS, signingFingerprint } from '../../../../shared/settings';
import type { CmsVerification, SignatureVerification } from '../../../../shared/signing/types';
import type { CaseEvent } from '../../../../shared/workflow';
import { CaseScript, sampleApplication } from '../../../../shared/workflow/testing/scenario';
import type { Desk } from '../../db';
import { openTestDesk } from '../../db/testing';
import { useDesk } from '../../stores/deskStore';
import { startArrivalChecks, type ArrivalChecks } from './arrivalChecks';
import type { FileReaders } from './fileCheck';
import { setFileReadersForTests, useFileChecks } from './fileChecks';

const APPLICANT = '850101400011';
const OTHER = '900202300022';
const ROOT_SHA = 'a'.repeat(64);

let desk: Desk;
let runner: ArrivalChecks | undefined;
/** Which content each verification was over, in order, and the most running at once. */
let verified: string[];
let running: number;
let most: number;
/** The signer per content text; a content named "broken" fails integrity. */
let signerOf: Record<string, string>;

function verificationOf(content: string, chainTrusted: boolean): CmsVerification {
  const ok = { status: 'valid' as const };
  const signature = {
    algorithm: 'rsa',
    integrity: content.startsWith('broken')
      ? { status: 'invalid', code: 'integrity.digest-mismatch' }
      : { ...ok, code: 'integrity.ok' },
    certificate: { subject: { iin: signerOf[content] ?? APPLICANT } },
    validAtSigningTime: { ...ok, code: 'time.valid-at-signing-time' },
    revocation: { ...ok, code: 'revocation.good' },
    chain: chainTrusted
      ? { ...ok, code: 'chain.trusted' }
      : { status: 'not-checked', code: 'chain.no-trusted-roots' },
    timestamp: { status: 'not-checked', code: 'timestamp.absent' },
  } as unknown as SignatureVerification;
  return { detached: true, signatures: [signature] };
}

const readers: FileReaders = {
  pdf: () => Promise.resolve(true),
  image: () => Promise.resolve(false),
  async signature(content) {
    running += 1;
    most = Math.max(most, running);
    const text = new TextDecoder().decode(content);
    verified.push(text);
    await new Promise((r) => setTimeout(r, 5));
    const settings = await desk.signingSettings.get();
    running -= 1;
    return verificationOf(text, settings.trusted.length > 0);
  },
};

beforeEach(async () => {
  desk = await openTestDesk();
  useDesk.setState({ desk });
  verified = [];
  running = 0;
  most = 0;
  signerOf = {};
  setFileReadersForTests(readers);
});
afterEach(() => {
  runner?.stop();
  runner = undefined;
  setFileReadersForTests(undefined);
  desk.close();
});

async function put(text: string, mimeType = 'application/pdf') {
  return desk.attachments.put(new Blob([text], { type: mimeType }), { fileName: text, mimeType });
}

/** A received case whose application `text` came signed (its CMS stored unless `cmsStored` is false). */
async function signedCase(caseId: string, text: string, options: { cmsStored?: boolean } = {}) {
  const file = await put(text);
  const cms =
    options.cmsStored === false
      ? { sha256: 'c'.repeat(64), size: 3 }
      : await put(`cms of ${text}`, 'application/pkcs7-signature');
  const application = sampleApplication({
    caseNumber: `KZ-${caseId}`,
    applicant: { ...sampleApplication().applicant, iin: APPLICANT },
    attachments: [
      {
        id: `${caseId}-app`,
        kind: 'application',
        fileName: 'application.pdf',
        mimeType: 'application/pdf',
        size: file.size,
        sha256: file.sha256,
        signature: { sha256: cms.sha256, size: cms.size },
      },
    ],
  });
  const events = new CaseScript(application).events.map((e): CaseEvent => ({ ...e, caseId }));
  return { events, sha256: file.sha256 };
}

const trustARoot = () =>
  desk.signingSettings.save({
    ...DEFAULT_SIGNING_SETTINGS,
    trusted: [{ role: 'root', der: 'AAAA', sha256: ROOT_SHA }],
  });

describe('the signed application verified on arrival', () => {
  it('verifies the arriving cases’ signed files in the background, one at a time in arrival order, and stores each', async () => {
    runner = startArrivalChecks(desk, () => readers, { afterStart: Promise.resolve() });
    await runner.idle();
    const cases = [];
    for (const [i, text] of ['first', 'second', 'broken third'].entries())
      cases.push({ caseId: `case-${i}`, ...(await signedCase(`case-${i}`, text)) });
    signerOf['second'] = OTHER;
    // One pull: the ingest returns before any verification (they run after its commit).
    await desk.cases.ingestMany(
      cases.map((c) => ({ caseId: c.caseId, events: c.events })),
      'remote',
    );
    expect(verified).toEqual([]);
    await runner.idle();
    expect(verified).toEqual(['first', 'second', 'broken third']);
    expect(most).toBe(1);

    const fingerprint = await signingFingerprint(await desk.signingSettings.get());
    const [first, second, third] = await Promise.all(
      cases.map((c) => desk.signatureChecks.fresh(c.sha256, fingerprint)),
    );
    expect(first).toMatchObject({ caseIds: ['case-0'], warned: [], kind: 'pdf', settings: fingerprint });
    expect(first?.signature.summary).toEqual({
      signers: [
        {
          integrity: { status: 'valid', code: 'integrity.ok' },
          validAtSigningTime: { status: 'valid', code: 'time.valid-at-signing-time' },
          chain: { status: 'not-checked', code: 'chain.no-trusted-roots' },
          revocation: { status: 'valid', code: 'revocation.good' },
          signerIin: APPLICANT,
        },
      ],
    });
    expect(second?.warnings).toEqual({ 'case-1': 'not-applicant' });
    expect(third?.warnings).toEqual({ 'case-2': 'broken' });
    expect(await desk.signatureChecks.warnings(['case-0', 'case-1', 'case-2'], fingerprint)).toEqual(
      new Map([
        ['case-1', 'not-applicant'],
        ['case-2', 'broken'],
      ]),
    );
    // A case changed later (the officer's work) is not verified again.
    await desk.cases.ingest('case-0', cases[0]!.events, 'remote');
    await runner.idle();
    expect(verified).toHaveLength(3);
  });

  it('leaves a file whose signature is not stored yet to the case’s opening, and stores nothing for it', async () => {
    runner = startArrivalChecks(desk, () => readers, { afterStart: Promise.resolve() });
    const c = await signedCase('case-late', 'late', { cmsStored: false });
    await desk.cases.ingest('case-late', c.events, 'remote');
    await runner.idle();
    expect(verified).toEqual([]);
    expect(await desk.db.signatureChecks.count()).toBe(0);
  });

  it('goes through the stored cases on start, once per signing settings: a change makes the stored results stale and checks them again', async () => {
    const c = await signedCase('case-a', 'stored before');
    await desk.cases.ingest('case-a', c.events, 'remote');
    // A desk that stored cases before the arrival checks ran (an upgraded desk, a run cut short).
    runner = startArrivalChecks(desk, () => readers, { afterStart: Promise.resolve() });
    await runner.idle();
    expect(verified).toEqual(['stored before']);
    const before = await signingFingerprint(await desk.signingSettings.get());
    expect(await desk.signatureChecks.scanned()).toBe(before);
    runner.stop();

    // Started again with the same settings: nothing verified again.
    runner = startArrivalChecks(desk, () => readers, { afterStart: Promise.resolve() });
    await runner.idle();
    expect(verified).toEqual(['stored before']);

    // A root added: the stored result is stale at once, and verified again with the root.
    await trustARoot();
    const after = await signingFingerprint(await desk.signingSettings.get());
    expect(after).not.toBe(before);
    expect(await desk.signatureChecks.fresh(c.sha256, after)).toBeUndefined();
    await runner.idle();
    expect(verified).toEqual(['stored before', 'stored before']);
    const again = await desk.signatureChecks.fresh(c.sha256, after);
    expect(again?.signature.summary).toMatchObject({
      signers: [{ chain: { status: 'valid', code: 'chain.trusted' } }],
    });
    expect(await desk.signatureChecks.scanned()).toBe(after);
  });
});

describe('the case’s documents and the stored result', () => {
  it('shows a fresh stored result at once without verifying again, and verifies a stale one', async () => {
    runner = startArrivalChecks(desk, () => readers, { afterStart: Promise.resolve() });
    const c = await signedCase('case-open', 'opened');
    await desk.cases.ingest('case-open', c.events, 'remote');
    await runner.idle();
    runner.stop();
    expect(verified).toEqual(['opened']);

    const state = (await desk.cases.get('case-open'))!.state;
    const owner = { caseId: 'case-open', applicantIin: APPLICANT };
    await useFileChecks.getState().check(state.application.attachments, owner);
    expect(verified).toEqual(['opened']);
    const shown = useFileChecks.getState().files[c.sha256];
    expect(shown).toMatchObject({ status: 'readable', kind: 'pdf', signature: { summary: { signers: [{}] } } });

    // The settings change: the session's result is dropped and the file verified with the new ones.
    setFileReadersForTests(readers);
    await trustARoot();
    await useFileChecks.getState().check(state.application.attachments, owner);
    expect(verified).toEqual(['opened', 'opened']);
    const fingerprint = await signingFingerprint(await desk.signingSettings.get());
    // What the case's check verified is stored for it too.
    expect((await desk.signatureChecks.fresh(c.sha256, fingerprint))?.caseIds).toEqual(['case-open']);
  });
});

describe('the case header’s warning', () => {
  it('warns from the stored result: broken before not-applicant, nothing for a valid one', async () => {
    const { caseSignatureWarning } = await import('./documentsModel');
    runner = startArrivalChecks(desk, () => readers, { afterStart: Promise.resolve() });
    signerOf['someone else'] = OTHER;
    const cases = {
      valid: await signedCase('case-v', 'fine'),
      other: await signedCase('case-o', 'someone else'),
      broken: await signedCase('case-b', 'broken one'),
    };
    for (const [id, c] of Object.entries(cases)) await desk.cases.ingest(`case-${id[0]}`, c.events, 'remote');
    await runner.idle();
    const warningOf = async (caseId: string) => {
      const state = (await desk.cases.get(caseId))!.state;
      await useFileChecks.getState().check(state.application.attachments, {
        caseId,
        applicantIin: APPLICANT,
      });
      return caseSignatureWarning(state, useFileChecks.getState().files);
    };
    expect(await warningOf('case-v')).toBeUndefined();
    expect(await warningOf('case-o')).toBe('not-applicant');
    expect(await warningOf('case-b')).toBe('broken');
    // All from the store: nothing verified again when the cases opened.
    expect(verified).toHaveLength(3);
  });
});
