/**
 * Sync end to end (issue 9): the real central server (PGlite in a temporary directory, port
 * E2E_PORT+100) and a browser build of the desk configured for it. The desk is enrolled with a
 * one-time code in settings, pulls the server's seeded applications, takes one through the server,
 * registers it offline, and once the network is back the server holds the registration.
 *
 * The browser build allows one https origin in its Content-Security-Policy, fixed when it is built
 * (DESK_SERVER_ORIGIN); the other specs' build names none, so this spec builds its own (about 30 s)
 * and serves it on E2E_PORT+1. The test server speaks plain http on the loopback: the browser's
 * requests to https://central.e2e.test are handed to it by Playwright's routing, the way a TLS
 * front end would, and refused while the spec says the network is down.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  caseRecordSchema,
  changesPageSchema,
  enrolmentAnswerSchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '../../shared/api';
import kkSync from '../../renderer/src/i18n/kk/sync.json' with { type: 'json' };
import { startCentral, type Central } from '../sync/central';
import { demoPin, OFFICER } from './pages/DeskPage';
import { CasePage } from './pages/CasePage';
import { FormsPanelPage } from './pages/formsPage';
import { kk } from './pages/texts';

const PORT = Number(process.env.E2E_PORT ?? 4319);
const DESK_PORT = PORT + 1;
const CENTRAL_PORT = PORT + 100;
const CENTRAL_ORIGIN = 'https://central.e2e.test';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
const S = kkSync.sync;

let central: Central;
let preview: ChildProcess | undefined;
const dirs: string[] = [];

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: `http://127.0.0.1:${DESK_PORT}/`, serviceWorkers: 'block' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-central-'));
  const buildDir = mkdtempSync(join(tmpdir(), 'desk-e2e-build-'));
  dirs.push(dataDir, buildDir);
  const env = { ...process.env, DESK_SERVER_ORIGIN: CENTRAL_ORIGIN };
  const build = new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        VITE,
        'build',
        '--config',
        'renderer/vite.config.ts',
        '--outDir',
        buildDir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`desk build failed: ${code}`))));
  });
  [central] = await Promise.all([startCentral({ port: CENTRAL_PORT, dataDir }), build]);
  preview = spawn(
    process.execPath,
    [
      VITE,
      'preview',
      '--config',
      'renderer/vite.config.ts',
      '--outDir',
      buildDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(DESK_PORT),
      '--strictPort',
    ],
    { cwd: ROOT, env, stdio: 'ignore' },
  );
  for (let i = 0; ; i += 1) {
    const up = await fetch(`http://127.0.0.1:${DESK_PORT}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 120) throw new Error('the desk preview did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(async () => {
  preview?.kill('SIGTERM');
  await central?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/**
 * The network between the browser and the central system, as the spec sets it. `events`, while
 * set, holds every POST /events until it settles: the desk's exchange is then visibly under way.
 */
const network: { up: boolean; events: Promise<void> | null } = { up: true, events: null };
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PATCH, HEAD, DELETE, OPTIONS',
  'access-control-allow-headers':
    'authorization, content-type, x-protocol-version, tus-resumable, upload-length, upload-metadata, upload-offset, upload-defer-length',
  'access-control-expose-headers': '*',
};

async function routeCentral(context: BrowserContext): Promise<void> {
  await context.route(`${CENTRAL_ORIGIN}/**`, async (route) => {
    if (!network.up) return route.abort('internetdisconnected');
    const request = route.request();
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/events') await network.events;
    const response = await route.fetch({ url: request.url().replace(CENTRAL_ORIGIN, central.url) });
    await route.fulfill({ response, headers: { ...response.headers(), ...CORS } });
  });
}

async function setNetwork(context: BrowserContext, up: boolean): Promise<void> {
  network.up = up;
  await context.setOffline(!up);
}

interface ServerReader {
  (path: string): Promise<unknown>;
  /** The bytes of an answer (a file). */
  bytes(path: string): Promise<Uint8Array>;
}

