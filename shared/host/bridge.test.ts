import { describe, expect, it } from 'vitest';
import { hostErrorResponse, unwrapHostResponse } from './bridge';
import { HostError } from './contract';

describe('unwrapHostResponse', () => {
  it('returns the value of a successful response', () => {
    expect(unwrapHostResponse({ ok: true, value: '1.2.3' })).toBe('1.2.3');
  });

  it('turns an error envelope back into a HostError with its code', () => {
    let caught: unknown;
    try {
      unwrapHostResponse({ ok: false, error: { code: 'too-large', message: 'over' } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(HostError);
    expect((caught as HostError).code).toBe('too-large');
  });

  it('round-trips a HostError through an envelope', () => {
    const envelope = hostErrorResponse(new HostError('not-allowed', 'nope'));
    expect(() => unwrapHostResponse(envelope)).toThrow(expect.objectContaining({ code: 'not-allowed' }));
  });
});
