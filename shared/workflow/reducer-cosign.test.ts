/**
 * Several signers over one result (issue 8): the `signed` event may be followed by `cosigned` from
 * another person with another certificate over the very same bytes, until the result is sent.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION } from './events';
import { foldEvents } from './reducer';
import { signersOf } from './signing';
import {
  almaty,
  atReview,
  cosignature,
  HEAD,
  makeEvent,
  OFFICER,
  steps,
  type CaseScript,
} from './testing/scenario';

const AT = { actor: OFFICER, at: almaty('2026-12-22', '13:05') };
const SIGNED_AT = almaty('2026-12-22', '13:00');

/** The head signed the approved extract (scenario: serial 01AB, produced document SHA). */
function signedByHead(): CaseScript {
  return steps.sign(steps.approve(steps.sendForApproval(steps.prepareOrder(atReview()))));
}

describe('cosigned', () => {
  it('records the officer’s signature after the head’s, both kept in order', () => {
    const s = signedByHead();
    const payload = cosignature(s.current, SIGNED_AT, '1001', { signerIin: '850307400456' });
    s.do('cosigned', payload, AT);
    expect(s.current.stage).toBe('ready-to-send');
    expect(s.current.cosignatures).toEqual([
      { ...payload, on: '2026-12-22', at: AT.at, by: OFFICER.userId },
    ]);
    expect(signersOf(s.current).map((x) => x.by)).toEqual([HEAD.userId, OFFICER.userId]);
    // The result is then sent as before.
    steps.deliver(s);
    expect(s.current.stage).toBe('closed');
  });

  it('refuses a second signature by the same certificate, however its serial is written', () => {
    for (const serial of ['01AB', '01ab', '0001AB']) {
      const s = signedByHead();
      expect(s.try('cosigned', cosignature(s.current, SIGNED_AT, serial), AT)).toEqual({
        ok: false,
        reason: { code: 'cosignature.same-certificate', params: { certificateSerial: serial } },
      });
    }
  });

  it('refuses the person who already signed: the same desk user, or the same IIN on another certificate', () => {
    const s = signedByHead();
    expect(s.try('cosigned', cosignature(s.current, SIGNED_AT), { ...AT, actor: HEAD })).toEqual({
      ok: false,
      reason: { code: 'cosignature.same-signer' },
    });
    s.do('cosigned', cosignature(s.current, SIGNED_AT, '1001', { signerIin: '850307400456' }), AT);
    // The officer again, with another certificate of hers.
    expect(s.try('cosigned', cosignature(s.current, SIGNED_AT, '1009'), AT)).toMatchObject({
      ok: false,
      reason: { code: 'cosignature.same-signer' },
    });
    // Another desk user with a certificate naming the officer's IIN is the officer too.
    const other = signedByHead();
    other.do('cosigned', cosignature(other.current, SIGNED_AT, '1001', { signerIin: '850307400456' }), AT);
    const sameIin = cosignature(other.current, SIGNED_AT, '1010', { signerIin: '850307400456' });
    expect(other.try('cosigned', sameIin, { ...AT, actor: { userId: 'deputy', role: 'head' } })).toEqual({
      ok: false,
      reason: { code: 'cosignature.same-signer' },
    });
  });

  it('refuses a cosignature over another document or another signed PDF', () => {
    const s = signedByHead();
    const first = s.current.signature!;
    const otherDocument = cosignature(s.current, SIGNED_AT, '1001', { documentSha256: 'e'.repeat(64) });
    expect(s.try('cosigned', otherDocument, AT)).toEqual({
      ok: false,
      reason: { code: 'cosignature.document-mismatch', params: { documentSha256: first.documentSha256 } },
    });
    // The first signature has no signed PDF: a cosignature naming one is over other bytes.
    const otherPdf = cosignature(s.current, SIGNED_AT, '1001', { signedPdfSha256: 'a'.repeat(64) });
    expect(s.try('cosigned', otherPdf, AT)).toMatchObject({
      ok: false,
      reason: { code: 'cosignature.document-mismatch' },
    });
  });

  it('holds a cosignature to the first signature’s signed PDF when it has one', () => {
    const base = steps.produceResult(steps.approve(steps.sendForApproval(steps.prepareOrder(atReview()))));
    const produced = base.current.producedDocuments.at(-1)!.sha256;
    base.do(
      'signed',
      {
        signatureFormat: 'cms-detached',
        documentSha256: produced,
        signatureSha256: 'c'.repeat(64),
        certificateSerial: '01AB',
        signerName: 'Head',
        signedAt: almaty('2026-12-22', '11:55'),
        timestamped: true,
        signedPdfSha256: 'b'.repeat(64),
      },
      { actor: HEAD, at: almaty('2026-12-22', '12:00') },
    );
    const { signedPdfSha256: _pdf, ...overProduced } = cosignature(base.current, SIGNED_AT, '1001');
    expect(base.try('cosigned', overProduced, AT)).toMatchObject({
      ok: false,
      reason: { code: 'cosignature.document-mismatch' },
    });
    base.do('cosigned', cosignature(base.current, SIGNED_AT, '1001'), AT);
    expect(base.current.cosignatures?.[0]?.signedPdfSha256).toBe('b'.repeat(64));
  });

  it('refuses a cosignature before the result is signed and after it is sent', () => {
    const unsigned = steps.produceResult(steps.approve(steps.sendForApproval(steps.prepareOrder(atReview()))));
    const payload = { ...cosignature(signedByHead().current, SIGNED_AT, '1001') };
    expect(unsigned.try('cosigned', payload, AT)).toEqual({
      ok: false,
      reason: { code: 'result.not-signed' },
    });
    const sent = steps.deliver(signedByHead());
    expect(
      sent.try('cosigned', cosignature(sent.current, SIGNED_AT, '1001'), {
        ...AT,
        at: almaty('2026-12-22', '16:00'),
      }),
    ).toEqual({ ok: false, reason: { code: 'stage.not-allowed', params: { stage: 'closed', type: 'cosigned' } } });
  });

  it('refuses a signing time after the day it is recorded', () => {
    const s = signedByHead();
    expect(s.try('cosigned', cosignature(s.current, almaty('2026-12-23', '09:00'), '1001'), AT)).toMatchObject({
      ok: false,
      reason: { code: 'date.future' },
    });
  });

  it('is a type of schema version 3: a "version-2" cosignature was never made and is refused', () => {
    const s = signedByHead();
    const event = makeEvent(s.current, 'cosigned', cosignature(s.current, SIGNED_AT, '1001'), AT);
    expect(EVENT_SCHEMA_VERSION).toBe(3);
    expect(foldEvents([...s.events, event]).ok).toBe(true);
    const old = { ...event, schemaVersion: 2 };
    expect(foldEvents([...s.events, old])).toEqual({
      ok: false,
      index: s.events.length,
      reason: { code: 'event.invalid', params: { path: 'type' } },
    });
  });
});
