import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/api';

const SOURCE = readFileSync(
  fileURLToPath(new URL('../../../renderer/public/sw.js', import.meta.url)),
  'utf8',
);
const ORIGIN = 'https://desk.example.kz';

/** Runs the worker's script in a sandbox and returns its fetch listener, with a cache that holds everything. */
function worker() {
  const listeners = new Map<string, (event: unknown) => void>();
  const cached = new Response('from the cache');
  const sandbox = {
    self: {
      location: { href: `${ORIGIN}/`, origin: ORIGIN },
      addEventListener: (type: string, fn: (e: unknown) => void) => listeners.set(type, fn),
      skipWaiting: () => undefined,
      clients: { claim: () => Promise.resolve() },
    },
    caches: {
      open: () =>
        Promise.resolve({
          match: () => Promise.resolve(cached),
          put: () => Promise.resolve(),
          add: () => Promise.resolve(),
        }),
    },
    fetch: () => Promise.resolve(new Response('from the network')),
    URL,
    Set,
    Promise,
    Array,
  };
  vm.runInNewContext(SOURCE, sandbox);
  return (request: Request): Promise<Response> | null => {
    let answered: Promise<Response> | null = null;
    listeners.get('fetch')!({ request, respondWith: (r: Promise<Response>) => (answered = r) });
    return answered;
  };
}

describe('the service worker', () => {
  const fetchEvent = worker();
  it('answers the build’s own files from the cache', async () => {
    const answer = fetchEvent(new Request(`${ORIGIN}/assets/index-abc123.js`));
    expect(answer).not.toBeNull();
    expect(await (await answer!).text()).toBe('from the cache');
  });

  it('never answers a call to the central system, even on the desk’s own origin', () => {
    const calls = [
      new Request(`${ORIGIN}/changes?limit=500`, {
        headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
      }),
      new Request(`${ORIGIN}/users`, { headers: { authorization: 'Bearer dt_x' } }),
      new Request(`${ORIGIN}/files/${'a'.repeat(64)}`, { cache: 'no-store' }),
      new Request(`${ORIGIN}/files/u1`, { headers: { 'Tus-Resumable': '1.0.0' } }),
      new Request('https://central.example.kz/changes'),
    ];
    for (const request of calls) expect(fetchEvent(request)).toBeNull();
  });
});
