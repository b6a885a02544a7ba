export interface ActionButton {
  type: string;
  label: string;
  /** The head's decisions and the final steps stand out. */
  primary?: boolean;
}

interface ActionBarProps {
  title: string;
  buttons: readonly ActionButton[];
  notes: readonly string[];
  /** A short confirmation after an action was saved. */
  status?: string | undefined;
  onAction: (type: string) => void;
}

export function ActionBar({ title, buttons, notes, status, onAction }: ActionBarProps) {
  return (
    <section className="panel actions" aria-labelledby="actions-title">
      <h3 id="actions-title">{title}</h3>
      {notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      <div className="action-buttons">
        {buttons.map((b) => (
          <button
            key={b.type}
            type="button"
            className={b.primary ? 'primary' : undefined}
            data-action={b.type}
            onClick={() => onAction(b.type)}
          >
            {b.label}
          </button>
        ))}
      </div>
      {status ? (
        <p role="status" className="action-status">
          {status}
        </p>
      ) : null}
    </section>
  );
}
