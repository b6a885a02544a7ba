/**
 * Reading the base64 and the PEM armour NCALayer wraps a CMS in (encoding is ../bytes.ts's
 * toBase64). Stricter than ../bytes.ts's fromBase64 on purpose: a character outside the alphabet,
 * a wrong length or misplaced padding is a malformed answer, never silently skipped, because the
 * bytes decoded here are the signature the desk will record.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map<string, number>([...ALPHABET].map((ch, i) => [ch, i]));

/** The bytes of `text` (whitespace between characters allowed, as in PEM), or null if it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  const clean = text.replace(/[\t\n\r ]+/g, '');
  if (clean.length % 4 !== 0) return null;
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const body = clean.slice(0, clean.length - padding);
  const out = new Uint8Array((clean.length / 4) * 3 - padding);
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const ch of body) {
    const v = VALUE.get(ch);
    if (v === undefined) return null;
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  // The bits left over after the last byte must be zero, or two texts would mean the same bytes.
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

const ARMOUR = /^\s*-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----\s*$/;

/**
 * The DER bytes of a CMS as NCALayer answers it: the basics module wraps it in PEM armour
 * (`-----BEGIN CMS-----`), commonUtils gives bare base64. Null when it is neither, or empty.
 */
export function cmsBytes(answer: string): Uint8Array | null {
  const armoured = ARMOUR.exec(answer);
  if (armoured) {
    if (armoured[1] !== 'CMS' && armoured[1] !== 'PKCS7') return null;
  }
  const bytes = fromBase64(armoured ? armoured[2]! : answer);
  return bytes && bytes.length > 0 ? bytes : null;
}
