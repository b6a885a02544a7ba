import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostError, type HostBlobStore, type StoredBlobInfo } from '../../../../shared/host';
import { almaty, grantedAndClosed, makeEvent } from '../../../../shared/workflow/testing/scenario';
import { caseWorkingSet } from '../cases/working-set';
import { StorageError } from '../errors';
import { openDesk, type Desk } from '../desk';
import { uniqueName } from '../testing';
import { sha256Hex } from '../../../../shared/hash';
import { SWEEP_GRACE_MS } from './host-files';

/** The Electron host's file store as the renderer sees it: hashes checked on put and get, like main. */
class FakeBlobs implements HostBlobStore {
  readonly files = new Map<string, { bytes: Uint8Array; modifiedAt: number }>();
  clock = Date.now();
  onDelete: ((sha256s: readonly string[]) => Promise<void>) | null = null;
  /** What the next puts fail with (a full disk), until it is set back to null. */
  failPut: HostError | null = null;
  /** Runs once the bytes are kept, before put answers (a throw: the answer never came back). */
  afterPut: ((sha256: string) => Promise<void>) | null = null;
  readonly puts: string[] = [];
  async put(sha256: string, bytes: Uint8Array) {
    if (this.failPut) throw this.failPut;
    this.puts.push(sha256);
    if ((await sha256Hex(bytes)) !== sha256)
      throw new HostError('invalid-request', 'bytes have another SHA-256');
    this.files.set(sha256, { bytes: new Uint8Array(bytes), modifiedAt: this.clock });
    await this.afterPut?.(sha256);
  }
  async get(sha256: string) {
    const file = this.files.get(sha256);
    if (!file) return null;
    if ((await sha256Hex(file.bytes)) !== sha256) throw new HostError('altered', 'stored file altered');
    return new Uint8Array(file.bytes);
  }
  async delete(sha256s: readonly string[]) {
    await this.onDelete?.(sha256s);
    for (const s of sha256s) this.files.delete(s);
  }
  usage() {
    const sizes = [...this.files.values()].map((f) => f.bytes.byteLength);
    return Promise.resolve({ bytes: sizes.reduce((a, b) => a + b, 0), count: sizes.length });
  }
  list(): Promise<StoredBlobInfo[]> {
    return Promise.resolve([...this.files].map(([sha256, f]) => ({ sha256, modifiedAt: f.modifiedAt })));
  }
}

const opened: Desk[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));
async function deskWith(blobs: HostBlobStore | null, name = uniqueName('files')): Promise<Desk> {
  const desk = await openDesk({ name, blobs });
  opened.push(desk);
  return desk;
}

const pdf = (text: string) => new Blob([`%PDF-1.7 ${text}`], { type: 'application/pdf' });
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/** A closed case and a document produced on it (with its bytes), as working-set.test.ts makes them. */
async function closedWithDocument(desk: Desk, caseId: string, text: string) {
  const s = grantedAndClosed();
  const r = await desk.cases.ingest(
    caseId,
    s.events.map((e) => ({ ...e, caseId })),
    'remote',
  );
  if (!r.ok) throw new Error(r.reason.code);
  const blob = pdf(text);
  const sha256 = await sha256Hex(await blob.arrayBuffer());
  const event = makeEvent(
    r.state,
    'document-produced',
    { form: 'order', language: 'kk', sha256, templateId: 'order.kk', templateVersion: '1.0.0' },
    { at: almaty('2026-12-23') },
  );
  const done = await desk.cases.ingest(caseId, [event], 'local', {
    files: [{ sha256, blob, fileName: 'order.pdf', mimeType: 'application/pdf' }],
  });
  if (!done.ok) throw new Error(done.reason.code);
  return { event, sha256, blob };
}

