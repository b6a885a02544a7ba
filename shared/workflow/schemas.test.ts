import { describe, expect, it } from 'vitest';
import { caseEventSchema } from './schemas';
import { HEAD, makeEvent, OFFICE, sampleApplication, signature } from './testing/scenario';
import { parseCaseEvent } from './upgrade';

const received = () => makeEvent(undefined, 'received', { application: sampleApplication(), office: OFFICE });

const REG = {
  registrationNumber: 'R-1',
  registeredOn: '2026-12-14',
  dueOn: '2026-12-14',
  calendarVersion: '2026.1',
};
const SIGNED = signature('b'.repeat(64), '2026-12-22T11:00:00+05:00');

/** A deep copy with one field replaced (path of keys), for feeding malformed input. */
function withField(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}

describe('caseEventSchema', () => {
  it('accepts a well-formed event and returns it unchanged', () => {
    const event = received();
    const parsed = parseCaseEvent(event);
    expect(parsed).toEqual({ ok: true, event });
  });

  it.each([
    ['unknown type', ['type'], 'sent-to-mars'],
    ['id that is not a UUID', ['id'], 'abc'],
    ['negative base version', ['baseVersion'], -1],
    ['fractional base version', ['baseVersion'], 1.5],
    ['unknown role', ['actor', 'role'], 'admin'],
    ['blank user id', ['actor', 'userId'], '  '],
    ['time without offset', ['at'], '2026-12-14T10:00:00'],
    ['unknown top-level field', ['extra'], 1],
  ])('refuses the event with %s as event.invalid', (_label, path, value) => {
    const result = parseCaseEvent(withField(received(), path, value));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('event.invalid');
  });

  it.each([
    ['an impossible pupil birth date', ['payload', 'application', 'pupil', 'birthDate'], '2013-02-29'],
    ['an IIN of 11 digits', ['payload', 'application', 'applicant', 'iin'], '85010140001'],
    ['a period that ends before it starts', ['payload', 'application', 'studyPeriod', 'to'], '2026-01-01'],
    ['a blank case number', ['payload', 'application', 'caseNumber'], ''],
    ['no receipt time', ['payload', 'application', 'receivedAt'], undefined],
    ['an unknown ground', ['payload', 'application', 'ground'], 'bored'],
    ['a bad sha256', ['payload', 'application', 'attachments', 0, 'sha256'], 'xyz'],
    ['an unknown attachment field', ['payload', 'application', 'attachments', 0, 'virus'], true],
  ])('refuses a received event with %s as payload.invalid', (_label, path, value) => {
    const result = parseCaseEvent(withField(received(), path, value));
    expect(result).toMatchObject({ ok: false, code: 'payload.invalid' });
    // The path names the field, so the UI can point at it.
    // (an unknown key is reported on the object that holds it)
    const expected = value === true ? path.slice(0, -1) : path;
    expect(result.ok ? '' : result.path).toBe(expected.join('.'));
  });

  it('refuses two attachments with one id', () => {
    const app = sampleApplication();
    const twice = { ...app, attachments: [app.attachments[0]!, app.attachments[0]!] };
    expect(parseCaseEvent(makeEvent(undefined, 'received', { application: twice, office: OFFICE })).ok).toBe(
      false,
    );
  });

  it.each([
    ['registered', { ...REG, registeredOn: '2026-02-30' }],
    ['registered', { ...REG, registrationNumber: ' ' }],
    ['registered', { ...REG, dueOn: '2026-12-32' }],
    ['registered', { ...REG, calendarVersion: '' }],
    ['registered', { registrationNumber: 'R-1', registeredOn: '2026-12-14' }],
    ['document-reviewed', { attachmentId: 'a', verdict: 'confirmed' }],
    ['document-reviewed', { attachmentId: 'a', verdict: 'confirmed', check: { status: 'maybe', codes: [] } }],
    ['completeness-checked', { complete: false, missing: [] }],
    ['completeness-checked', { complete: false, missing: ['medical-conclusion', 'medical-conclusion'] }],
    ['completeness-checked', { complete: true, missing: ['medical-conclusion'] }],
    [
      'refused',
      {
        ground: 3,
        documents: ['application'],
        reasons: 'x',
        decisionNumber: 'D',
        decisionDate: '2026-12-15',
      },
    ],
    [
      'refused',
      {
        ground: 1,
        documents: ['application'],
        reasons: '\n',
        decisionNumber: 'D',
        decisionDate: '2026-12-15',
      },
    ],
    ['refused', { ground: 1, documents: [], reasons: 'x', decisionNumber: 'D', decisionDate: '2026-12-15' }],
    ['school-answer-recorded', { answeredOn: '2026-12-18', confirmed: 'yes', summary: 'ok' }],
    ['sent-for-approval', { note: 'please' }],
    ['returned', { comment: '' }],
    ['returned', {}],
    ['signed', { ...SIGNED, documentSha256: 'a'.repeat(63) }],
    ['signed', { ...SIGNED, certificateSerial: 'serial 1' }],
    ['signed', { ...SIGNED, signedAt: '2026-12-22' }],
    ['signed', { ...SIGNED, signerIin: '1234' }],
    ['signed', { ...SIGNED, signatureFormat: 'pkcs7' }],
    ['signed', { documentSha256: 'a'.repeat(64), certificateSerial: '1', signerName: 'H' }],
    ['result-delivered', { deliveredAt: '2026-12-22', channel: 'portal' }],
    ['result-delivered', { deliveredAt: '2026-12-22T10:00:00Z', channel: 'fax' }],
    [
      'complaint-registered',
      { complaintId: 'c', addressee: 'court', registeredOn: '2026-12-20', summary: 's' },
    ],
    ['complaint-answered', { complaintId: 'c', answeredOn: '2026-12-20', outcome: 'maybe', summary: 's' }],
  ] as const)('refuses a malformed %s payload', (type, payload) => {
    const event = { ...makeEvent(undefined, 'sent-for-approval', {}, { actor: HEAD }), type, payload };
    const result = parseCaseEvent(event);
    expect(result).toMatchObject({ ok: false, code: 'payload.invalid' });
  });

  it('keeps an event exactly as made: text is not trimmed', () => {
    const event = makeEvent(undefined, 'returned', { comment: '  see page 2  ' }, { actor: HEAD });
    const parsed = caseEventSchema.parse(event);
    expect(parsed.payload).toEqual({ comment: '  see page 2  ' });
  });
});
