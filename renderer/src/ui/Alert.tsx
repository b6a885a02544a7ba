import type { ReactNode } from 'react';

interface AlertProps {
  tone: 'error' | 'warning' | 'info' | 'success';
  children: ReactNode;
  /** Buttons, e.g. dismiss or try again. */
  actions?: ReactNode;
}

/** Errors interrupt (role=alert); other notes are announced politely. */
export function Alert({ tone, children, actions }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="alert-text">{children}</div>
      {actions ? <div className="alert-actions">{actions}</div> : null}
    </div>
  );
}