describe('the files’ two homes', () => {
  it('keeps the bytes in IndexedDB without a host file store, and in the host’s store with one', async () => {
    const blob = pdf('одно и то же');
    const sha = await sha256Hex(await blob.arrayBuffer());
    const meta = { fileName: 'a.pdf', mimeType: 'application/pdf' };

    const browser = await deskWith(null);
    expect(browser.attachments.home).toBe('indexeddb');
    await browser.attachments.put(blob, meta);
    expect((await browser.db.attachments.get(sha))?.blob).toBeInstanceOf(Blob);

    const blobs = new FakeBlobs();
    const electron = await deskWith(blobs);
    expect(electron.attachments.home).toBe('host');
    await electron.attachments.put(blob, meta);
    const record = await electron.db.attachments.get(sha);
    expect(record).toMatchObject({ sha256: sha, home: 'host', fileName: 'a.pdf', size: blob.size });
    expect(record?.blob).toBeUndefined();
    expect(blobs.files.get(sha)!.bytes).toEqual(await bytesOf(blob));

    // One read, whichever home.
    for (const desk of [browser, electron]) {
      const stored = await desk.attachments.get(sha.toUpperCase());
      expect(await bytesOf(stored!.blob)).toEqual(await bytesOf(blob));
      expect(stored!.meta).toMatchObject({ fileName: 'a.pdf', mimeType: 'application/pdf' });
    }
  });

  it('puts a produced document’s bytes on the host before the ingest stores its record', async () => {
    const blobs = new FakeBlobs();
    const desk = await deskWith(blobs);
    const { sha256, blob } = await closedWithDocument(desk, 'case-1', 'order');
    expect(blobs.files.has(sha256)).toBe(true);
    expect((await desk.db.attachments.get(sha256))?.home).toBe('host');
    expect(await bytesOf((await desk.attachments.get(sha256))!.blob)).toEqual(await bytesOf(blob));
  });

  it('never serves a file altered on the host: get rejects with "altered"', async () => {
    const blobs = new FakeBlobs();
    const desk = await deskWith(blobs);
    const meta = await desk.attachments.put(pdf('x'), { fileName: 'x.pdf', mimeType: 'application/pdf' });
    blobs.files.get(meta.sha256)!.bytes[0] = 0x26;
    await expect(desk.attachments.get(meta.sha256)).rejects.toMatchObject({ code: 'altered' });
  });

  it('drops the record of a file gone from the host, so it can be fetched again', async () => {
    const blobs = new FakeBlobs();
    const desk = await deskWith(blobs);
    const meta = await desk.attachments.put(pdf('gone'), { fileName: 'g.pdf', mimeType: 'application/pdf' });
    blobs.files.delete(meta.sha256);
    expect(await desk.attachments.get(meta.sha256)).toBeUndefined();
    expect(await desk.attachments.has(meta.sha256)).toBe(false);
  });
});

describe('a full disk under the host’s file store', () => {
  it('is the disk-full storage problem, and stores no record for bytes that were not written', async () => {
    const blobs = new FakeBlobs();
    const desk = await deskWith(blobs);
    blobs.failPut = new HostError('disk-full', 'host:blob-put: no room on the disk');
    const blob = pdf('no room');
    const put = desk.attachments.put(blob, { fileName: 'n.pdf', mimeType: 'application/pdf' });
    await expect(put).rejects.toBeInstanceOf(StorageError);
    await expect(put).rejects.toMatchObject({ code: 'disk-full' });
    expect(await desk.db.attachments.count()).toBe(0);

    // A produced document: neither its record nor its event is stored.
    await expect(closedWithDocument(desk, 'case-full', 'order')).rejects.toMatchObject({ code: 'disk-full' });
    expect(await desk.db.attachments.count()).toBe(0);
    const detail = await desk.cases.get('case-full');
    // The remote history only: the produced document's event went with its bytes.
    expect(detail!.events).toHaveLength(grantedAndClosed().events.length);

    // Room again: the same file is stored.
    blobs.failPut = null;
    const meta = await desk.attachments.put(blob, { fileName: 'n.pdf', mimeType: 'application/pdf' });
    expect(await bytesOf((await desk.attachments.get(meta.sha256))!.blob)).toEqual(await bytesOf(blob));
  });
});

