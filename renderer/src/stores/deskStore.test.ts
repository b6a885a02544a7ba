import { describe, expect, it, vi } from 'vitest';
import { AttachmentTooLargeError, StorageError } from '../db';
import type * as Db from '../db';
import { problemOf } from './problems';

vi.mock('../db', async (importOriginal) => {
  const real = await importOriginal<typeof Db>();
  return { ...real, openDesk: () => Promise.reject(new real.StorageError('blocked')) };
});

describe('storage problems', () => {
  it('turn every storage failure into a code the UI translates', () => {
    expect(problemOf(new StorageError('quota'))).toBe('quota');
    expect(problemOf(new AttachmentTooLargeError(30, 20))).toBe('attachment.too-large');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(problemOf(new TypeError('boom 850101400123'))).toBe('unknown');
    // Logged by name only: the message may quote case data.
    expect(log.mock.calls.flat().join(' ')).not.toContain('850101400123');
    log.mockRestore();
  });

  it('show a desk that cannot open as failed, with the reason, and let it try again', async () => {
    const { useDesk } = await import('./deskStore');
    await useDesk.getState().open();
    expect(useDesk.getState()).toMatchObject({ status: 'failed', fatal: 'blocked', desk: null });
    await useDesk.getState().open();
    expect(useDesk.getState().status).toBe('failed');
  });

  it('keep a failed write for the banner until dismissed', async () => {
    const { useDesk } = await import('./deskStore');
    expect(useDesk.getState().report(new StorageError('unavailable'))).toBe('unavailable');
    expect(useDesk.getState().notice).toBe('unavailable');
    useDesk.getState().dismissNotice();
    expect(useDesk.getState().notice).toBeNull();
  });
});
