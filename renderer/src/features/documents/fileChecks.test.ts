import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex, type Desk } from '../../db';
import { openTestDesk } from '../../db/testing';
import { useDesk } from '../../stores/deskStore';
import type { FileReaders } from './fileCheck';
import { setFileReadersForTests, useFileChecks } from './fileChecks';

let desk: Desk;
let order: string[];
let release: () => void;

/** A reader that parses every PDF but waits for the test before answering, and notes the order. */
const readers: FileReaders = {
  pdf: async (bytes) => {
    order.push(new TextDecoder().decode(bytes));
    await new Promise<void>((resolve) => (release = resolve));
    return true;
  },
  image: () => Promise.resolve(false),
  signature: () => Promise.reject(new Error('no signed file here')),
};

beforeEach(async () => {
  desk = await openTestDesk();
  useDesk.setState({ desk });
  order = [];
  setFileReadersForTests(readers);
});
afterEach(() => {
  setFileReadersForTests(undefined);
  desk.close();
});

async function put(text: string, mimeType = 'application/pdf') {
  const meta = await desk.attachments.put(new Blob([text], { type: mimeType }), { fileName: text, mimeType });
  return { sha256: meta.sha256, mimeType };
}

describe('the file checks of the case on screen', () => {
  it('shows every file as being checked at once, then reads them one at a time', async () => {
    const a = await put('a');
    const b = await put('b');
    const done = useFileChecks.getState().check([a, b]);
    expect(useFileChecks.getState().files[a.sha256]).toEqual({ status: 'checking' });
    expect(useFileChecks.getState().files[b.sha256]).toEqual({ status: 'checking' });
    await expect.poll(() => order).toEqual(['a']);
    release();
    await expect.poll(() => order).toEqual(['a', 'b']);
    expect(useFileChecks.getState().files[a.sha256]).toEqual({ status: 'readable', kind: 'pdf' });
    release();
    await done;
    expect(useFileChecks.getState().files[b.sha256]).toEqual({ status: 'readable', kind: 'pdf' });
  });

  it('reads a file once per session, but looks again for one that was not stored', async () => {
    const a = await put('a');
    const late = { sha256: await sha256Hex(new TextEncoder().encode('late')), mimeType: 'application/pdf' };
    const first = useFileChecks.getState().check([a, late]);
    await expect.poll(() => order).toEqual(['a']);
    release();
    await first;
    expect(useFileChecks.getState().files[late.sha256]).toEqual({ status: 'unreadable', problem: 'missing' });
    await useFileChecks.getState().check([a]);
    expect(order).toEqual(['a']);
    // The missing file arrives (a later sync); opening the case again reads it, and only it.
    await put('late');
    const again = useFileChecks.getState().check([a, late]);
    expect(useFileChecks.getState().files[late.sha256]).toEqual({ status: 'checking' });
    await expect.poll(() => order).toEqual(['a', 'late']);
    release();
    await again;
    expect(useFileChecks.getState().files[late.sha256]).toEqual({ status: 'readable', kind: 'pdf' });
  });

  it('keeps what the viewer found when it could not draw a file', async () => {
    const a = await put('a');
    useFileChecks.getState().markUnreadable(a.sha256.toUpperCase());
    expect(useFileChecks.getState().files[a.sha256]).toEqual({ status: 'unreadable', problem: 'damaged' });
  });
});

describe('signature results and the signing settings', () => {
  it('checks a signed file again at once when the signing settings change; an unsigned one is kept', async () => {
    let verified = 0;
    let roots = 0;
    setFileReadersForTests({
      pdf: () => Promise.resolve(true),
      image: () => Promise.resolve(false),
      // What the verifier answers depends on the settings it reads: here, how many roots are trusted.
      signature: async () => {
        verified++;
        roots = (await desk.signingSettings.get()).trusted.length;
        return { detached: false, signatures: [] };
      },
    });
    const plain = await put('plain');
    const file = await put('signed');
    const cms = await put('cms', 'application/pkcs7-signature');
    const signedRef = { ...file, signature: { sha256: cms.sha256, size: 3 } };
    await useFileChecks.getState().check([plain, signedRef]);
    expect(verified).toBe(1);
    expect(roots).toBe(0);
    // Reopening the case with the same settings reads nothing again.
    await useFileChecks.getState().check([plain, signedRef]);
    expect(verified).toBe(1);

    const root = { role: 'root' as const, der: 'AAAA', sha256: 'a'.repeat(64) };
    const saved = await desk.signingSettings.save({ trusted: [root], ocsp: { fetch: false } });
    expect(saved.ok).toBe(true);
    // At once, without reopening the case: the signed file is being checked again, the other is kept.
    expect(useFileChecks.getState().files[file.sha256]).toEqual({ status: 'checking' });
    expect(useFileChecks.getState().files[plain.sha256]).toEqual({ status: 'readable', kind: 'pdf' });
    await expect.poll(() => verified).toBe(2);
    expect(roots).toBe(1);
    await expect.poll(() => useFileChecks.getState().files[file.sha256]?.status).toBe('readable');
  });
});
