/**
 * Why the sync pull's page transactions are slow (issue 9): IndexedDB's cost in Chromium is per
 * record, not per byte. Raw IndexedDB (no Dexie), one readwrite transaction each, on a disk
 * profile: 12,000 small records (the size of a caseFiles reference) against the same records
 * packed ten to a record, and 12,000 event-sized records against the same packed eight to a
 * record (a case's events). Three rounds, each on a fresh database, load average printed.
 * Alone: `npx tsx test/bench/idb-records.ts` (BENCH_PORT, default 4329).
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';

const PORT = Number(process.env.BENCH_PORT ?? 4329);
const N = 12_000;

/** In the page: the four writes of one round, ms each. */
async function round({ n, count }: { n: number; count: number }): Promise<Record<string, number>> {
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    const open = indexedDB.open(`records-${n}`, 1);
    open.onupgradeneeded = () => {
      for (const name of ['small', 'packed', 'event'])
        open.result.createObjectStore(name, { keyPath: ['caseId', 'k'] });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
  });
  const write = async (store: string, values: unknown[]) => {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      for (const v of values) tx.objectStore(store).put(v);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    });
    return Math.round(performance.now() - t0);
  };
  const small = Array.from({ length: count }, (_, i) => ({
    caseId: `case-${Math.floor(i / 3)}`,
    k: `${'e'.repeat(64)}${i}`,
    role: 'attachment',
    eventId: crypto.randomUUID(),
    seq: i % 7,
  }));
  const packed = Array.from({ length: count / 10 }, (_, i) => ({
    caseId: `case-${i}`,
    k: 0,
    refs: small.slice(i * 10, i * 10 + 10),
  }));
  const events = Array.from({ length: count }, (_, i) => ({
    caseId: `case-${Math.floor(i / 8)}`,
    k: i % 8,
    id: crypto.randomUUID(),
    type: 'registered',
    at: new Date().toISOString(),
    actor: { userId: 'officer-1', role: 'officer' },
    payload: { text: 'y'.repeat(400), n: i },
  }));
  const cases = Array.from({ length: count / 8 }, (_, i) => ({
    caseId: `case-${i}`,
    k: 'all',
    events: events.slice(i * 8, i * 8 + 8),
  }));
  const result = {
    [`${count} small records`]: await write('small', small),
    [`the same, ${count / 10} records of 10`]: await write('packed', packed),
    [`${count} events`]: await write('event', events),
    [`the same, ${count / 8} records of 8`]: await write('event', cases),
  };
  db.close();
  return result;
}

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>idb</title>');
});
await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
const profile = mkdtempSync(join(tmpdir(), 'idb-records-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath(),
  args: CHROMIUM_ARGS,
});
try {
  const page = await context.newPage();
  // tsx names functions with a helper of its own, which the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(`http://127.0.0.1:${PORT}/`);
  for (let n = 0; n < 3; n += 1) {
    const ms = await page.evaluate(round, { n, count: N });
    process.stdout.write(
      `${JSON.stringify(ms)} ms; load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}\n`,
    );
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
