/**
 * The real central server process for the sync benchmark (server/src/main.ts on a seeded PGlite
 * directory or PostgreSQL database), a TCP proxy in front of it that counts the bytes on the wire
 * both ways, and the few admin calls the bench needs (enrolment codes, enrolment).
 */
import net from 'node:net';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/api';
import { runCentral, type CentralProcess } from '../../server/test/process';

export interface BenchCentral {
  url: string;
  process: CentralProcess;
  adminToken: string;
  /** Enrols a desk for `userId`; its device token. */
  enrol(userId: string, name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startBenchCentral(
  data: { dataDir: string } | { databaseUrl: string },
): Promise<BenchCentral> {
  const args = ['--port', '0', '--no-seed', '--issue-token', 'admin'];
  const proc =
    'dataDir' in data
      ? await runCentral([...args, '--data-dir', data.dataDir])
      : await runCentral(args, { DATABASE_URL: data.databaseUrl });
  const adminToken = proc.output.map((l) => /admin token: (\S+)/.exec(l)?.[1]).find(Boolean);
  if (!adminToken) throw new Error('the server printed no admin token');
  const url = proc.url.replace(/\/$/, '');
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  };
  return {
    url,
    process: proc,
    adminToken,
    async enrol(userId, name) {
      const { code } = await post('/admin/enrolment-codes', { userId }, adminToken);
      const { token } = await post('/enrolment', { code, deviceName: name });
      return token as string;
    },
    stop: () => proc.stop(),
  };
}

export interface WireCounter {
  url: string;
  /** Bytes from the server to the client, and from the client to the server, since the last reset. */
  down(): number;
  up(): number;
  reset(): void;
  close(): Promise<void>;
}

/** Counts every byte each way (headers included): what a desk's network would carry. */
export async function countingProxy(target: string): Promise<WireCounter> {
  const { hostname, port } = new URL(target);
  let down = 0;
  let up = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const remote = net.connect(Number(port), hostname);
    sockets.add(client).add(remote);
    client.on('data', (chunk: Buffer) => {
      up += chunk.length;
      remote.write(chunk);
    });
    remote.on('data', (chunk: Buffer) => {
      down += chunk.length;
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      remote.destroy();
      sockets.delete(client);
      sockets.delete(remote);
    };
    client.on('error', end).on('close', end);
    remote.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    down: () => down,
    up: () => up,
    reset() {
      down = 0;
      up = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