/** Another officer's device, from Node: how the test reads what the server holds. */
async function serverReader(): Promise<ServerReader> {
  const code = await central.issueCode('officer-2');
  const headers = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), 'content-type': 'application/json' };
  const res = await fetch(`${central.url}/enrolment`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ code, deviceName: 'e2e reader' }),
  });
  const { token } = enrolmentAnswerSchema.parse(await res.json());
  const get = (path: string) =>
    fetch(`${central.url}${path}`, { headers: { ...headers, authorization: `Bearer ${token}` } });
  return Object.assign(async (path: string) => (await get(path)).json() as Promise<unknown>, {
    bytes: async (path: string) => {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      return new Uint8Array(await answer.arrayBuffer());
    },
  });
}

/** Settings → the central system: enrol with a one-time code the administrator issued. */
async function enrol(page: Page): Promise<void> {
  await page.evaluate(() => {
    location.hash = '#/settings';
  });
  const section = page.getByTestId('sync-section');
  await section.getByLabel(S.settings.server).fill(CENTRAL_ORIGIN);
  await section.getByLabel(S.settings.code).fill(await central.issueCode('officer-1'));
  await section.getByLabel(S.settings.deviceName).fill('E2E desk');
  await section.getByRole('button', { name: S.settings.enrol }).click();
  await expect(page.getByTestId('sync-enrolment')).toContainText(CENTRAL_ORIGIN);
}

/** Opens a case from its link and takes it through the server. */
async function openAndTake(page: Page, read: ServerReader, caseId: string): Promise<CasePage> {
  await page.evaluate((id) => {
    location.hash = `#/case/${encodeURIComponent(id)}`;
  }, caseId);
  const kase = new CasePage(page);
  await expect(kase.heading()).toContainText(await caseNumberOf(read, caseId));
  await page.getByTestId('case-assignment').getByRole('button', { name: S.assignment.take }).click();
  await expect(page.getByText(kk.caseScreen.holder.replace('{{name}}', OFFICER))).toBeVisible();
  return kase;
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function openDemoAs(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: kk.auth.firstStart.openDemo }).click();
  const form = page.locator('section.signin form');
  await expect(form).toBeVisible({ timeout: 60_000 });
  const value = await form.locator('select option', { hasText: name }).getAttribute('value');
  if (!value) throw new Error(`${name} is not offered at sign-in`);
  await form.locator('select').selectOption(value);
  await form.locator('input[type="password"]').fill(demoPin(name));
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId('current-user')).toHaveText(name);
}

const upToDate = new RegExp(S.status.upToDate.replace('{{time}}', '\\d\\d:\\d\\d'));

/**
 * Both tests' opening: the demo officer's desk enrolled with the real server and its first sync
 * done; the seeded applications nobody holds that are still at registration, as the server lists them.
 */
async function enrolledOfficer(page: Page, context: BrowserContext) {
  await routeCentral(context);
  const read = await serverReader();
  await openDemoAs(page, OFFICER);
  await enrol(page);
  const status = page.getByTestId('sync-status');
  await expect(status).toContainText(upToDate, { timeout: 60_000 });
  const changes = changesPageSchema.parse(await read('/changes?limit=500'));
  const free = changes.cases.filter((c) => c.assignedTo === null && c.stage === 'registration');
  return { read, status, free };
}

test('enrol, pull, take a case, work on it offline, and the server has it after reconnecting', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const { read, status, free } = await enrolledOfficer(page, context);

  // The seeded applications came in: open one nobody holds, straight from its link.
  expect(free.length, 'a seeded application nobody holds').toBeGreaterThanOrEqual(1);
  const caseId = free[0]!.caseId;
  await page.evaluate((id) => {
    location.hash = `#/case/${encodeURIComponent(id)}`;
  }, caseId);
  const kase = new CasePage(page);
  await expect(kase.heading()).toContainText(await caseNumberOf(read, caseId));

  // Taking the case goes through the server.
  const assignment = page.getByTestId('case-assignment');
  await assignment.getByRole('button', { name: S.assignment.take }).click();
  await expect(page.getByText(kk.caseScreen.holder.replace('{{name}}', OFFICER))).toBeVisible();
  expect(caseRecordSchema.parse(await read(`/cases/${encodeURIComponent(caseId)}`)).assignedTo).toBe(
    'officer-1',
  );

  // Offline: releasing (or taking) waits for a connection; registering is the officer's own work.
  await setNetwork(context, false);
  await expect(page.getByTestId('case-assignment-offline')).toHaveText(S.assignment.needsConnection);
  await expect(assignment.getByRole('button', { name: S.assignment.release })).toBeDisabled();
  await (await kase.act('registered')).save();
  await kase.expectLatestEvent('registered');
  await expect(status).toContainText(S.status.offline_other.replace('{{count}}', '1'));

  // Back online: the desk sends it by itself, and the server holds the registration.
  await setNetwork(context, true);
  await expect(status).toContainText(upToDate, { timeout: 60_000 });
  await expect
    .poll(async () => caseRecordSchema.parse(await read(`/cases/${encodeURIComponent(caseId)}`)).stage, {
      timeout: 30_000,
    })
    .not.toBe('registration');
  const onServer = caseRecordSchema.parse(await read(`/cases/${encodeURIComponent(caseId)}`));
  expect(onServer.events.map((e) => e.type)).toEqual(['received', 'assigned', 'registered']);
  expect(onServer.events[2]?.actor.userId).toBe('officer-1');
});

