import { existsSync } from 'node:fs';

/**
 * Debian's Chromium, never a Playwright browser download (the machines cannot fetch one).
 * CHROMIUM_PATH overrides the default.
 */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's build with \`sudo apt-get install chromium\` ` +
        'or point CHROMIUM_PATH at a Chromium binary. Playwright browser downloads are not used.',
    );
  }
  return path;
}

/** Flags that keep Chromium quiet on a closed network and reproducible in CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
