import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../../shared/workflow';
import { CaseScript, makeEvent, steps } from '../../../../shared/workflow/testing/scenario';
import type { Desk } from '../desk';
import { sha256Hex } from '../../../../shared/hash';
import { openFailingDesk, openTestDesk, quotaError } from '../testing';
import type { NewFile } from './files';

let desk: Desk | undefined;
afterEach(() => desk?.close());

/** A small, real PDF's bytes (what the desk produces is a PDF; the content is not under test here). */
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function pdfFile(): Promise<NewFile> {
  return {
    sha256: await sha256Hex(PDF),
    blob: new Blob([PDF], { type: 'application/pdf' }),
    fileName: 'KZ-2026-0001_appendix-3_kk.pdf',
    mimeType: 'application/pdf',
  };
}

async function registered(d: Desk): Promise<CaseScript> {
  const script = new CaseScript();
  steps.register(script);
  steps.assign(script);
  await d.cases.ingest(script.current.caseId, script.events, 'remote');
  return script;
}

function produced(script: CaseScript, sha256: string): CaseEvent {
  return makeEvent(script.current, 'document-produced', {
    form: 'appendix-3',
    language: 'kk',
    sha256,
    templateId: 'appendix-3.kk',
    templateVersion: '1',
  });
}

describe('ingest with files', () => {
  it('stores a produced document’s bytes and the case’s reference to them with the event', async () => {
    desk = await openTestDesk();
    const script = await registered(desk);
    const file = await pdfFile();
    const event = produced(script, file.sha256);
    const result = await desk.cases.ingest(script.current.caseId, [event], 'local', { files: [file] });
    expect(result).toMatchObject({ ok: true, stored: [event.id] });

    const stored = await desk.attachments.get(file.sha256);
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(PDF);
    expect(stored?.meta).toMatchObject({ fileName: file.fileName, size: PDF.length });
    const refs = await desk.cases.files(script.current.caseId);
    expect(refs).toContainEqual({
      caseId: script.current.caseId,
      sha256: file.sha256,
      role: 'produced',
      eventId: event.id,
      seq: event.baseVersion,
    });
    // The application's attachments are referenced from the `received` event.
    expect(refs.filter((r) => r.role === 'attachment')).toHaveLength(1);
  });

  it('refuses a local event that names bytes nobody gave, storing nothing', async () => {
    desk = await openTestDesk();
    const script = await registered(desk);
    const before = await desk.db.caseEvents.count();
    const event = produced(script, 'b'.repeat(64));
    await expect(desk.cases.ingest(script.current.caseId, [event], 'local')).rejects.toMatchObject({
      code: 'ingest.file-missing',
      sha256: 'b'.repeat(64),
    });
    expect(await desk.db.caseEvents.count()).toBe(before);
    expect(await desk.db.outbox.count()).toBe(0);
  });

  it('accepts bytes stored earlier, and a remote event whose bytes are still to come', async () => {
    desk = await openTestDesk();
    const script = await registered(desk);
    const file = await pdfFile();
    await desk.attachments.put(file.blob, { fileName: file.fileName, mimeType: file.mimeType });
    const first = produced(script, file.sha256);
    expect(await desk.cases.ingest(script.current.caseId, [first], 'local')).toMatchObject({ ok: true });
    await desk.cases.ingest(script.current.caseId, [first], 'remote');
    const state = (await desk.cases.get(script.current.caseId))!.state;
    const remote = makeEvent(state, 'document-produced', {
      form: 'appendix-2',
      language: 'ru',
      sha256: 'c'.repeat(64),
      templateId: 'appendix-2.ru',
      templateVersion: '1',
    });
    expect(await desk.cases.ingest(script.current.caseId, [remote], 'remote')).toMatchObject({ ok: true });
  });

  it('keeps the earliest event’s reference when a later event of a stored case names the same bytes', async () => {
    desk = await openTestDesk();
    const script = await registered(desk);
    const first = produced(script, 'e'.repeat(64));
    expect(await desk.cases.ingest(script.current.caseId, [first], 'remote')).toMatchObject({ ok: true });
    const state = (await desk.cases.get(script.current.caseId))!.state;
    const again = makeEvent(state, 'document-produced', {
      form: 'appendix-3',
      language: 'ru',
      sha256: 'e'.repeat(64),
      templateId: 'appendix-3.ru',
      templateVersion: '1',
    });
    expect(await desk.cases.ingestMany([{ caseId: state.caseId, events: [again] }], 'remote')).toMatchObject({
      cases: 1,
      refused: [],
    });
    const refs = (await desk.cases.files(state.caseId)).filter((r) => r.sha256 === 'e'.repeat(64));
    expect(refs).toEqual([expect.objectContaining({ eventId: first.id, seq: first.baseVersion })]);
  });

  it('a new case’s references are its own events’, whatever was left under their keys', async () => {
    desk = await openTestDesk();
    const script = new CaseScript();
    steps.register(script);
    const caseId = script.current.caseId;
    const received = script.events[0]!;
    const sha256 =
      (received.type === 'received' && received.payload.application.attachments[0]?.sha256) || '';
    expect(sha256).not.toBe('');
    // Damaged storage: a reference without any event of its case behind it.
    await desk.db.caseFiles.put({ caseId, sha256, role: 'produced', eventId: 'gone', seq: 7 });
    expect(await desk.cases.ingestMany([{ caseId, events: script.events }], 'remote')).toMatchObject({
      cases: 1,
      refused: [],
    });
    expect(await desk.cases.files(caseId)).toEqual([
      { caseId, sha256, role: 'attachment', eventId: received.id, seq: 0 },
    ]);
  });

  it('refuses bytes whose hash is not the one given, before anything is written', async () => {
    desk = await openTestDesk();
    const script = await registered(desk);
    const file = { ...(await pdfFile()), sha256: 'd'.repeat(64) };
    await expect(
      desk.cases.ingest(script.current.caseId, [produced(script, file.sha256)], 'local', { files: [file] }),
    ).rejects.toMatchObject({ code: 'ingest.file-hash-mismatch' });
    expect(await desk.db.attachments.count()).toBe(0);
  });

  it('a full disk while storing the file stores neither the file nor the event', async () => {
    let full = false;
    desk = await openFailingDesk('attachments', quotaError, () => full);
    const script = await registered(desk);
    const file = await pdfFile();
    full = true;
    await expect(
      desk.cases.ingest(script.current.caseId, [produced(script, file.sha256)], 'local', { files: [file] }),
    ).rejects.toMatchObject({ code: 'quota' });
    expect(await desk.db.caseEvents.count()).toBe(3);
    expect(await desk.db.outbox.count()).toBe(0);
    expect(await desk.db.caseFiles.count()).toBe(1);
  });
});
