import 'fake-indexeddb/auto';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex, type Desk } from '../../db';
import { openTestDesk } from '../../db/testing';
import { committedDemoFiles } from '../../demo/files/committed';
import { HostError } from '../../../../shared/host';
import { verifyCms } from '../../../../shared/signing/verify';
import { checkFile, pdfParses, type FileReaders } from './fileCheck';

const files = committedDemoFiles();

/** pdf.js as Node runs it (its legacy build, no worker); images by their PNG signature and IEND. */
const readers: FileReaders = {
  pdf: (bytes) => pdfParses(pdfjs, bytes),
  image: (bytes) => {
    const text = new TextDecoder('latin1').decode(bytes);
    return Promise.resolve(text.startsWith('\x89PNG') && text.includes('IEND'));
  },
  signature: (content, cms) => verifyCms(cms, content),
};

let desk: Desk;
beforeEach(async () => {
  desk = await openTestDesk();
});
afterEach(() => desk.close());

async function stored(bytes: Uint8Array, mimeType: string) {
  const meta = await desk.attachments.put(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }), {
    fileName: 'f',
    mimeType,
  });
  return { sha256: meta.sha256, mimeType };
}

const load = (sha: string) => desk.attachments.get(sha);

describe('checkFile', () => {
  it('reads a good PDF and a good image', async () => {
    const pdf = await stored(files['application.pdf'], 'application/pdf');
    const png = await stored(files['study-abroad.png'], 'image/png');
    expect(await checkFile(pdf, load, readers)).toEqual({ status: 'readable', kind: 'pdf' });
    expect(await checkFile(png, load, readers)).toEqual({ status: 'readable', kind: 'image' });
  });

  it('finds the demo’s corrupt PDF damaged although its digest is right', async () => {
    const ref = await stored(files['corrupt.pdf'], 'application/pdf');
    expect(await checkFile(ref, load, readers)).toEqual({ status: 'unreadable', problem: 'damaged' });
  });

  it('finds an image sent as a PDF damaged: the type decides how it is read', async () => {
    const ref = await stored(files['study-abroad.png'], 'application/pdf');
    expect(await checkFile(ref, load, readers)).toEqual({ status: 'unreadable', problem: 'damaged' });
  });

  it('finds a file whose stored bytes are not the delivered ones altered, before parsing it', async () => {
    const good = files['application.pdf'];
    const delivered = await sha256Hex(good);
    // The store answers for the delivered digest with other bytes (a damaged database, a bad copy).
    const other = new Blob([files['progress-record.pdf'] as Uint8Array<ArrayBuffer>]);
    const lying = () =>
      Promise.resolve({
        blob: other,
        meta: {
          sha256: delivered,
          fileName: 'f',
          mimeType: 'application/pdf',
          size: other.size,
          storedAt: '',
        },
      });
    let parsed = 0;
    const counting: FileReaders = {
      pdf: () => Promise.resolve(++parsed > 0),
      image: readers.image,
      signature: readers.signature,
    };
    expect(await checkFile({ sha256: delivered, mimeType: 'application/pdf' }, lying, counting)).toEqual({
      status: 'unreadable',
      problem: 'altered',
    });
    expect(parsed).toBe(0);
  });

  it('says a file is not stored, cannot be reached, or is of a type the desk cannot read', async () => {
    const absent = { sha256: 'ab'.repeat(32), mimeType: 'application/pdf' };
    expect(await checkFile(absent, load, readers)).toEqual({ status: 'unreadable', problem: 'missing' });
    const failing = () => Promise.reject(new Error('storage'));
    expect(await checkFile(absent, failing, readers)).toEqual({ status: 'unreadable', problem: 'storage' });
    // The host's file store refuses a file changed on disk (Host.blobs): shown as altered, not as storage.
    const alteredOnHost = () => Promise.reject(new HostError('altered', 'stored file altered'));
    expect(await checkFile(absent, alteredOnHost, readers)).toEqual({
      status: 'unreadable',
      problem: 'altered',
    });
    const unreadableBlob = () =>
      Promise.resolve({
        blob: { arrayBuffer: () => Promise.reject(new Error('NotReadableError')) } as unknown as Blob,
        meta: { sha256: absent.sha256, fileName: 'f', mimeType: 'application/pdf', size: 1, storedAt: '' },
      });
    expect(await checkFile(absent, unreadableBlob, readers)).toEqual({
      status: 'unreadable',
      problem: 'storage',
    });
    const doc = await stored(new TextEncoder().encode('hello'), 'application/msword');
    expect(await checkFile(doc, load, readers)).toEqual({ status: 'unreadable', problem: 'unsupported' });
  });

  it('counts a parser that throws as a file that does not read', async () => {
    const ref = await stored(files['application.pdf'], 'application/pdf');
    const throwing: FileReaders = {
      pdf: () => Promise.reject(new Error('boom')),
      image: readers.image,
      signature: readers.signature,
    };
    expect(await checkFile(ref, load, throwing)).toEqual({ status: 'unreadable', problem: 'damaged' });
  });
});
