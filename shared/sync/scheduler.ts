/**
 * When a sync runs: at start, when the network comes back, shortly after a local action (debounced,
 * so ten quick clicks make one sync), on demand, and on a timer. A request while a run is under way
 * is remembered and runs once after it. Timers are injected so tests need no waiting.
 */
import type { SyncEngine } from './engine';

export interface SchedulerOptions {
  engine: SyncEngine;
  intervalMs: number;
  debounceMs: number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** A failed run is reported here (the engine's status already says it); never thrown. */
  onError?: (error: unknown) => void;
}

export interface SyncScheduler {
  start(): void;
  stop(): void;
  /** Soon (debounced): after a local action. */
  request(): void;
  /** Now: on demand, on `online`. */
  now(): Promise<void>;
}

export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  let timer: unknown;
  let debounce: unknown;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  const arm = () => {
    if (timer !== undefined) options.clearTimeout(timer);
    if (!stopped) timer = options.setTimeout(() => void runNow(), options.intervalMs);
  };
  const runNow = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          try {
            await options.engine.sync();
          } catch (error) {
            options.onError?.(error);
          }
        } while (again && !stopped);
      } finally {
        running = null;
        arm();
      }
    })();
    return running;
  };
  return {
    start() {
      stopped = false;
      void runNow();
    },
    stop() {
      stopped = true;
      if (timer !== undefined) options.clearTimeout(timer);
      if (debounce !== undefined) options.clearTimeout(debounce);
      timer = debounce = undefined;
    },
    request() {
      if (stopped) return;
      if (debounce !== undefined) options.clearTimeout(debounce);
      debounce = options.setTimeout(() => {
        debounce = undefined;
        void runNow();
      }, options.debounceMs);
    },
    now: runNow,
  };
}
