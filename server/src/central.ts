/**
 * Starting the central server: open the database, apply the migrations, publish the bundled
 * reference data, seed the demo akimat when empty, and listen. Used by `npm run central` and by
 * the tests, which start it as a real process or in this one.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { migrate } from './db/migrate';
import { keepStatistics } from './db/statistics';
import type { Database } from './db/types';
import { createApp } from './http/app';
import { seedDemo } from './seed/demo';
import { publishBundled } from './store/reference';

export interface CentralOptions {
  db: Database;
  port: number;
  host: string;
  /** Seed the demo akimat when the database holds none (the default of `npm run central`). */
  seed: boolean;
  allowedOrigins?: readonly string[] | '*';
}

export interface Central {
  url: string;
  db: Database;
  close(): Promise<void>;
}

export async function prepareDatabase(db: Database, seed: boolean): Promise<{ fed: number }> {
  await migrate(db);
  await publishBundled(db);
  return seed ? seedDemo(db) : { fed: 0 };
}

export async function startCentral(options: CentralOptions): Promise<Central> {
  // PGlite has no autovacuum: the server keeps the planner's statistics itself (statistics.ts).
  const statistics = options.db.kind === 'pglite' ? keepStatistics(options.db) : undefined;
  await statistics?.check();
  const app = createApp({ db: options.db, allowedOrigins: options.allowedOrigins ?? '*' });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    db: options.db,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }).then(() => {
        statistics?.stop();
        return options.db.close();
      }),
  };
}
