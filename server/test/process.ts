/** The central server as a real process (`server/src/main.ts` under tsx), for the tests that need one. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CentralProcess {
  url: string;
  /** Everything the process printed on stdout (its answers: codes, tokens, the address). */
  output: string[];
  /** Its log lines (stderr, one JSON record each). */
  logs: string[];
  stop(): Promise<void>;
}

export function runCentral(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<CentralProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`the central server did not start: ${output.join(' | ')} ${logs.slice(-3).join(' | ')}`),
      );
    }, 120_000);
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        const listening = /listening on (http:\/\/\S+)/.exec(line);
        if (listening?.[1]) {
          clearTimeout(timer);
          const exited = new Promise<void>((done) => child.once('exit', () => done()));
          resolve({
            url: listening[1],
            output,
            logs,
            stop: () => {
              child.kill('SIGTERM');
              return exited;
            },
          });
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) =>
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)),
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`the central server exited (${code}) before listening: ${logs.slice(-5).join(' | ')}`),
      );
    });
  });
}
