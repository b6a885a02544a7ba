// File names offered by the desk often come from case data (a surname, a case number). Windows
// refuses some characters and device names outright, so every host cleans a name before use.

const FORBIDDEN = new Set(['<', '>', ':', '"', '/', '\\', '|', '?', '*']);
// Device names are reserved with any extension ("nul.pdf" still opens the NUL device).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Well under MAX_PATH once a folder is prepended; counted in code points so letters stay whole.
const MAX_NAME_CODE_POINTS = 180;
const MAX_EXTENSION_CODE_POINTS = 16;

function isForbiddenChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || FORBIDDEN.has(ch);
}

/** Extension without the dot, lower-cased, or '' when the name has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return '';
  const ext = name.slice(dot + 1);
  return /^[\p{L}\p{N}]{1,16}$/u.test(ext) ? ext.toLowerCase() : '';
}

/** A name Windows, macOS and Linux all accept as a single path segment. */
export function sanitizeFileName(name: string, fallback = 'document'): string {
  let cleaned = Array.from(name.normalize('NFC'), (ch) => (isForbiddenChar(ch) ? '_' : ch)).join('');
  // Windows silently drops trailing dots and spaces, which would change the name we promised.
  cleaned = cleaned.trim().replace(/[. ]+$/u, '');
  if (cleaned === '' || /^[._ ]+$/u.test(cleaned)) cleaned = fallback;

  const stem = cleaned.split('.')[0]?.trimEnd() ?? '';
  if (RESERVED.test(stem)) cleaned = `_${cleaned}`;

  const points = Array.from(cleaned);
  if (points.length > MAX_NAME_CODE_POINTS) {
    const ext = extensionOf(cleaned);
    const keep = ext && ext.length <= MAX_EXTENSION_CODE_POINTS ? `.${ext}` : '';
    const head = points.slice(0, MAX_NAME_CODE_POINTS - Array.from(keep).length).join('');
    cleaned = head.replace(/[. ]+$/u, '') + keep;
  }
  return cleaned;
}

/** Appends `.ext` unless the name already ends with it (case-insensitive). */
export function withExtension(name: string, ext: string): string {
  if (ext === '' || extensionOf(name) === ext.toLowerCase()) return name;
  return `${name}.${ext}`;
}

const EXTENSION_BY_MIME: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  // Detached CMS signatures: the extension Kazakh verifiers (ezSigner, SIGEX, NCANode) expect.
  'application/pkcs7-signature': 'cms',
  'application/json': 'json',
  'application/zip': 'zip',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/plain': 'txt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

export function extensionForMimeType(mimeType: string): string {
  return EXTENSION_BY_MIME[mimeType.toLowerCase()] ?? '';
}
