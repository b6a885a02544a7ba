import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronFake, resetElectronFake } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).electronFake);

const TOKEN = 'dt_0123456789abcdef0123456789abcdef';
let dir: string;
beforeEach(async () => {
  resetElectronFake();
  dir = await mkdtemp(path.join(tmpdir(), 'desk-token-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function store() {
  const { safeStorage } = await import('electron');
  const { createDeviceTokenStore } = await import('./deviceToken');
  return createDeviceTokenStore(dir, safeStorage);
}

describe('the device token in the OS key store (safeStorage)', () => {
  it('keeps the token encrypted on disk and reads it back; null forgets it', async () => {
    const s = await store();
    expect(await s.read()).toBeNull();
    await s.store(TOKEN);
    const onDisk = await readFile(path.join(dir, 'device-token.bin'), 'utf8');
    expect(onDisk).not.toContain(TOKEN);
    expect(electronFake.safeStorage.encryptString).toHaveBeenCalledWith(TOKEN);
    expect(await s.read()).toBe(TOKEN);
    await s.store(null);
    expect(await s.read()).toBeNull();
  });

  it('refuses to keep a token without a real key store (Linux basic_text, or none)', async () => {
    const s = await store();
    electronFake.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    await expect(s.store(TOKEN)).rejects.toMatchObject({ name: 'HostError', code: 'not-allowed' });
    electronFake.safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
    electronFake.safeStorage.isEncryptionAvailable.mockReturnValue(false);
    await expect(s.store(TOKEN)).rejects.toMatchObject({ code: 'not-allowed' });
  });

  it('reads a token the key store can no longer decrypt as none (another account, a reset store)', async () => {
    const s = await store();
    await s.store(TOKEN);
    electronFake.safeStorage.decryptString.mockImplementation(() => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    });
    expect(await s.read()).toBeNull();
  });
});