describe('moving files IndexedDB kept before the host’s file store', () => {
  const meta = (n: number) => ({ fileName: `f${n}.pdf`, mimeType: 'application/pdf' });

  /** A desk that stored `count` files (and one produced document) in IndexedDB, as before Stop 16. */
  async function olderDesk(name: string, count: number) {
    const before = await deskWith(null, name);
    const stored = [];
    for (let n = 0; n < count; n++) stored.push(await before.attachments.put(pdf(`file ${n}`), meta(n)));
    const doc = await closedWithDocument(before, 'case-old', 'old order');
    before.close();
    const blobsOf = new Map<string, Uint8Array>();
    for (const m of stored) blobsOf.set(m.sha256, await bytesOf(pdf(`file ${stored.indexOf(m)}`)));
    blobsOf.set(doc.sha256, await bytesOf(doc.blob));
    return blobsOf;
  }

  /** Every file reads back whole, wherever it is; and where each one is. */
  async function homes(desk: Desk, expected: Map<string, Uint8Array>) {
    const where: Record<string, string> = {};
    for (const [sha, bytes] of expected) {
      const stored = await desk.attachments.get(sha);
      expect(await bytesOf(stored!.blob)).toEqual(bytes);
      const record = (await desk.db.attachments.get(sha))!;
      // Never half: a host record has no blob, an IndexedDB one has its blob.
      expect(record.home === 'host' ? record.blob === undefined : record.blob instanceof Blob).toBe(true);
      where[sha] = record.home ?? 'indexeddb';
    }
    return where;
  }

  it('moves them to the host at open, each record switched with its blob dropped, all still readable', async () => {
    const name = uniqueName('migrate');
    const expected = await olderDesk(name, 3);
    const blobs = new FakeBlobs();
    const desk = await deskWith(blobs, name);
    await vi.waitFor(async () =>
      expect(Object.values(await homes(desk, expected))).toEqual(Array(4).fill('host')),
    );
    for (const [sha, bytes] of expected) expect(blobs.files.get(sha)!.bytes).toEqual(bytes);
    // Nothing left to move: a second run puts nothing.
    const puts = blobs.puts.length;
    expect(await desk.attachments.migrate()).toBe(0);
    expect(blobs.puts).toHaveLength(puts);
  });

  it('stops at a full disk with nothing lost, and the next start finishes the job', async () => {
    const name = uniqueName('migrate-full');
    const expected = await olderDesk(name, 3);
    const blobs = new FakeBlobs();
    let room = 2;
    blobs.afterPut = () => {
      if (--room === 0) blobs.failPut = new HostError('disk-full', 'no room');
      return Promise.resolve();
    };
    // The run at open stops at the third file; a run called now stops there too.
    const first = await deskWith(blobs, name);
    await vi.waitFor(() => expect(blobs.failPut).not.toBeNull());
    await expect(first.attachments.migrate()).rejects.toMatchObject({ code: 'disk-full' });
    const cut = await homes(first, expected);
    expect(Object.values(cut).filter((h) => h === 'host')).toHaveLength(2);
    expect(Object.values(cut).filter((h) => h === 'indexeddb')).toHaveLength(2);
    first.close();

    blobs.failPut = null;
    blobs.afterPut = null;
    const restarted = await deskWith(blobs, name);
    await vi.waitFor(async () =>
      expect(Object.values(await homes(restarted, expected))).toEqual(Array(4).fill('host')),
    );
  });

  it('loses nothing when cut between the put and the switch: reads work meanwhile, a re-run switches', async () => {
    const name = uniqueName('migrate-crash');
    const expected = await olderDesk(name, 1);
    const blobs = new FakeBlobs();
    const desk = await deskWith(null, name);
    const reads: boolean[] = [];
    blobs.afterPut = async (sha) => {
      // The host has the bytes, IndexedDB still has them and its record: a read in between.
      const stored = await desk.attachments.get(sha);
      reads.push((await bytesOf(stored!.blob)).length === expected.get(sha)!.length);
      throw new Error('the desk crashed before the answer came');
    };
    const crashing = await deskWith(blobs, name);
    await expect(crashing.attachments.migrate()).rejects.toThrow('crashed');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every(Boolean)).toBe(true);
    // Both homes hold the bytes; IndexedDB's record still names its own.
    expect(Object.values(await homes(crashing, expected))).toEqual(['indexeddb', 'indexeddb']);
    // Each run stopped at its first file, which the host keeps (put by both runs).
    expect(blobs.files.size).toBe(1);
    expect(expected.has([...blobs.files.keys()][0]!)).toBe(true);

    // Swept as unreferenced meanwhile (the record still says IndexedDB): still nothing lost.
    blobs.afterPut = null;
    expect(await crashing.attachments.sweep({ now: blobs.clock + SWEEP_GRACE_MS })).toBe(1);
    expect(Object.values(await homes(crashing, expected)).every((h) => h === 'indexeddb')).toBe(true);
    // Page by page (one record a page here): every page is gone through.
    expect(await crashing.attachments.migrate({ pageSize: 1 })).toBe(expected.size);
    expect(Object.values(await homes(crashing, expected)).every((h) => h === 'host')).toBe(true);
  });

  it('leaves a record whose own bytes are damaged in IndexedDB and moves the others', async () => {
    const name = uniqueName('migrate-damaged');
    const expected = await olderDesk(name, 2);
    const [damagedSha, ...others] = [...expected.keys()];
    const raw = await deskWith(null, name);
    const record = (await raw.db.attachments.get(damagedSha!))!;
    await raw.db.attachments.put({ ...record, home: undefined, blob: pdf('not what the name says') });
    raw.close();
    const blobs = new FakeBlobs();
    const desk = await deskWith(blobs, name);
    await vi.waitFor(async () => {
      for (const sha of others) expect((await desk.db.attachments.get(sha))?.home).toBe('host');
    });
    expect(await desk.attachments.migrate()).toBe(0);
    expect((await desk.db.attachments.get(damagedSha!))?.blob).toBeInstanceOf(Blob);
    expect(blobs.files.has(damagedSha!)).toBe(false);
  });
});

