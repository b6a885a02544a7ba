/** A tiny in-process change feed: repositories tell the stores what changed after a commit. */
import { log } from '../../../shared/log';

export type Listener<T> = (change: T) => void;

export class ChangeFeed<T> {
  private readonly listeners = new Set<Listener<T>>();

  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        // One broken subscriber must not stop the others from hearing about a committed write.
        log.error('change listener failed', { error: error instanceof Error ? error.name : typeof error });
      }
    }
  }
}
