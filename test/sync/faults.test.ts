import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createApiClient, MemoryUrlStorage, takeCase, uploadFile } from '../../shared/sync';
import { startCentral, type Central } from './central';
import { enrolledDesk, registerLocally, serverEventIds } from './harness';
import { startProxy, type FaultProxy } from './proxy';

let central: Central;
let proxy: FaultProxy;
beforeAll(async () => {
  central = await startCentral();
  proxy = await startProxy(central.url);
}, 180_000);
afterAll(async () => {
  await proxy?.close();
  await central?.stop();
});

describe('a network that drops mid-transfer (fault-injection proxy)', () => {
  it('resumes an upload cut mid-way from the server’s offset, and the server holds the whole file', async () => {
    const a = await enrolledDesk(central, 'officer-1', { via: proxy.url });
    const bytes = randomBytes(320 * 1024);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const api = createApiClient({
      baseUrl: proxy.url,
      fetch: (i, init) => fetch(i, init),
      token: () => Promise.resolve(a.token),
    });
    const before = proxy.upstreamBytes();
    proxy.cutAfter(200 * 1024); // a connection that has carried 200 KB up is cut
    const chunk = 64 * 1024;
    const done = await uploadFile(
      api,
      {
        sha256,
        fileName: 'order.pdf',
        mimeType: 'application/pdf',
        size: bytes.length,
        data: new Blob([bytes]),
      },
      {
        fetch: (i, init) => fetch(i, init),
        urlStorage: new MemoryUrlStorage(),
        chunkSize: chunk,
        retryDelays: [100, 300, 1000],
      },
    );
    expect(done).toBe('uploaded');
    expect(proxy.cuts()).toBe(1);
    const sent = proxy.upstreamBytes() - before;
    // Started again from zero it would be at least 200 KB + 320 KB; resumed, at most one chunk is sent twice.
    expect(sent).toBeLessThan(bytes.length + chunk + 32 * 1024);
    const back = await api.raw(`/files/${sha256}`);
    expect(back.status).toBe(200);
    expect(
      createHash('sha256')
        .update(Buffer.from(await back.arrayBuffer()))
        .digest('hex'),
    ).toBe(sha256);
  });

  it('a batch cut mid-request is sent again and applied exactly once', async () => {
    const a = await enrolledDesk(central, 'officer-1', { via: proxy.url });
    await a.engine.sync();
    const { rows } = await a.desk.cases.list({ assignedTo: null, stages: ['registration'] });
    const caseId = rows[0]!.caseId;
    expect((await takeCase(a.api, caseId, randomUUID())).ok).toBe(true);
    await a.engine.sync();
    const registered = await registerLocally(a, caseId, `SYNC-F-${Date.now()}`);
    proxy.cutAfter(300); // inside the POST /events request
    const cutsBefore = proxy.cuts();
    await expect(a.engine.sync()).rejects.toMatchObject({ kind: 'network' });
    expect(proxy.cuts()).toBe(cutsBefore + 1);
    const [entry] = await a.desk.outbox.list();
    expect(entry).toMatchObject({ status: 'pending', attempts: 1 });
    expect(Date.parse(entry!.nextAttemptAt)).toBeGreaterThan(Date.now());
    // The officer asks again later: the back-off has passed.
    await a.desk.outbox.retryLater([registered.id], new Date().toISOString(), 'test', false);
    await a.engine.sync();
    expect(await a.desk.outbox.countUnsent()).toBe(0);
    const ids = await serverEventIds(a, caseId);
    expect(ids.filter((id) => id === registered.id)).toHaveLength(1);
  });

  it('the network down: the desk says offline and keeps everything', async () => {
    const a = await enrolledDesk(central, 'officer-2', { via: proxy.url });
    proxy.down();
    try {
      await expect(a.engine.sync()).rejects.toMatchObject({ kind: 'network' });
      expect(a.engine.status().phase).toBe('offline');
    } finally {
      proxy.restore();
    }
    const outcome = await a.engine.sync();
    expect(outcome?.pulled.cases).toBeGreaterThan(0);
    expect(a.engine.status().phase).toBe('idle');
  });
});
