import type { QueueKey } from './queueModel';

interface QueueNavProps {
  title: string;
  /** `count` undefined: not known yet (every row is still being read), shown as "…". */
  items: ReadonlyArray<{ key: QueueKey; label: string; count: number | undefined; tone?: 'bad' | 'warn' }>;
  current: QueueKey;
  onSelect: (queue: QueueKey) => void;
}

/** The work queues with how many cases each holds under the current filters. */
export function QueueNav({ title, items, current, onSelect }: QueueNavProps) {
  return (
    <nav className="queue-nav" aria-label={title}>
      <ul>
        {items.map((q) => (
          <li key={q.key}>
            <button
              type="button"
              className={`queue-nav-item${q.tone ? ` queue-nav-${q.tone}` : ''}`}
              aria-current={q.key === current ? 'true' : undefined}
              data-queue={q.key}
              onClick={() => onSelect(q.key)}
            >
              <span className="queue-nav-label">{q.label}</span>
              <span className="queue-nav-count">{q.count ?? '…'}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
