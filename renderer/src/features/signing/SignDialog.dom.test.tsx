// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseState } from '../../../../shared/workflow';
import type { Desk } from '../../db';
import { openTestDesk } from '../../db/testing';
import { setLanguage } from '../../i18n';
import ru from '../../i18n/ru/signing.json';
import { useDesk } from '../../stores/deskStore';
import { SignDialog } from './SignDialog';
import { UnstampedDialog } from './UnstampedDialog';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

/** NCALayer is not running here: every connection fails at once. */
class NoNcaLayer {
  onerror: (() => void) | null = null;
  onclose: (() => void) | null = null;
  constructor() {
    setTimeout(() => {
      this.onerror?.();
      this.onclose?.();
    }, 0);
  }
  addEventListener(type: string, listener: () => void) {
    if (type === 'error' || type === 'close') setTimeout(listener, 0);
  }
  removeEventListener() {}
  close() {}
  send() {}
}

let container: HTMLElement;
let root: Root;
let desk: Desk;
beforeEach(async () => {
  setLanguage('ru');
  vi.stubGlobal('WebSocket', NoNcaLayer);
  desk = await openTestDesk();
  useDesk.setState({ desk });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  desk.close();
  vi.unstubAllGlobals();
});

const s = ru.signing;

describe('the "record without a time stamp" step', () => {
  it('says why the TSA gave none, and records or drops only on the signer’s word', () => {
    const onRecord = vi.fn();
    const onDrop = vi.fn();
    act(() =>
      root.render(
        <UnstampedDialog
          title={s.dialog.title}
          problem="tsa.unreachable"
          busy={false}
          onRecord={onRecord}
          onDrop={onDrop}
          onClose={() => undefined}
        />,
      ),
    );
    const problem = document.querySelector('[data-testid="timestamp-problem"]');
    expect(problem?.textContent).toBe(s.dialog.tsaFailed.replace('{{reason}}', s.error.tsa.unreachable));
    expect(onRecord).not.toHaveBeenCalled();
    act(() => document.querySelector<HTMLButtonElement>('[data-testid="record-without-timestamp"]')!.click());
    expect(onRecord).toHaveBeenCalledTimes(1);
    const drop = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === s.dialog.dropUnstamped,
    );
    act(() => drop!.click());
    expect(onDrop).toHaveBeenCalledTimes(1);
  });

  it('while recording, neither button can be pressed twice', () => {
    act(() =>
      root.render(
        <UnstampedDialog
          title={s.dialog.title}
          problem={undefined}
          busy
          onRecord={vi.fn()}
          onDrop={vi.fn()}
          onClose={vi.fn()}
        />,
      ),
    );
    const record = document.querySelector<HTMLButtonElement>('[data-testid="record-without-timestamp"]')!;
    expect(record.disabled).toBe(true);
  });
});

describe('SignDialog in cosign mode', () => {
  const first = {
    signatureFormat: 'cms-detached',
    documentSha256: 'a'.repeat(64),
    signedPdfSha256: 'b'.repeat(64),
    signerName: 'ТЕСТОВ ТЕСТ',
    certificateSerial: '1001',
  };
  const state = {
    signature: first,
    cosignatures: [],
    producedDocuments: [
      { sha256: 'a'.repeat(64), form: 'appendix-3', language: 'kk', at: '2026-12-01T05:00:00Z' },
    ],
    decision: { kind: 'grant' },
    application: { caseNumber: 'KZ-1' },
    office: { utcOffsetMinutes: 300 },
  } as unknown as CaseState;

  it('names the signature it cosigns over, offers no document to choose, and asks for the key', async () => {
    act(() => root.render(<SignDialog state={state} mode="cosign" onDone={vi.fn()} onClose={vi.fn()} />));
    expect(document.querySelector('dialog')?.textContent).toContain(s.dialog.cosignTitle);
    expect(document.querySelector('[data-testid="cosign-over"]')?.textContent).toBe(
      s.dialog.cosignOver.replace('{{signer}}', 'ТЕСТОВ ТЕСТ').replace('{{serial}}', '1001'),
    );
    expect(document.querySelector('select')).toBeNull();
    // Submitting without a key signs nothing and says what is missing.
    const submit = [...document.querySelectorAll('button')].find((b) => b.textContent === s.dialog.submit)!;
    await act(() => Promise.resolve(submit.click()));
    expect(document.querySelector('[data-testid="sign-failure"]')?.textContent).toBe(s.dialog.missing);
  });

  it('in sign mode the same state offers the produced documents instead', () => {
    act(() => root.render(<SignDialog state={state} onDone={vi.fn()} onClose={vi.fn()} />));
    expect(document.querySelector('[data-testid="cosign-over"]')).toBeNull();
    expect(document.querySelector('dialog')?.textContent).toContain(s.dialog.title);
  });
});
