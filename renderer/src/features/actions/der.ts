/**
 * A small reader of ASN.1 DER/BER, enough to read a CMS signature file: tag, length and contents of
 * each element, definite or indefinite lengths. Anything it cannot read throws DerError, which the
 * caller turns into "this is not a signature file"; nothing here trusts a length it was given.
 */
export class DerError extends Error {
  override readonly name = 'DerError';
}

export interface Tlv {
  /** Class and number together as in the identifier byte (e.g. 0x30 SEQUENCE, 0xa0 [0]). */
  tag: number;
  constructed: boolean;
  /** The contents (without tag and length); for an indefinite length, without the end marker. */
  value: Uint8Array;
  /** The whole element, tag and length included. */
  raw: Uint8Array;
}

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

/** Context-specific tag [n], constructed or primitive. */
export const context = (n: number, constructed = true) => (constructed ? 0xa0 : 0x80) | n;

/** Nesting deeper than any CMS needs is refused, so a crafted file cannot exhaust the stack. */
const MAX_DEPTH = 64;

function readAt(bytes: Uint8Array, pos: number, depth: number): { tlv: Tlv; next: number } {
  if (depth > MAX_DEPTH) throw new DerError('too deep');
  if (pos + 2 > bytes.length) throw new DerError('truncated');
  const tag = bytes[pos]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used in CMS');
  const constructed = (tag & 0x20) !== 0;
  let p = pos + 1;
  const first = bytes[p++]!;
  if (first === 0x80) {
    // Indefinite length (BER): children follow until the end-of-contents marker 00 00.
    if (!constructed) throw new DerError('indefinite primitive');
    const start = p;
    for (;;) {
      if (p + 2 > bytes.length) throw new DerError('truncated');
      if (bytes[p] === 0 && bytes[p + 1] === 0) break;
      p = readAt(bytes, p, depth + 1).next;
    }
    return {
      tlv: { tag, constructed, value: bytes.subarray(start, p), raw: bytes.subarray(pos, p + 2) },
      next: p + 2,
    };
  }
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count > 4) throw new DerError('length too long');
    length = 0;
    for (let i = 0; i < count; i++) {
      if (p >= bytes.length) throw new DerError('truncated');
      length = length * 256 + bytes[p++]!;
    }
  }
  const end = p + length;
  if (end > bytes.length) throw new DerError('truncated');
  return {
    tlv: { tag, constructed, value: bytes.subarray(p, end), raw: bytes.subarray(pos, end) },
    next: end,
  };
}

/** The one element `bytes` holds; trailing bytes are an error. */
export function readDer(bytes: Uint8Array): Tlv {
  const { tlv, next } = readAt(bytes, 0, 0);
  if (next !== bytes.length) throw new DerError('trailing bytes');
  return tlv;
}

/** The elements inside a constructed one. */
export function childrenOf(tlv: Tlv, depth = 1): Tlv[] {
  if (!tlv.constructed) throw new DerError('not constructed');
  const out: Tlv[] = [];
  let p = 0;
  while (p < tlv.value.length) {
    const { tlv: child, next } = readAt(tlv.value, p, depth);
    out.push(child);
    p = next;
  }
  return out;
}

export function expectTag(tlv: Tlv | undefined, tag: number): Tlv {
  if (!tlv || tlv.tag !== tag) throw new DerError(`expected tag ${tag.toString(16)}`);
  return tlv;
}

/** An OBJECT IDENTIFIER in dotted form, e.g. '1.2.840.113549.1.7.2'. */
export function oidOf(tlv: Tlv): string {
  const v = expectTag(tlv, TAG.oid).value;
  if (v.length === 0) throw new DerError('empty oid');
  const parts: number[] = [];
  let n = 0;
  for (const byte of v) {
    n = n * 128 + (byte & 0x7f);
    if (n > Number.MAX_SAFE_INTEGER / 128) throw new DerError('oid arc too large');
    if ((byte & 0x80) === 0) {
      parts.push(n);
      n = 0;
    }
  }
  const [head = 0, ...rest] = parts;
  const first = head < 80 ? Math.floor(head / 40) : 2;
  return [first, head - first * 40, ...rest].join('.');
}

export function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A positive INTEGER as hex without the sign byte, the way certificate serials are written. */
export function integerHex(tlv: Tlv): string {
  const v = expectTag(tlv, TAG.integer).value;
  let start = 0;
  while (start < v.length - 1 && v[start] === 0) start++;
  return hexOf(v.subarray(start));
}

/** UTCTime or GeneralizedTime (UTC, 'Z') as epoch milliseconds. */
export function timeOf(tlv: Tlv): number {
  const text = new TextDecoder('ascii').decode(tlv.value);
  const m =
    tlv.tag === TAG.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : tlv.tag === TAG.generalizedTime
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text)
        : null;
  if (!m) throw new DerError('time');
  const [, y = '', mo = '', d = '', h = '', mi = '', s = ''] = m;
  // RFC 5280: a two-digit year below 50 is 20xx.
  const year = tlv.tag === TAG.utcTime ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y);
  const ms = Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) throw new DerError('time');
  return ms;
}

/** A directory string (UTF8String, PrintableString, IA5String or BMPString) as text. */
export function stringOf(tlv: Tlv): string {
  switch (tlv.tag) {
    case TAG.utf8String:
    case TAG.printableString:
    case TAG.ia5String:
      return new TextDecoder('utf-8', { fatal: true }).decode(tlv.value);
    case TAG.bmpString: {
      let s = '';
      for (let i = 0; i + 1 < tlv.value.length; i += 2)
        s += String.fromCharCode((tlv.value[i]! << 8) | tlv.value[i + 1]!);
      return s;
    }
    default:
      throw new DerError('not a string');
  }
}
