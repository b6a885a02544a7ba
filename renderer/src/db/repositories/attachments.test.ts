import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS, MIN_ATTACHMENT_BYTES } from '../../../../shared/settings';
import type { Desk } from '../desk';
import { AttachmentTooLargeError } from '../errors';
import { openFailingDesk, openTestDesk, quotaError } from '../testing';
import { sha256Hex } from '../../../../shared/hash';

let desk: Desk | undefined;
afterEach(() => desk?.close());

const pdf = (text: string) =>
  new Blob([new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF`)], { type: 'application/pdf' });

describe('attachmentRepository', () => {
  it('computes the SHA-256 of the bytes (the published digest of "abc")', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('stores a file under its digest and gives the same bytes back', async () => {
    const d = (desk = await openTestDesk());
    const blob = pdf('one');
    const meta = await d.attachments.put(blob, { fileName: 'a.pdf', mimeType: 'application/pdf' });
    expect(meta).toMatchObject({
      sha256: await sha256Hex(await blob.arrayBuffer()),
      size: blob.size,
      fileName: 'a.pdf',
    });
    const stored = await d.attachments.get(meta.sha256.toUpperCase());
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(
      new Uint8Array(await blob.arrayBuffer()),
    );
    expect(await d.attachments.has(meta.sha256)).toBe(true);
    expect(await d.attachments.get('0'.repeat(64))).toBeUndefined();
  });

  it('stores the same bytes once, keeping the first name', async () => {
    const d = (desk = await openTestDesk());
    const first = await d.attachments.put(pdf('same'), {
      fileName: 'first.pdf',
      mimeType: 'application/pdf',
    });
    const second = await d.attachments.put(pdf('same'), {
      fileName: 'second.pdf',
      mimeType: 'application/pdf',
    });
    expect(second).toEqual(first);
    expect(await d.db.attachments.count()).toBe(1);
  });

  it('refuses a file over the limit of the settings with a typed error and stores nothing', async () => {
    const d = (desk = await openTestDesk());
    await d.settings.save({ ...structuredClone(DEMO_SETTINGS), maxAttachmentBytes: MIN_ATTACHMENT_BYTES });
    const huge = new Blob([new Uint8Array(MIN_ATTACHMENT_BYTES + 1)]);
    const error: unknown = await d.attachments
      .put(huge, { fileName: 'scan.pdf', mimeType: 'application/pdf' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentTooLargeError);
    expect(error).toMatchObject({
      code: 'attachment.too-large',
      size: MIN_ATTACHMENT_BYTES + 1,
      limit: MIN_ATTACHMENT_BYTES,
    });
    expect(await d.db.attachments.count()).toBe(0);
    // Exactly at the limit is allowed.
    await d.attachments.put(new Blob([new Uint8Array(MIN_ATTACHMENT_BYTES)]), {
      fileName: 'ok.pdf',
      mimeType: 'application/pdf',
    });
    expect(await d.db.attachments.count()).toBe(1);
  });

  it("reports a full disk as 'quota' and keeps the files already stored", async () => {
    let full = false;
    const d = (desk = await openFailingDesk('attachments', quotaError, () => full));
    const kept = await d.attachments.put(pdf('kept'), { fileName: 'kept.pdf', mimeType: 'application/pdf' });
    full = true;
    await expect(
      d.attachments.put(pdf('new'), { fileName: 'new.pdf', mimeType: 'application/pdf' }),
    ).rejects.toMatchObject({
      code: 'quota',
    });
    full = false;
    expect(await d.db.attachments.count()).toBe(1);
    expect(await d.attachments.has(kept.sha256)).toBe(true);
  });
});
