/** Running OpenSSL on files in a temporary folder (interop tests: OpenSSL is the independent side). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OpensslDir {
  /** Writes a file and returns its path. */
  file(name: string, content: Uint8Array | string): string;
  read(name: string): Uint8Array;
  path(name: string): string;
  run(args: string[]): { status: number | null; out: string };
  remove(): void;
}

export function opensslDir(): OpensslDir {
  const dir = mkdtempSync(join(tmpdir(), 'desk-openssl-'));
  return {
    file(name, content) {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    },
    read: (name) => new Uint8Array(readFileSync(join(dir, name))),
    path: (name) => join(dir, name),
    run(args) {
      const r = spawnSync('openssl', args, { cwd: dir, maxBuffer: 1 << 24 });
      return { status: r.status, out: r.stdout.toString() + r.stderr.toString() };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
