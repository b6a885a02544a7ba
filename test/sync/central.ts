/**
 * The real central server (server/src/main.ts) as a child process for the sync tests: PGlite in
 * memory (or a directory), a free port (or a given one), the demo akimat seeded, an admin token to issue enrolment codes with.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/api';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Central {
  url: string;
  adminToken: string;
  /** A one-time enrolment code for a user of the demo akimat. */
  issueCode(userId: string): Promise<string>;
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, mid-request, as in a power cut. */
  kill(): Promise<void>;
}

export interface CentralOptions {
  /** Default 0: a free port. */
  port?: number;
  /** PGlite's directory; default: in memory. */
  dataDir?: string;
}

export async function startCentral(options: CentralOptions = {}): Promise<Central> {
  const storage = options.dataDir === undefined ? ['--memory'] : ['--data-dir', options.dataDir];
  const child: ChildProcess = spawn(
    process.execPath,
    // One process (tsx as a loader, not its CLI, which would run the server in a child of its own),
    // so that kill() reaches the server itself.
    [
      '--import',
      'tsx',
      'server/src/main.ts',
      '--port',
      String(options.port ?? 0),
      ...storage,
      '--issue-token',
      'admin',
    ],
    {
      cwd: ROOT,
      // PGlite as asked above, even under npm test, which sets DATABASE_URL for the server's suite.
      env: { ...process.env, DATABASE_URL: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-4000);
  });
  const { url, adminToken } = await new Promise<{ url: string; adminToken: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`central did not start: ${err}`)), 60_000);
    child.on('exit', (code) => reject(new Error(`central exited ${code}: ${err}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const listening = /listening on (\S+)/.exec(out);
      const token = /admin token: (\S+)/.exec(out);
      if (listening && token) {
        clearTimeout(timer);
        resolve({ url: listening[1]!.replace(/\/$/, ''), adminToken: token[1]! });
      }
    });
  });
  const ended = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  const admin: Central['admin'] = async (method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        authorization: `Bearer ${adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    url,
    adminToken,
    admin,
    async issueCode(userId) {
      const { status, body } = await admin('POST', '/admin/enrolment-codes', { userId });
      if (status !== 200) throw new Error(`issuing a code failed: ${status} ${JSON.stringify(body)}`);
      return (body as { code: string }).code;
    },
    stop: () => ended('SIGTERM'),
    kill: () => ended('SIGKILL'),
  };
}
