import { describe, expect, it } from 'vitest';
import { extensionForMimeType, extensionOf, sanitizeFileName, withExtension } from './fileName';

describe('sanitizeFileName', () => {
  it('keeps Kazakh and Russian letters intact', () => {
    expect(sanitizeFileName('Рұқсат — Әлібек Ғаниұлы.pdf')).toBe('Рұқсат — Әлібек Ғаниұлы.pdf');
  });

  it('replaces characters Windows refuses', () => {
    expect(sanitizeFileName('№ 12/2026: "ответ" <школа>|?*.pdf')).toBe('№ 12_2026_ _ответ_ _школа____.pdf');
  });

  it('replaces control characters and path separators so no folder can be named', () => {
    expect(sanitizeFileName('..\\..\\Windows\\a\u0000b\nc.pdf')).toBe('.._.._Windows_a_b_c.pdf');
    expect(sanitizeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
  });

  it('drops trailing dots and spaces that Windows would silently remove', () => {
    expect(sanitizeFileName('  отчёт. . ')).toBe('отчёт');
  });

  it('prefixes reserved device names, with or without extension', () => {
    expect(sanitizeFileName('CON')).toBe('_CON');
    expect(sanitizeFileName('nul.pdf')).toBe('_nul.pdf');
    expect(sanitizeFileName('Com1.tar.gz')).toBe('_Com1.tar.gz');
    expect(sanitizeFileName('console.pdf')).toBe('console.pdf');
  });

  it('falls back when nothing usable is left', () => {
    expect(sanitizeFileName('...')).toBe('document');
    expect(sanitizeFileName('   ', 'order')).toBe('order');
  });

  it('shortens long names but keeps the extension and whole letters', () => {
    const long = `${'ә'.repeat(400)}.pdf`;
    const out = sanitizeFileName(long);
    expect(Array.from(out).length).toBeLessThanOrEqual(180);
    expect(out.endsWith('.pdf')).toBe(true);
    expect(out.startsWith('әәә')).toBe(true);
  });
});

describe('extensions', () => {
  it('reads the extension of a name', () => {
    expect(extensionOf('a.PDF')).toBe('pdf');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('noext')).toBe('');
  });

  it('adds an extension only when missing', () => {
    expect(withExtension('order', 'pdf')).toBe('order.pdf');
    expect(withExtension('order.PDF', 'pdf')).toBe('order.PDF');
    expect(withExtension('order.pdf', 'cms')).toBe('order.pdf.cms');
  });

  it('maps the MIME types the desk saves', () => {
    expect(extensionForMimeType('application/pdf')).toBe('pdf');
    expect(extensionForMimeType('application/pkcs7-signature')).toBe('cms');
    expect(extensionForMimeType('application/x-unknown')).toBe('');
  });
});
