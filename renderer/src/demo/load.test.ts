import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../../shared/settings';
import { EVENT_SCHEMA_VERSION, registrationPayload } from '../../../shared/workflow';
import { openDesk, type Desk } from '../db';
import { uniqueName } from '../db/testing';
import { committedDemoFiles } from './files/committed';
import { DEMO_FILES } from './files/manifest';
import { loadBenchmarkCases } from './generate';
import { loadDemoData, resetDemoData } from './load';

const TODAY = '2026-11-24';
const files = committedDemoFiles();
let desk: Desk | undefined;
afterEach(() => desk?.close());

describe('loadDemoData', () => {
  it('stores the cases, their events and the files they reference, with nothing in the outbox', async () => {
    const d = (desk = await openDesk({ name: uniqueName('demo') }));
    const summary = await loadDemoData(d, { today: TODAY, seed: 3, files });
    expect(summary.cases).toBeGreaterThanOrEqual(190);
    expect(await d.cases.count()).toBe(summary.cases);
    expect(await d.db.caseEvents.count()).toBe(summary.events);
    expect(await d.outbox.countPending()).toBe(0);
    expect(Object.values(summary.byStage).every((n) => n > 0)).toBe(true);

    const rows = await d.cases.listAll();
    const first = await d.cases.get(rows[0]!.caseId);
    for (const ref of first!.state.application.attachments) {
      const stored = await d.attachments.get(ref.sha256);
      expect(stored?.meta.size).toBe(ref.size);
    }
    // Every projection was folded by ingest and is stamped with the reducer's version.
    expect(await d.cases.staleCount()).toBe(0);

    // Every signed result: a produced document whose bytes are stored (a real PDF), and a stored
    // signature file, both referenced by the case.
    let signed = 0;
    for (const row of rows) {
      const state = (await d.cases.get(row.caseId))!.state;
      const signature = state.signature;
      if (!signature) continue;
      signed += 1;
      // Demo signatures are recorded from their CMS file (never version 1's bare serial).
      expect(signature.signatureFormat).toBe('cms-detached');
      if (signature.signatureFormat !== 'cms-detached') continue;
      const { documentSha256, signatureSha256 } = signature;
      expect(state.producedDocuments.map((p) => p.sha256)).toContain(documentSha256);
      const document = await d.attachments.get(documentSha256);
      const head = new Uint8Array(await document!.blob.slice(0, 5).arrayBuffer());
      expect(String.fromCharCode(...head)).toBe('%PDF-');
      expect(await d.attachments.has(signatureSha256)).toBe(true);
      const roles = (await d.cases.files(row.caseId)).map((f) => [f.sha256, f.role]);
      expect(roles).toContainEqual([documentSha256, 'produced']);
      expect(roles).toContainEqual([signatureSha256, 'signature']);
    }
    expect(signed).toBeGreaterThan(40);
  });

  it('refuses files that do not match the manifest and stores no case', async () => {
    const d = (desk = await openDesk({ name: uniqueName('demo-bad') }));
    const broken = { ...files, 'application.pdf': new Uint8Array([1, 2, 3]) };
    await expect(loadDemoData(d, { today: TODAY, files: broken })).rejects.toThrow(/manifest/);
    expect(await d.cases.count()).toBe(0);
  });
});

describe('resetDemoData', () => {
  it('refuses while an action is unsent, then clears everything, changed settings included, and loads the same demo again', async () => {
    const d = (desk = await openDesk({ name: uniqueName('demo-reset') }));
    await loadDemoData(d, { today: TODAY, seed: 3, files });
    const before = (await d.cases.listAll()).map((r) => r.caseId).sort();

    const [row] = await d.cases.list({ stages: ['registration'], limit: 1 }).then((r) => r.rows);
    const detail = await d.cases.get(row!.caseId);
    const at = `${TODAY}T10:00:00+05:00`;
    const registered = await d.cases.appendEvent({
      id: '00000000-0000-4000-8000-000000000001',
      caseId: row!.caseId,
      baseVersion: detail!.state.version,
      schemaVersion: EVENT_SCHEMA_VERSION,
      actor: { userId: 'officer-1', role: 'officer' },
      at,
      origin: { kind: 'desk' },
      type: 'registered',
      payload: registrationPayload(detail!.state, await d.calendar.get(), at, 'X-1'),
    });
    expect(registered.ok).toBe(true);
    await d.settings.save({ ...structuredClone(DEMO_SETTINGS), language: 'ru' });
    const heard: string[][] = [];
    d.cases.onChange((ids) => heard.push(ids));

    // The registration has not reached the central server: a reset would lose it.
    await expect(resetDemoData(d, { today: TODAY, seed: 3, files })).rejects.toMatchObject({
      code: 'clear.unsent-work',
      unsent: 1,
    });
    expect((await d.cases.get(row!.caseId))?.state.stage).toBe('completeness');
    expect((await d.settings.get()).language).toBe('ru');
    expect(heard).toEqual([]);

    // The server's history brings it back: acknowledged, nothing unsent, the reset goes ahead.
    const history = (await d.cases.get(row!.caseId))!.events;
    await d.cases.ingest(row!.caseId, history, 'remote');
    heard.length = 0;
    await resetDemoData(d, { today: TODAY, seed: 3, files });
    expect((await d.cases.listAll()).map((r) => r.caseId).sort()).toEqual(before);
    expect(await d.outbox.countPending()).toBe(0);
    expect((await d.cases.get(row!.caseId))?.state.stage).toBe('registration');
    expect((await d.settings.get()).language).toBe('kk');
    expect(await d.db.attachments.count()).toBe(Object.keys(DEMO_FILES).length);
    expect(heard[0]).toEqual([]);
  });
});

describe('loadBenchmarkCases', () => {
  it('stores n generated cases in chunks, every stage among them', async () => {
    const d = (desk = await openDesk({ name: uniqueName('bench') }));
    expect(await loadBenchmarkCases(d, 400, 11, { today: TODAY, chunkSize: 150 })).toBe(400);
    expect(await d.cases.count()).toBe(400);
    const stages = new Set((await d.cases.listAll()).map((r) => r.stage));
    expect(stages.size).toBe(7);
  });
});
