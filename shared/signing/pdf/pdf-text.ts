/**
 * A PDF text string (ISO 32000-1, 7.9.2.2) as the raw content of a literal string: UTF-16BE with
 * its byte-order mark, `(`, `)` and `\` escaped. pdf-lib's PDFString writes its value byte for byte
 * (one char code each) and @signpdf/placeholder-pdf-lib takes plain strings, so a Kazakh or Russian
 * name reaches the signature dictionary only in this form.
 */
export function pdfTextString(text: string): string {
  let out = '\u00fe\u00ff';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out += byte(unit >> 8) + byte(unit & 0xff);
  }
  return out;
}

function byte(b: number): string {
  if (b === 0x28 || b === 0x29 || b === 0x5c) return `\\${String.fromCharCode(b)}`;
  if (b === 0x0d) return '\\r';
  return String.fromCharCode(b);
}
