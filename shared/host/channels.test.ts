import { describe, expect, it } from 'vitest';
import { channelResponseSchema, HOST_CHANNEL_NAMES, hostChannels } from './channels';
import { MAX_TRANSFER_BYTES } from './checks';

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

describe('request schemas', () => {
  it('takes a notification of a title and a body, nothing else', () => {
    const schema = hostChannels['host:notify'].request;
    expect(schema.safeParse({ title: 'Мерзімдер', body: '3' }).success).toBe(true);
    expect(schema.safeParse({ title: '', body: '3' }).success).toBe(false);
    expect(schema.safeParse({ title: 'x'.repeat(201), body: '' }).success).toBe(false);
    expect(schema.safeParse({ title: 'a', body: 'b', icon: 'file:///x' }).success).toBe(false);
  });

  it('accepts a well-formed save request', () => {
    const req = { suggestedName: 'order.pdf', mimeType: 'application/pdf', bytes: pdf };
    expect(hostChannels['host:save-file'].request.safeParse(req).success).toBe(true);
  });

  it.each([
    ['bytes as a plain array', { suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: [1, 2] }],
    ['bytes as a string', { suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: 'JVBERi0=' }],
    ['empty name', { suggestedName: '', mimeType: 'application/pdf', bytes: pdf }],
    ['not a MIME type', { suggestedName: 'a.pdf', mimeType: 'pdf', bytes: pdf }],
    ['an extra key', { suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: pdf, path: 'C:/x' }],
  ])('refuses a save request with %s', (_label, req) => {
    expect(hostChannels['host:save-file'].request.safeParse(req).success).toBe(false);
  });

  it('refuses more bytes than one transfer may carry', () => {
    const fake = Object.assign(new Uint8Array(1), {});
    Object.defineProperty(fake, 'byteLength', { value: MAX_TRANSFER_BYTES + 1 });
    const req = { suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: fake };
    expect(hostChannels['host:save-file'].request.safeParse(req).success).toBe(false);
  });

  it('refuses objects that only pretend to be bytes', () => {
    const fake = { [Symbol.toStringTag]: 'Uint8Array', byteLength: 1 };
    expect(hostChannels['host:print-pdf'].request.safeParse({ bytes: fake, title: 'x' }).success).toBe(false);
    const wrongView = new Uint16Array(2);
    expect(hostChannels['host:print-pdf'].request.safeParse({ bytes: wrongView, title: 'x' }).success).toBe(
      false,
    );
  });

  it('refuses open requests without filters or with a bad limit', () => {
    const schema = hostChannels['host:open-file'].request;
    const accept = [{ mimeType: 'application/pdf', extensions: ['pdf'] }];
    expect(schema.safeParse({ accept, maxBytes: 10 }).success).toBe(true);
    expect(schema.safeParse({ accept: [], maxBytes: 10 }).success).toBe(false);
    expect(schema.safeParse({ accept, maxBytes: 0 }).success).toBe(false);
    expect(schema.safeParse({ accept, maxBytes: 1.5 }).success).toBe(false);
    expect(schema.safeParse({ accept, maxBytes: MAX_TRANSFER_BYTES + 1 }).success).toBe(false);
    const dotted = [{ mimeType: 'application/pdf', extensions: ['.pdf'] }];
    expect(schema.safeParse({ accept: dotted, maxBytes: 10 }).success).toBe(false);
  });

  it('takes no argument for the app version and a string for external links', () => {
    expect(hostChannels['host:app-version'].request.safeParse(undefined).success).toBe(true);
    expect(hostChannels['host:app-version'].request.safeParse({}).success).toBe(false);
    expect(hostChannels['host:open-external'].request.safeParse({ url: 'https://x' }).success).toBe(false);
  });
});

describe('response envelopes', () => {
  it('accepts a value of the channel result type or a coded error', () => {
    const schema = channelResponseSchema('host:save-file');
    expect(schema.safeParse({ ok: true, value: { saved: false } }).success).toBe(true);
    expect(schema.safeParse({ ok: true, value: { saved: true, path: '/tmp/a.pdf' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'io', message: 'io' } }).success).toBe(true);
  });

  it('refuses unknown error codes and values of another channel', () => {
    const schema = channelResponseSchema('host:save-file');
    expect(schema.safeParse({ ok: false, error: { code: 'boom', message: '' } }).success).toBe(false);
    expect(schema.safeParse({ ok: true, value: null }).success).toBe(false);
  });

  it('names every channel under the host: prefix, one method each', () => {
    const methods = HOST_CHANNEL_NAMES.map((c) => hostChannels[c].method);
    expect(HOST_CHANNEL_NAMES.every((c) => c.startsWith('host:'))).toBe(true);
    expect(new Set(methods).size).toBe(HOST_CHANNEL_NAMES.length);
  });
});
