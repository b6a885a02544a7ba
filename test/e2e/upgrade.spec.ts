/**
 * Dexie upgrade 009 (each open complaint in the queue row) in real Chromium, not only in
 * fake-indexeddb: the page's database is rewritten as a version 8 desk stored it — the stores and
 * indexes that `declareSchema(db, 8)` declares, the queue rows cut back to the 26 positions versions
 * 5–8 wrote (no complaint list), no dashboard facts — and the desk then opens it, upgrades it and
 * shows every complaint in its row, to whom and due when.
 */
// Before Dexie loads: the schema's declaration is materialised in this Node process on fake-indexeddb.
import 'fake-indexeddb/auto';
import { expect, test } from '@playwright/test';
import { DeskDatabase } from '../../renderer/src/db/database';
import { LATEST_VERSION } from '../../renderer/src/db/schema';
import kkMore from '../../renderer/src/i18n/kk/ux-more.json' with { type: 'json' };
import { DeskPage, OFFICER } from './pages/DeskPage';
import { QueuePage } from './pages/QueuePage';

interface StoreShape {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

/** What a version 8 desk's IndexedDB holds, store by store, read from the schema's own declaration. */
async function version8Shape(): Promise<{ version: number; stores: StoreShape[] }> {
  const db = new DeskDatabase('v8-shape', 8);
  await db.open();
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames];
  const tx = idb.transaction(names, 'readonly');
  const stores = names.map((name): StoreShape => {
    const store = tx.objectStore(name);
    return {
      name,
      keyPath: store.keyPath,
      autoIncrement: store.autoIncrement,
      indexes: [...store.indexNames].map((i) => {
        const index = store.index(i);
        return { name: i, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
      }),
    };
  });
  const version = idb.version;
  db.close();
  return { version, stores };
}

test('a version 8 desk opens upgraded: each open complaint in its queue row, to whom and due when', async ({
  page,
  context,
}) => {
  // The demo's first start, the rewrite and the background rebuild on two shared cores.
  test.setTimeout(150_000);
  const shape = await version8Shape();
  expect(shape.version).toBe(80);
  expect(shape.stores.map((s) => s.name)).not.toContain('caseFacts');
  const desk = new DeskPage(page, context);
  await desk.open();

  // The rewrite runs on a document of the desk's origin where the desk itself is not running (the
  // build's file list, plain JSON): the desk's background work (arrival checks, idle loading, the
  // rebuild) would otherwise open the database again between its deletion and the version 8 open,
  // and create the latest version (CI saw "the requested version (80) is less than … (120)").
  await page.goto(new URL('/offline-assets.json', page.url()).href);

  const written = await page.evaluate(async ({ version, stores }) => {
    const NAME = 'externship-desk';
    // Versions 5–8 wrote the queue row as a tuple of 26; 9 added the complaint list after them.
    const V8_ROW = 26;
    // A version 8 desk had no dashboard facts, so it never marked them filled.
    const NOT_IN_V8 = new Set(['dashboard.caseFacts']);
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('request failed'));
      });
    const openDb = (v?: number, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(NAME, v);
        r.onupgradeneeded = () => upgrade?.(r.result);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('request failed'));
        r.onblocked = () => reject(new Error('blocked'));
      });

    const current = await openDb();
    const dump = new Map<string, { key: IDBValidKey; value: unknown }[]>();
    const tx = current.transaction(
      stores.map((s) => s.name),
      'readonly',
    );
    for (const s of stores) {
      const keys = await request(tx.objectStore(s.name).getAllKeys());
      const values: unknown[] = await request(tx.objectStore(s.name).getAll());
      dump.set(
        s.name,
        keys.map((key, i) => ({ key, value: values[i] })),
      );
    }
    const fromVersion = current.version;
    current.close();
    // No desk runs on this page, so nothing holds a connection or opens the database again.
    await request(indexedDB.deleteDatabase(NAME));

    const old = await openDb(version, (db) => {
      for (const s of stores) {
        const store = db.createObjectStore(s.name, {
          keyPath: s.keyPath ?? undefined,
          autoIncrement: s.autoIncrement,
        });
        for (const i of s.indexes)
          store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
    });
    const write = old.transaction(
      stores.map((s) => s.name),
      'readwrite',
    );
    let cutRows = 0;
    let rowsWithComplaints = 0;
    for (const s of stores) {
      const store = write.objectStore(s.name);
      for (const { key, value } of dump.get(s.name)!) {
        let stored = value;
        if (s.name === 'queuePages') {
          const page = value as { rows: unknown[][] };
          stored = {
            ...page,
            rows: page.rows.map((row) => {
              if (row.length > V8_ROW) cutRows += 1;
              if (typeof row[23] === 'number' && row[23] > 0) rowsWithComplaints += 1;
              return row.slice(0, V8_ROW);
            }),
          };
        }
        if (s.name === 'syncState' && NOT_IN_V8.has((value as { key: string }).key)) continue;
        if (s.keyPath === null) store.put(stored, key);
        else store.put(stored);
      }
    }
    await new Promise<void>((resolve, reject) => {
      write.oncomplete = () => resolve();
      write.onerror = () => reject(write.error ?? new Error('write failed'));
    });
    const storedVersion = old.version;
    old.close();
    return { fromVersion, storedVersion, cutRows, rowsWithComplaints };
  }, shape);
  expect(written.fromVersion).toBe(LATEST_VERSION * 10);
  expect(written.storedVersion).toBe(80);
  // Every row lost what versions 9 and later added, and the demo has rows with open complaints.
  expect(written.cutRows).toBeGreaterThan(0);
  expect(written.rowsWithComplaints).toBeGreaterThan(0);

  // The desk opens the version 8 database: Dexie upgrades it to the latest version, and the
  // background rebuild folds the cases the upgrade stamped stale and writes their rows with the list.
  await page.goto('/');
  await desk.signIn(OFFICER);
  const stored = () =>
    page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('externship-desk');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('open failed'));
      });
      const read = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error ?? new Error('read failed'));
        });
      const tx = db.transaction(['syncState', 'queuePages'], 'readonly');
      const marker = (await read(tx.objectStore('syncState').get('projections.reducerVersion'))) as
        { value: unknown } | undefined;
      const pages = (await read(tx.objectStore('queuePages').getAll())) as { rows: unknown[][] }[];
      const version = db.version;
      db.close();
      // The rows with open complaints (tuple position 23) and whether each now lists them (26).
      const withComplaints = pages.flatMap((p) =>
        p.rows.filter((r) => typeof r[23] === 'number' && r[23] > 0),
      );
      return {
        version,
        rebuilt: marker !== undefined,
        rows: withComplaints.length,
        listed: withComplaints.filter((r) => Array.isArray(r[26]) && r[26].length === r[23]).length,
      };
    });
  await expect.poll(async () => (await stored()).rebuilt, { timeout: 60_000 }).toBe(true);
  const after = await stored();
  expect(after.version).toBe(LATEST_VERSION * 10);
  expect(after.rows).toBe(written.rowsWithComplaints);
  expect(after.listed).toBe(after.rows);

  // What the officer sees. The queue drawn before the rebuild finished keeps the rows it read (the
  // rows prefetched at open, reported to the lead), so the desk is opened again once it has; a
  // reload keeps the officer signed in.
  await desk.reload();
  await expect(page.getByTestId('current-user')).toHaveText(OFFICER);
  const queue = new QueuePage(page);
  await queue.show('complaints');
  await expect(queue.rows().first()).toBeVisible();
  // A row the rebuild has not reached shows "N шағым" (a count); an upgraded one a chip per complaint
  // naming to whom it went and the day its answer is due.
  const to = kkMore.queueComplaints.toShort;
  const upgraded = new RegExp(`^(${to.provider}|${to['quality-authority']}) · \\d\\d\\.\\d\\d\\.\\d{4}`);
  const chips = page.getByTestId('complaint-chip');
  await expect(async () => {
    const texts = await chips.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((text) => !upgraded.test(text))).toEqual([]);
  }).toPass({ timeout: 60_000 });
  const addressees = new Set((await chips.allTextContents()).map((text) => text.split(' · ')[0]));
  expect(addressees).toEqual(new Set([to.provider, to['quality-authority']]));
});
