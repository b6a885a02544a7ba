import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, setLogLevel, setLogSink, type LogRecord } from './index';
import { isPersonalField, redactAll } from './redact';

// A valid IIN (see shared/iin/iin.test.ts), a BIN-shaped number, a phone and an address.
const IIN = '880412300212';
const BIN = '123456789012';
const PHONE = '+7 701 234 56 78';
const EMAIL = 'aigerim.n@mail.kz';
const NAME = 'Нұрланова Айгерім';

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  setLogLevel('info');
  vi.restoreAllMocks();
});

function capture(): LogRecord[] {
  const records: LogRecord[] = [];
  restore = setLogSink((r) => records.push(r));
  return records;
}

describe('redactAll', () => {
  it.each([
    [`IIN ${IIN} does not match`, 'IIN [IIN/BIN] does not match'],
    [`akimat BIN:${BIN}.`, 'akimat BIN:[IIN/BIN].'],
    [`run 9${IIN}7 of digits`, 'run [IIN/BIN] of digits'],
    [`call ${PHONE} or 8 (701) 234-56-78 or 87012345678`, 'call [phone] or [phone] or [phone]'],
    [`write to ${EMAIL}, please`, 'write to [email], please'],
    ["open 'C:\\Users\\Айгерім\\скан.pdf' failed", "open '[path]' failed"],
    ['EACCES /home/aigerim/Documents/a.pdf', 'EACCES [path]'],
    ['at file:///home/aigerim/desk/x.js:1:2', 'at [path]'],
  ])('%s', (input, expected) => {
    expect(redactAll(input)).toBe(expected);
  });

  it('keeps what a developer needs: dates, times, counts, versions, codes', () => {
    const text =
      'case 01-07/147 on 2026-12-01T10:30:00+05:00, 10000 rows, v2026.2, code stage.not-allowed, ' +
      'app://desk/assets/index.js, https://egov.kz/cms/ru';
    expect(redactAll(text)).toBe(text);
  });
});

describe('isPersonalField', () => {
  it.each([
    'name',
    'fullName',
    'signerName',
    'fileName',
    'applicantIin',
    'birth_date',
    'e-mail',
    'phone',
    'bin',
  ])('%s is personal', (key) => expect(isPersonalField(key)).toBe(true));
  it.each(['channel', 'code', 'caseId', 'context', 'count', 'binary', 'stage'])('%s is not', (key) =>
    expect(isPersonalField(key)).toBe(false),
  );
});

describe('log', () => {
  it('never hands an IIN in the message to the sink', () => {
    const records = capture();
    const message = `lookup of ${IIN} failed`;
    log.error(message);
    expect(records).toHaveLength(1);
    expect(JSON.stringify(records)).not.toContain(IIN);
    expect(records[0]!.message).toBe('lookup of [IIN/BIN] failed');
  });

  it("never hands an IIN in an Error's message (or its cause) to the sink", () => {
    const records = capture();
    const error = new Error(`pupil ${IIN} not found`, { cause: new Error(`parent ${IIN}`) });
    log.error('case load failed', { error });
    const line = JSON.stringify(records);
    expect(line).not.toContain(IIN);
    expect(records[0]!.fields).toEqual({
      error: {
        name: 'Error',
        message: 'pupil [IIN/BIN] not found',
        cause: { name: 'Error', message: 'parent [IIN/BIN]' },
      },
    });
  });

  it('drops personal fields whole and redacts the rest, nested and as numbers', () => {
    const records = capture();
    log.warn('import refused', {
      fullName: NAME,
      fileName: `${NAME}.pdf`,
      rows: [{ contact: `${EMAIL} ${PHONE}` }],
      asNumber: Number(IIN),
      code: 'ENOSPC',
      count: 3,
    });
    const line = JSON.stringify(records);
    for (const secret of [NAME, EMAIL, PHONE, IIN]) expect(line).not.toContain(secret);
    expect(records[0]!.fields).toEqual({
      fullName: '[redacted]',
      fileName: '[redacted]',
      rows: [{ contact: '[email] [phone]' }],
      asNumber: '[IIN/BIN]',
      code: 'ENOSPC',
      count: 3,
    });
  });

  it('keeps the code of a Node error and leaves the stack out', () => {
    const records = capture();
    const error = Object.assign(new Error(`ENOENT: open 'C:\\Users\\${NAME}\\${IIN}.pdf'`), {
      code: 'ENOENT',
    });
    log.error('save failed', { error });
    const fields = records[0]!.fields as { error: Record<string, unknown> };
    expect(fields.error['code']).toBe('ENOENT');
    expect(fields.error).not.toHaveProperty('stack');
    expect(JSON.stringify(records)).not.toContain(IIN);
  });

  it('reaches the console sink redacted (the default sink)', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    log.error(`IIN ${IIN}`, { error: new Error(IIN) });
    expect(spy).toHaveBeenCalledOnce();
    expect(JSON.stringify(spy.mock.calls)).not.toContain(IIN);
  });

  it('drops lines below the level and survives a failing sink', () => {
    const records = capture();
    setLogLevel('warn');
    log.info('opened');
    log.warn('slow');
    expect(records.map((r) => r.message)).toEqual(['slow']);
    restore?.();
    restore = setLogSink(() => {
      throw new Error('disk full');
    });
    expect(() => log.error('anything')).not.toThrow();
  });
});
