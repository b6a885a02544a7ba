/**
 * `npm run central [-- options]`: the central server.
 *
 *   --port N              listen on N (default 8787, or PORT); 0 picks a free port
 *   --host H              listen on H (default 127.0.0.1, or HOST)
 *   --data-dir D          PGlite's data directory (default .central/pglite) — ignored with DATABASE_URL
 *   --memory              PGlite in memory: nothing kept after exit (tests, a quick look)
 *   --no-seed             do not seed the demo akimat into an empty database
 *   --issue-code USER     print a one-time enrolment code for USER (of --akimat, or the only akimat)
 *   --issue-token KIND    print a new 'monitoring' or 'admin' token (kept hashed; shown once)
 *   --feed N              deliver N new applications with attachments, as the portal would
 *   --no-serve            do the above and exit (with DATABASE_URL, beside running servers)
 *
 * DATABASE_URL=postgres://… runs on that PostgreSQL server instead of PGlite. PGlite is one
 * process's database: run the one-off commands in the serving process (they print before it
 * listens) or stop it first; on PostgreSQL any number of processes share it.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setLogSink, type LogRecord } from '../../shared/log';
import { startCentral, prepareDatabase } from './central';
import { DataDirLockedError } from './db/dir-lock';
import { openDatabase } from './db/open';
import type { Database } from './db/types';
import { DEMO_AKIMAT } from './seed/demo';
import { feedApplications } from './seed/portal';
import { issueCode, issueToken } from './store/devices';
import { akimatIds } from './store/users';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    memory: { type: 'boolean', default: false },
    'no-seed': { type: 'boolean', default: false },
    'issue-code': { type: 'string' },
    akimat: { type: 'string' },
    'issue-token': { type: 'string' },
    feed: { type: 'string' },
    'no-serve': { type: 'boolean', default: false },
  },
  strict: true,
});

const out = (line: string) => process.stdout.write(`${line}\n`);
function fail(message: string): never {
  process.stderr.write(`central: ${message}\n`);
  process.exit(2);
}

// One JSON line per log record on stderr (already redacted by shared/log).
setLogSink((record: LogRecord) => process.stderr.write(`${JSON.stringify(record)}\n`));

const url = process.env['DATABASE_URL'];
const dataDir = values.memory ? undefined : (values['data-dir'] ?? '.central/pglite');
if (!url && dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
async function open(): Promise<Database> {
  try {
    return await openDatabase({ url, dataDir });
  } catch (error) {
    // Another server holds the PGlite directory: say who, and start nothing.
    if (error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }
}
const db = await open();
const { fed } = await prepareDatabase(db, !values['no-seed']);
out(
  `central: database ${url ? 'PostgreSQL (DATABASE_URL)' : dataDir === undefined ? 'PGlite in memory' : `PGlite in ${dataDir}`}`,
);
if (fed > 0) out(`central: seeded the demo akimat '${DEMO_AKIMAT.id}' with ${fed} applications`);

async function akimatOf(named: string | undefined): Promise<string> {
  const ids = await akimatIds(db);
  if (named !== undefined) return ids.includes(named) ? named : fail(`no akimat '${named}'`);
  if (ids.length !== 1) fail(`name the akimat with --akimat (this server holds ${ids.length})`);
  return ids[0] as string;
}

if (values['issue-code'] !== undefined) {
  const result = await issueCode(db, await akimatOf(values.akimat), values['issue-code'], 24);
  if (!result.ok) fail(`no active user '${values['issue-code']}'`);
  out(
    `central: enrolment code for ${result.answer.userId}: ${result.answer.code} (valid until ${result.answer.expiresAt})`,
  );
}
if (values['issue-token'] !== undefined) {
  const kind = values['issue-token'];
  if (kind !== 'monitoring' && kind !== 'admin') fail("--issue-token takes 'monitoring' or 'admin'");
  const { token } = await issueToken(db, kind, `${kind} token from the command line`);
  out(`central: ${kind} token: ${token}`);
}
if (values.feed !== undefined) {
  const count = Number(values.feed);
  if (!Number.isInteger(count) || count < 1 || count > 1000) fail('--feed takes a number from 1 to 1000');
  const ids = await feedApplications(db, await akimatOf(values.akimat), count);
  out(`central: delivered ${ids.length} new applications`);
}

if (values['no-serve']) {
  await db.close();
} else {
  const port = Number(values.port ?? process.env['PORT'] ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail('--port takes a port number');
  const central = await startCentral({
    db,
    port,
    host: values.host ?? process.env['HOST'] ?? '127.0.0.1',
    seed: false,
  });
  out(`central: listening on ${central.url}`);
  const stop = () => {
    void central.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