async function caseNumberOf(read: (path: string) => Promise<unknown>, caseId: string): Promise<string> {
  const record = caseRecordSchema.parse(await read(`/cases/${encodeURIComponent(caseId)}`));
  const received = record.events[0];
  return received?.type === 'received' ? received.payload.application.caseNumber : caseId;
}

test('two cases worked offline, one with a produced PDF: on reconnecting the header shows the exchange, and the server holds the events and the file', async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(240_000);
  const { read, status, free } = await enrolledOfficer(page, context);
  expect(free.length, 'two seeded applications nobody holds').toBeGreaterThanOrEqual(2);
  const [first, second] = [free[0]!.caseId, free[1]!.caseId];
  await openAndTake(page, read, second);
  const kase = await openAndTake(page, read, first);

  // Offline: the first case registered and its appendix 4 produced (the official PDF), the second registered.
  await setNetwork(context, false);
  await (await kase.act('registered')).save();
  await kase.expectLatestEvent('registered');
  const editor = await new FormsPanelPage(page).open('appendix-4', 'kk');
  await editor.expectPreviewDrawn();
  const download = await editor.save();
  const saved = testInfo.outputPath('appendix-4.kk.pdf');
  await download.saveAs(saved);
  await editor.close();
  await kase.expectLatestEvent('document-produced');
  const pdf = new Uint8Array(readFileSync(saved));
  expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');

  await page.evaluate((id) => {
    location.hash = `#/case/${encodeURIComponent(id)}`;
  }, second);
  await expect(kase.heading()).toContainText(await caseNumberOf(read, second));
  await (await kase.act('registered')).save();
  await kase.expectLatestEvent('registered');
  await expect(status).toContainText(S.status.offline_other.replace('{{count}}', '3'));

  // Back online with the server's answer to the events held: the header shows the exchange going on.
  let release!: () => void;
  network.events = new Promise<void>((resolve) => (release = resolve));
  try {
    await setNetwork(context, true);
    const bar = status.getByRole('progressbar', { name: S.status.progress });
    await expect(bar).toBeVisible({ timeout: 60_000 });
    expect(Number(await bar.getAttribute('max'))).toBeGreaterThanOrEqual(3);
  } finally {
    release();
    network.events = null;
  }
  await expect(status).toContainText(upToDate, { timeout: 60_000 });
  await expect(status.getByRole('progressbar')).toHaveCount(0);

  // The server's state matches: every event of both cases, and the produced file with its SHA-256.
  const record = async (id: string) => caseRecordSchema.parse(await read(`/cases/${encodeURIComponent(id)}`));
  await expect
    .poll(async () => (await record(first)).events.map((e) => e.type), { timeout: 30_000 })
    .toEqual(['received', 'assigned', 'registered', 'document-produced']);
  expect((await record(second)).events.map((e) => e.type)).toEqual(['received', 'assigned', 'registered']);
  const produced = (await record(first)).events[3];
  if (produced?.type !== 'document-produced') throw new Error('no document-produced on the server');
  expect(produced.actor.userId).toBe('officer-1');
  expect(produced.payload.sha256).toBe(sha256Of(pdf));
  const onServer = await read.bytes(`/files/${produced.payload.sha256}`);
  expect(sha256Of(onServer)).toBe(produced.payload.sha256);
});
