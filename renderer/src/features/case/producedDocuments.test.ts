import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostError, type PrintPdfRequest, type SaveFileRequest } from '../../../../shared/host';
import type { Desk } from '../../db';
import { openTestDesk } from '../../db/testing';
import { committedDemoFiles } from '../../demo/files/committed';
import { makeEvent } from '../../stores/eventFactory';
import { demoCase, NOW } from '../../stores/fixtures';
import { producedDocuments, resendDocument, type ProducedDocument } from './producedDocuments';

const pdf = committedDemoFiles()['application.pdf'];
let desk: Desk;
let saved: SaveFileRequest[];
let printed: PrintPdfRequest[];
let fail: HostError | undefined;

const host = {
  saveFile: (req: SaveFileRequest) => {
    if (fail) return Promise.reject(fail);
    saved.push(req);
    return Promise.resolve({ saved: true as const });
  },
  printPdf: (req: PrintPdfRequest) => {
    if (fail) return Promise.reject(fail);
    printed.push(req);
    return Promise.resolve();
  },
};

beforeEach(async () => {
  desk = await openTestDesk();
  saved = [];
  printed = [];
  fail = undefined;
});
afterEach(() => desk.close());

async function recorded(): Promise<ProducedDocument> {
  const meta = await desk.attachments.put(new Blob([pdf as Uint8Array<ArrayBuffer>]), {
    fileName: 'x.pdf',
    mimeType: 'application/pdf',
  });
  const { state, events } = demoCase('review');
  const event = makeEvent(
    state,
    'document-produced',
    {
      form: 'appendix-3',
      language: 'ru',
      sha256: meta.sha256,
      templateId: 'appendix-3.ru',
      templateVersion: '1.0.0',
    },
    { userId: 'officer-1', role: 'officer' },
    new Date(NOW),
  );
  const [doc] = producedDocuments([...events, event], state.application.caseNumber);
  return doc!;
}

const deps = () => ({ load: (sha: string) => desk.attachments.get(sha), host, title: 'Выписка' });

describe('a produced document kept with the case', () => {
  it('is listed from its event under the name it was saved as', async () => {
    const doc = await recorded();
    expect(doc).toMatchObject({ form: 'appendix-3', language: 'ru', mimeType: 'application/pdf' });
    expect(doc.fileName).toMatch(/^KZ-\d{4}-\d+_appendix-3_ru\.pdf$/);
  });

  it('is saved and printed again with the very bytes recorded', async () => {
    const doc = await recorded();
    expect(await resendDocument(doc, 'save', deps())).toEqual({ kind: 'done', action: 'save' });
    expect(saved[0]).toMatchObject({ suggestedName: doc.fileName, mimeType: 'application/pdf' });
    expect(saved[0]!.bytes).toEqual(pdf);
    expect(await resendDocument(doc, 'print', deps())).toEqual({ kind: 'done', action: 'print' });
    expect(printed[0]).toMatchObject({ title: 'Выписка' });
    expect(printed[0]!.bytes).toEqual(pdf);
  });

  it('is never re-sent when its bytes are not on the desk or not the recorded ones', async () => {
    const doc = await recorded();
    const other = { ...doc, sha256: 'ef'.repeat(32) };
    expect(await resendDocument(other, 'save', deps())).toEqual({ kind: 'file', problem: 'missing' });
    const lying = {
      ...deps(),
      load: async (sha: string) => {
        const found = await desk.attachments.get(sha);
        return found && { ...found, blob: new Blob(['not the document']) };
      },
    };
    expect(await resendDocument(doc, 'print', lying)).toEqual({ kind: 'file', problem: 'altered' });
    expect(saved).toEqual([]);
    expect(printed).toEqual([]);
  });

  it('tells a cancelled dialog from a host that failed', async () => {
    const doc = await recorded();
    fail = new HostError('cancelled');
    expect(await resendDocument(doc, 'print', deps())).toEqual({ kind: 'cancelled' });
    fail = new HostError('io');
    expect(await resendDocument(doc, 'save', deps())).toEqual({ kind: 'host-failed', code: 'io' });
  });
});
