// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Desk, StorageStatus } from '../../db';
import { setLanguage } from '../../i18n';
import { useDesk } from '../../stores/deskStore';
import { StorageSection } from './StorageSection';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;
beforeEach(() => {
  setLanguage('ru');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  useDesk.setState({ desk: null });
});

/** A desk whose storage answers `status`; the section reads nothing else. */
function deskWithStatus(status: StorageStatus): Desk {
  const storage = { status: () => Promise.resolve(status), requestPersistence: () => Promise.resolve(true) };
  return { storage } as unknown as Desk;
}

async function shown(status: StorageStatus): Promise<void> {
  useDesk.setState({ desk: deskWithStatus(status) });
  act(() => root.render(<StorageSection />));
  for (let i = 0; i < 10; i += 1) await act(() => new Promise((r) => setTimeout(r, 5)));
}

const MB = 1024 * 1024;
const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);

describe('settings → storage', () => {
  it('shows what the host’s file store holds beside IndexedDB’s usage (the Electron desk)', async () => {
    await shown({
      usageBytes: 2 * MB,
      quotaBytes: null,
      persisted: true,
      hostFiles: { bytes: 5 * MB, count: 5 },
    });
    expect(byTestId('storage-usage')?.textContent).toContain('2.0 МБ');
    expect(byTestId('storage-host-files')?.textContent).toBe(
      'Файлы стола (вложения и документы) хранятся в его папке на этом компьютере: 5 файлов, 5.0 МБ.',
    );
  });

  it('says nothing of a host file store in the browser, where IndexedDB holds the files', async () => {
    await shown({ usageBytes: 2 * MB, quotaBytes: null, persisted: true, hostFiles: null });
    expect(byTestId('storage-usage')?.textContent).toContain('2.0 МБ');
    expect(byTestId('storage-host-files')).toBeNull();
  });
});
