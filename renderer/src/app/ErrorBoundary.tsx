/**
 * The last line of defence of the UI: a screen that throws while rendering is replaced by a notice
 * in the officer's language instead of a blank window. Nothing is thrown away with it: cases,
 * events, documents and settings are in IndexedDB and the stores outside React keep their state, so
 * "back to the queue" continues where the officer was. What is lost is what only lived in the
 * broken screen (text typed into an open form), and the notice says so. Neither the screen nor the
 * log shows the error's message, which may quote case data; only its name.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { RootOptions } from 'react-dom/client';
import { Translation } from 'react-i18next';
import { log } from '../../../shared/log';
import { formatRoute, useNavigation } from '../stores/navigation';
import { Alert } from '../ui/Alert';

/** An error's class name (TypeError, StorageError…), safe to show and log; never its message. */
export function errorName(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  return /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(name) ? name : 'Error';
}

/** The innermost component of a React component stack, e.g. `CaseScreen`. */
function componentOf(info: Pick<ErrorInfo, 'componentStack'>): string {
  const match = /^\s*(?:at\s+)?([A-Za-z_$][\w$]{0,59})/m.exec(info.componentStack ?? '');
  return match?.[1] ?? 'unknown';
}

/**
 * For createRoot: React would otherwise write every caught and uncaught render error, message
 * and all, to the console itself. They go to the redacting logger instead, by name.
 */
export const rootErrorOptions: RootOptions = {
  onCaughtError: (error, info) =>
    log.error('screen failed', { error: errorName(error), component: componentOf(info) }),
  onUncaughtError: (error, info) =>
    log.error('render failed outside the boundary', {
      error: errorName(error),
      component: componentOf(info),
    }),
  onRecoverableError: (error) => log.warn('render recovered', { error: errorName(error) }),
};

/**
 * Errors no component caught (a failed promise nobody awaited, a throwing event handler) go to the
 * logger by name. In a production build the browser's own report, which prints the message, is
 * suppressed; the development build keeps it for the developer.
 */
export function logUncaughtErrors(
  target: Pick<Window, 'addEventListener'>,
  production = !import.meta.env.DEV,
): void {
  target.addEventListener('error', (event) => {
    log.error('uncaught error', { error: errorName(event.error) });
    if (production) event.preventDefault();
  });
  target.addEventListener('unhandledrejection', (event) => {
    log.error('unhandled rejection', { error: errorName(event.reason) });
    if (production) event.preventDefault();
  });
}

interface ErrorBoundaryProps {
  children: ReactNode;
  /** Reloads the desk; replaced in tests. */
  reload?: () => void;
}

interface ErrorBoundaryState {
  failed: boolean;
  name: string;
}

function reloadAtQueue(): void {
  // Reload at the queue, not at the screen that failed: it would most likely fail again.
  history.replaceState(
    history.state,
    '',
    formatRoute({ name: 'queue', queue: useNavigation.getState().lastQueue }),
  );
  location.reload();
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false, name: 'Error' };
  private unsubscribe: (() => void) | undefined;

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { failed: true, name: errorName(error) };
  }

  override componentDidMount(): void {
    // Going elsewhere (the browser's back button, a link) is a fresh start for the screens.
    this.unsubscribe = useNavigation.subscribe((now, before) => {
      if (this.state.failed && now.route !== before.route) this.setState({ failed: false });
    });
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
  }

  private readonly backToQueue = (): void => {
    const { navigate, lastQueue } = useNavigation.getState();
    navigate({ name: 'queue', queue: lastQueue });
    this.setState({ failed: false });
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const reload = this.props.reload ?? reloadAtQueue;
    return (
      <Translation>
        {(t) => (
          <div className="app">
            <main className="app-main">
              <Alert
                tone="error"
                actions={
                  <>
                    <button type="button" onClick={this.backToQueue}>
                      {t('recovery.crash.toQueue')}
                    </button>
                    <button type="button" onClick={reload}>
                      {t('recovery.crash.reload')}
                    </button>
                  </>
                }
              >
                <strong>{t('recovery.crash.title')}</strong>
                <p>{t('recovery.crash.body')}</p>
                <p className="muted">{t('recovery.crash.reference', { name: this.state.name })}</p>
              </Alert>
            </main>
          </div>
        )}
      </Translation>
    );
  }
}
