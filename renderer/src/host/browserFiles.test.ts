import { describe, expect, it, vi } from 'vitest';
import { acceptAttribute, blobPart, readChosenFile, type ChosenFile } from './browserFiles';

const accept = [
  { mimeType: 'application/pdf', extensions: ['pdf'] },
  { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
];

function chosen(name: string, size: number): ChosenFile & { arrayBuffer: ReturnType<typeof vi.fn> } {
  return { name, size, arrayBuffer: vi.fn(() => Promise.resolve(new ArrayBuffer(size))) };
}

describe('acceptAttribute', () => {
  it('lists MIME types and dotted extensions once each', () => {
    expect(acceptAttribute(accept)).toBe('application/pdf,.pdf,image/jpeg,.jpg,.jpeg');
    expect(acceptAttribute([...accept, accept[0]!])).toBe('application/pdf,.pdf,image/jpeg,.jpg,.jpeg');
  });
});

describe('readChosenFile', () => {
  it('refuses a file over maxBytes before reading it', async () => {
    const file = chosen('скан.pdf', 2_000_001);
    await expect(readChosenFile(file, { accept, maxBytes: 2_000_000 })).rejects.toMatchObject({
      code: 'too-large',
    });
    expect(file.arrayBuffer).not.toHaveBeenCalled();
  });

  it('reads a file exactly at the limit', async () => {
    const opened = await readChosenFile(chosen('скан.PDF', 2048), { accept, maxBytes: 2048 });
    expect(opened.name).toBe('скан.PDF');
    expect(opened.bytes.byteLength).toBe(2048);
  });

  it('refuses a type the request did not accept, whatever the picker allowed', async () => {
    const file = chosen('setup.exe', 10);
    await expect(readChosenFile(file, { accept, maxBytes: 100 })).rejects.toMatchObject({
      code: 'not-allowed',
    });
    expect(file.arrayBuffer).not.toHaveBeenCalled();
  });

  it('refuses a file that grew past the limit after it was chosen', async () => {
    const file = { name: 'a.pdf', size: 10, arrayBuffer: () => Promise.resolve(new ArrayBuffer(500)) };
    await expect(readChosenFile(file, { accept, maxBytes: 100 })).rejects.toMatchObject({
      code: 'too-large',
    });
  });

  it('works with a real File', async () => {
    const file = new File([new Uint8Array([37, 80, 68, 70])], 'ответ.pdf', { type: 'application/pdf' });
    const opened = await readChosenFile(file, { accept, maxBytes: 10 });
    expect([...opened.bytes]).toEqual([37, 80, 68, 70]);
  });
});

describe('blobPart', () => {
  it('reuses bytes in a plain ArrayBuffer and keeps only the viewed range', async () => {
    const bytes = new Uint8Array([9, 1, 2, 9]).subarray(1, 3);
    expect(blobPart(bytes)).toBe(bytes);
    expect([...new Uint8Array(await new Blob([blobPart(bytes)]).arrayBuffer())]).toEqual([1, 2]);
  });
});