describe('deleting files kept on the host', () => {
  it('deletes an evicted case’s bytes only after the transaction removing their record committed', async () => {
    const blobs = new FakeBlobs();
    const desk = await deskWith(blobs);
    const doc = await closedWithDocument(desk, 'old', 'evicted');
    await desk.outbox.acknowledge([doc.event.id]);
    const seen: Array<boolean> = [];
    blobs.onDelete = async (shas) => {
      // Read from another transaction: what is committed.
      for (const s of shas) seen.push((await desk.db.attachments.get(s)) === undefined);
    };
    const result = await caseWorkingSet(desk).evictSettled('2027-06-01', null);
    expect(result.freedFiles).toBe(1);
    expect(seen).toEqual([true]);
    expect(blobs.files.has(doc.sha256)).toBe(false);
  });

  it('deletes nothing when the transaction fails', async () => {
    const blobs = new FakeBlobs();
    const desk = await deskWith(blobs);
    const meta = await desk.attachments.put(pdf('kept'), { fileName: 'k.pdf', mimeType: 'application/pdf' });
    const failing = desk.attachments.deleting((drop) =>
      desk.db.transaction('rw', desk.db.attachments, async () => {
        const record = (await desk.db.attachments.get(meta.sha256))!;
        await desk.db.attachments.delete(meta.sha256);
        drop([record]);
        throw new Error('aborted');
      }),
    );
    await expect(failing).rejects.toThrow('aborted');
    expect(blobs.files.has(meta.sha256)).toBe(true);
    expect(await desk.attachments.get(meta.sha256)).toBeDefined();
  });

  it('clears the host’s files with the demo reset, after the clearing', async () => {
    const blobs = new FakeBlobs();
    const desk = await deskWith(blobs);
    await desk.attachments.put(pdf('demo'), { fileName: 'd.pdf', mimeType: 'application/pdf' });
    await desk.clearAll();
    expect(blobs.files.size).toBe(0);
  });
});

describe('the sweep of unreferenced files', () => {
  it('removes old files no record names, spares young ones and referenced ones, and runs at open', async () => {
    const blobs = new FakeBlobs();
    const name = uniqueName('sweep');
    const desk = await deskWith(blobs, name);
    const kept = await desk.attachments.put(pdf('kept'), { fileName: 'k.pdf', mimeType: 'application/pdf' });
    const orphan = pdf('orphan');
    const young = pdf('young');
    const orphanSha = await sha256Hex(await orphan.arrayBuffer());
    const youngSha = await sha256Hex(await young.arrayBuffer());
    await blobs.put(orphanSha, await bytesOf(orphan));
    const now = blobs.clock + SWEEP_GRACE_MS + 1;
    blobs.clock = now - 1000;
    await blobs.put(youngSha, await bytesOf(young));

    expect(await desk.attachments.sweep({ now })).toBe(1);
    expect([...blobs.files.keys()].sort()).toEqual([kept.sha256, youngSha].sort());

    // At open, in the background: the young file has aged meanwhile.
    desk.close();
    for (const f of blobs.files.values()) f.modifiedAt -= SWEEP_GRACE_MS * 2;
    await deskWith(blobs, name);
    await vi.waitFor(() => expect([...blobs.files.keys()]).toEqual([kept.sha256]));
  });
});
