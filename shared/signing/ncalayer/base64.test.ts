import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../bytes';
import { cmsBytes, fromBase64 } from './base64';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('base64', () => {
  // RFC 4648, section 10.
  const vectors: Array<[string, string]> = [
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ];

  it.each(vectors)('encodes and decodes the RFC 4648 vector %j', (plain, encoded) => {
    expect(toBase64(bytes(plain))).toBe(encoded);
    expect(fromBase64(encoded)).toEqual(bytes(plain));
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(fromBase64(toBase64(data))).toEqual(data);
      }),
    );
  });

  it('takes line breaks between characters, as PEM has them', () => {
    expect(fromBase64('Zm9v\r\nYmFy\n')).toEqual(bytes('foobar'));
  });

  it.each([
    ['a character outside the alphabet', 'Zm9v*mFy'],
    ['a wrong length', 'Zm9vY'],
    ['padding inside', 'Zg==Zm8='],
    ['non-zero bits after the last byte', 'Zh=='],
    ['the URL alphabet', 'Zm9-'],
  ])('refuses %s', (_what, text) => {
    expect(fromBase64(text)).toBeNull();
  });
});

describe('cmsBytes', () => {
  const der = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]);

  it('reads the PEM armour of basics and the bare base64 of commonUtils alike', () => {
    expect(cmsBytes(`-----BEGIN CMS-----\n${toBase64(der)}\n-----END CMS-----\n`)).toEqual(der);
    expect(cmsBytes(toBase64(der))).toEqual(der);
  });

  it('refuses the emptied armour of the recorded session, another armour, and text', () => {
    expect(cmsBytes('-----BEGIN CMS-----\n-----END CMS-----\n')).toBeNull();
    expect(cmsBytes(`-----BEGIN CERTIFICATE-----\n${toBase64(der)}\n-----END CERTIFICATE-----\n`)).toBeNull();
    expect(cmsBytes('Actual signature stripped to protect private data')).toBeNull();
    expect(cmsBytes('')).toBeNull();
  });
});
