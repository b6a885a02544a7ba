import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { HostError, type HostBlobStore } from '../../../../shared/host';
import type { CaseEvent } from '../../../../shared/workflow';
import { openDesk, type Desk } from '../../db';
import { openTestDesk, uniqueName } from '../../db/testing';
import { deskSyncStore } from './deskSyncStore';

let desk: Desk | undefined;
afterEach(() => desk?.close());

const pdf = (text: string) =>
  new Blob([new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF`)], { type: 'application/pdf' });

describe('deskSyncStore.filesOf', () => {
  it('uploads every file a signed event names: the document, the CMS and the signed PDF', async () => {
    const d = (desk = await openTestDesk());
    const document = await d.attachments.put(pdf('produced'), {
      fileName: 'e.pdf',
      mimeType: 'application/pdf',
    });
    const signedPdf = await d.attachments.put(pdf('signed'), {
      fileName: 'e_signed.pdf',
      mimeType: 'application/pdf',
    });
    const cms = await d.attachments.put(new Blob([new Uint8Array([0x30, 0x80, 1, 2])]), {
      fileName: 'e_signed.pdf.cms',
      mimeType: 'application/pkcs7-signature',
    });
    const signed = {
      id: 'e1',
      caseId: 'c1',
      baseVersion: 7,
      schemaVersion: 3,
      type: 'signed',
      payload: {
        signatureFormat: 'cms-detached',
        documentSha256: document.sha256,
        signatureSha256: cms.sha256,
        signedPdfSha256: signedPdf.sha256,
        certificateSerial: '01',
        signerName: 'x',
        signedAt: '2026-12-02T10:00:00+05:00',
        timestamped: false,
      },
      actor: { userId: 'u1', role: 'officer' },
      at: '2026-12-02T10:00:00+05:00',
      origin: 'desk',
    } as unknown as CaseEvent;
    const files = await deskSyncStore(d).filesOf([signed]);
    expect(files.map((f) => f.sha256).sort()).toEqual([document.sha256, signedPdf.sha256, cms.sha256].sort());
    expect(files.find((f) => f.sha256 === signedPdf.sha256)?.fileName).toBe('e_signed.pdf');
  });

  it('leaves out a file altered in the host’s store and still gives the others (one file blocks nothing)', async () => {
    const kept = new Map<string, Uint8Array>();
    let altered = '';
    const blobs: HostBlobStore = {
      put: (sha, bytes) => Promise.resolve(void kept.set(sha, bytes)),
      get: (sha) =>
        sha === altered
          ? Promise.reject(new HostError('altered', 'stored file altered'))
          : Promise.resolve(kept.get(sha) ?? null),
      delete: () => Promise.resolve(),
      list: () => Promise.resolve([]),
      usage: () => Promise.resolve({ bytes: 0, count: 0 }),
    };
    const d = (desk = await openDesk({ name: uniqueName('sync-altered'), blobs }));
    const document = await d.attachments.put(pdf('produced'), {
      fileName: 'e.pdf',
      mimeType: 'application/pdf',
    });
    const cms = await d.attachments.put(new Blob([new Uint8Array([0x30, 0x80, 3])]), {
      fileName: 'e.pdf.cms',
      mimeType: 'application/pkcs7-signature',
    });
    altered = document.sha256;
    const signed = {
      id: 'e2',
      caseId: 'c1',
      baseVersion: 7,
      schemaVersion: 3,
      type: 'signed',
      payload: {
        signatureFormat: 'cms-detached',
        documentSha256: document.sha256,
        signatureSha256: cms.sha256,
      },
      actor: { userId: 'u1', role: 'officer' },
      at: '2026-12-02T10:00:00+05:00',
      origin: 'desk',
    } as unknown as CaseEvent;
    const files = await deskSyncStore(d).filesOf([signed]);
    expect(files.map((f) => f.sha256)).toEqual([cms.sha256]);
  });
});
