// The browser host's device token (issue 9): kept in IndexedDB (its own small database, apart from
// the desk's), in the clear. Anyone who can read this browser profile can read it: weaker than the
// Electron desk's OS key store, and settings says so. A browser has no key store a page can use
// to protect a secret from the person (or program) holding its profile.
const DB = 'externship-desk-device';
const STORE = 'device';
const KEY = 'token';

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB open failed'));
  });
}

async function run<T>(
  factory: IDBFactory,
  mode: IDBTransactionMode,
  op: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open(factory);
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('indexedDB write failed'));
    });
  } finally {
    db.close();
  }
}

export function browserTokenStore(factory: () => IDBFactory = () => indexedDB) {
  return {
    async read(): Promise<string | null> {
      const value: unknown = await run(factory(), 'readonly', (s) => s.get(KEY) as IDBRequest<unknown>);
      return typeof value === 'string' ? value : null;
    },
    async store(token: string | null): Promise<void> {
      await run(
        factory(),
        'readwrite',
        (s) => (token === null ? s.delete(KEY) : s.put(token, KEY)) as IDBRequest<unknown>,
      );
    },
  };
}
