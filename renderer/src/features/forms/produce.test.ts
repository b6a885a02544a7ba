import { PDFDocument } from 'pdf-lib';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getBundledTemplate, type FormValues } from '../../../../shared/forms';
import { HostError, type PrintPdfRequest, type SaveFileRequest } from '../../../../shared/host';
import type { EventPayloads } from '../../../../shared/workflow';
import { sampleValues } from '../../../../test/fixtures/forms/sample-values';
import { sha256Hex } from '../../db';
import type { ActOutcome, NewFile } from '../../stores/caseStore';
import { produceDocument, type ProduceInput } from './produce';
import { testFormFonts } from './testing';

const template = getBundledTemplate('appendix-2', 'kk');
const fonts = testFormFonts();
const createdAt = new Date('2026-11-24T09:30:00Z');

let saved: SaveFileRequest[];
let printed: PrintPdfRequest[];
let recorded: EventPayloads['document-produced'][];
let files: NewFile[];
let recordOutcome: ActOutcome;
let saveResult: () => Promise<{ saved: boolean }>;

beforeEach(() => {
  saved = [];
  printed = [];
  recorded = [];
  files = [];
  recordOutcome = { ok: true };
  saveResult = () => Promise.resolve({ saved: true });
});

const deps = () => ({
  record: (payload: EventPayloads['document-produced'], file: NewFile) => {
    recorded.push(payload);
    files.push(file);
    return Promise.resolve(recordOutcome);
  },
  host: {
    saveFile: (req: SaveFileRequest) => {
      saved.push(req);
      return saveResult();
    },
    printPdf: (req: PrintPdfRequest) => {
      printed.push(req);
      return Promise.resolve();
    },
  },
});

const input = (values: FormValues, extra: Partial<ProduceInput> = {}): ProduceInput => ({
  action: 'save',
  caseNumber: 'KZ-2026-00042',
  form: 'appendix-2',
  language: 'kk',
  template,
  values,
  fonts,
  createdAt,
  ...extra,
});

describe('producing a document', () => {
  it('writes the issuing body as the PDF’s author', async () => {
    const author = 'Сайрам ауданының әкімдігі';
    await produceDocument(input(sampleValues('appendix-2', 'kk'), { author }), deps());
    const doc = await PDFDocument.load(saved[0]!.bytes, { updateMetadata: false });
    expect(doc.getAuthor()).toBe(author);
  });

  it('records the event with the template version and its bytes, then saves under the case number', async () => {
    const { outcome, produced } = await produceDocument(input(sampleValues('appendix-2', 'kk')), deps());
    expect(outcome).toEqual({ kind: 'done', action: 'save' });
    expect(saved).toHaveLength(1);
    const file = saved[0]!;
    expect(file.suggestedName).toBe('KZ-2026-00042_appendix-2_kk.pdf');
    expect(file.mimeType).toBe('application/pdf');
    const sha = await sha256Hex(file.bytes);
    expect(recorded).toEqual([
      {
        form: 'appendix-2',
        language: 'kk',
        sha256: sha,
        templateId: 'appendix-2.kk',
        templateVersion: '2.0.0',
      },
    ]);
    // The bytes go with the event, to be stored in its transaction, under the name it is saved as.
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      sha256: sha,
      mimeType: 'application/pdf',
      fileName: file.suggestedName,
    });
    expect(new Uint8Array(await files[0]!.blob.arrayBuffer())).toEqual(file.bytes);
    expect(produced?.sha256).toBe(sha);
  });

  it('refuses with the field problems while a required field is empty: nothing stored, recorded or saved', async () => {
    const values = { ...sampleValues('appendix-2', 'kk'), refusalReasons: '  ' };
    const { outcome } = await produceDocument(input(values), deps());
    expect(outcome).toEqual({ kind: 'blocked', problems: [{ field: 'refusalReasons', code: 'required' }] });
    expect(recorded).toEqual([]);
    expect(saved).toEqual([]);
  });

  it('exports nothing when the case refuses the event, and says why', async () => {
    recordOutcome = { ok: false, reason: { code: 'case.not-assigned', params: { assignedTo: 'officer-2' } } };
    const { outcome, produced } = await produceDocument(input(sampleValues('appendix-2', 'kk')), deps());
    expect(outcome).toEqual({ kind: 'rejected', reason: recordOutcome.reason });
    expect(produced).toBeUndefined();
    expect(saved).toEqual([]);
  });

  it('prints the same document again without recording it twice', async () => {
    const values = sampleValues('appendix-2', 'kk');
    const first = await produceDocument(input(values), deps());
    const second = await produceDocument(
      input(values, { action: 'print', previous: first.produced }),
      deps(),
    );
    expect(second.outcome).toEqual({ kind: 'done', action: 'print' });
    expect(recorded).toHaveLength(1);
    expect(printed[0]?.bytes).toBe(saved[0]?.bytes);
    expect(printed[0]?.title).toBe(template.title);
    // A changed value is a new document.
    const third = await produceDocument(
      input({ ...values, decisionNumber: '03-12/1288' }, { previous: second.produced }),
      deps(),
    );
    expect(third.produced?.sha256).not.toBe(first.produced?.sha256);
    expect(recorded).toHaveLength(2);
  });

  it('reports a cancelled save dialog and a failing host apart; the document stays recorded', async () => {
    saveResult = () => Promise.resolve({ saved: false });
    expect((await produceDocument(input(sampleValues('appendix-2', 'kk')), deps())).outcome).toEqual({
      kind: 'cancelled',
    });
    saveResult = vi.fn(() => Promise.reject(new HostError('io')));
    const values = { ...sampleValues('appendix-2', 'kk'), decisionNumber: 'X-1' };
    expect((await produceDocument(input(values), deps())).outcome).toEqual({
      kind: 'host-failed',
      code: 'io',
    });
    expect(recorded).toHaveLength(2);
  });
});
