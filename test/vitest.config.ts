import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests live beside what they test. Tests of renderer code that touch the DOM opt into a
// DOM per file; IndexedDB comes from fake-indexeddb (imported by those tests).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: [
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'electron/**/*.test.ts',
      'test/unit/**/*.test.ts',
      'test/ncalayer/**/*.test.ts',
      'server/**/*.test.ts',
      'test/sync/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'threads',
    testTimeout: 20_000,
    // @li0ard/streebog's ESM imports without file extensions: vite resolves them, plain Node not.
    server: { deps: { inline: ['@li0ard/streebog'] } },
  },
});
