// The device token of the central system (issue 9), kept encrypted with the operating system's key
// store through Electron's safeStorage (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on
// Linux) in `device-token.bin` under the user-data folder. Without a key store safeStorage would
// fall back to a fixed key on Linux ('basic_text'): then the token is refused rather than kept in
// what only looks encrypted, and the desk says it cannot be enrolled on this computer.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { HostError } from '../../shared/host/contract';
import { writeFileAtomic } from './atomicWrite';

export const DEVICE_TOKEN_FILE = 'device-token.bin';

/** The part of Electron's safeStorage used here (tests pass their own). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface DeviceTokenStore {
  read(): Promise<string | null>;
  store(token: string | null): Promise<null>;
}

function protectedEnough(safe: SafeStorageLike): boolean {
  if (!safe.isEncryptionAvailable()) return false;
  // Linux without a secret service: a hard-coded password, i.e. no protection at all.
  return safe.getSelectedStorageBackend?.() !== 'basic_text';
}

export function createDeviceTokenStore(userDataDir: string, safe: SafeStorageLike): DeviceTokenStore {
  const file = path.join(userDataDir, DEVICE_TOKEN_FILE);
  return {
    async read() {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        return null;
      }
      if (!protectedEnough(safe)) throw new HostError('not-allowed', 'no OS key store');
      try {
        return safe.decryptString(bytes);
      } catch {
        // Encrypted under another OS account or a reset key store: as good as no token.
        return null;
      }
    },
    async store(token) {
      if (token === null) {
        await rm(file, { force: true });
        return null;
      }
      if (!protectedEnough(safe)) throw new HostError('not-allowed', 'no OS key store');
      await writeFileAtomic(file, new Uint8Array(safe.encryptString(token)));
      return null;
    },
  };
}
