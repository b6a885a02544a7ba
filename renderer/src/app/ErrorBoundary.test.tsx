// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLogSink, type LogRecord } from '../../../shared/log';
import i18n, { setLanguage } from '../i18n';
import kk from '../i18n/kk/recovery.json';
import ru from '../i18n/ru/recovery.json';
import { useNavigation } from '../stores/navigation';
import { ErrorBoundary, logUncaughtErrors, rootErrorOptions } from './ErrorBoundary';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const IIN = '880412300212';
const NAME = 'Нұрланова Айгерім';

// A screen that breaks the way a real one might: with case data in the error's message.
const broken = { now: true };
function CaseScreen() {
  if (broken.now) throw new TypeError(`cannot show ${NAME} ${IIN}`);
  return <p data-testid="screen">{useNavigation((s) => s.route.name)}</p>;
}

let container: HTMLElement;
let root: Root;
let records: LogRecord[];
let restoreSink: () => void;
const reload = vi.fn();

beforeEach(() => {
  broken.now = true;
  records = [];
  restoreSink = setLogSink((r) => records.push(r));
  setLanguage('kk');
  useNavigation.getState().navigate({ name: 'queue', queue: 'overdue' });
  useNavigation.getState().navigate({ name: 'case', caseId: 'c-1' });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container, rootErrorOptions);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  restoreSink();
  reload.mockReset();
  vi.restoreAllMocks();
});

function show(): void {
  act(() =>
    root.render(
      <ErrorBoundary reload={reload}>
        <CaseScreen />
      </ErrorBoundary>,
    ),
  );
}

const button = (label: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === label)!;

describe('the error boundary', () => {
  it('says in Kazakh what happened and that the work is kept, without personal data', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    show();
    const alert = container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain(kk.recovery.crash.title);
    expect(alert.textContent).toContain(kk.recovery.crash.body);
    expect(alert.textContent).toContain('TypeError');
    for (const secret of [IIN, NAME]) {
      expect(container.innerHTML).not.toContain(secret);
      expect(JSON.stringify(records)).not.toContain(secret);
      expect(JSON.stringify(consoleError.mock.calls)).not.toContain(secret);
    }
    expect(records).toEqual([
      expect.objectContaining({
        level: 'error',
        message: 'screen failed',
        fields: { error: 'TypeError', component: 'CaseScreen' },
      }),
    ]);
  });

  it('speaks Russian when the officer does', () => {
    act(() => setLanguage('ru'));
    show();
    expect(i18n.language).toBe('ru');
    const text = container.textContent ?? '';
    expect(text).toContain(ru.recovery.crash.title);
    expect(text).toContain(ru.recovery.crash.body);
    expect(button(ru.recovery.crash.toQueue)).toBeDefined();
    expect(button(ru.recovery.crash.reload)).toBeDefined();
  });

  it('goes back to the queue the officer came from, with the stores as they were', () => {
    show();
    expect(container.querySelector('[data-testid="screen"]')).toBeNull();
    broken.now = false;
    act(() => button(kk.recovery.crash.toQueue).click());
    expect(useNavigation.getState().route).toEqual({ name: 'queue', queue: 'overdue' });
    expect(location.hash).toBe('#/queue/overdue');
    expect(container.querySelector('[data-testid="screen"]')?.textContent).toBe('queue');
    expect(reload).not.toHaveBeenCalled();
  });

  it('starts afresh when the officer goes elsewhere, and offers a reload', () => {
    show();
    act(() => button(kk.recovery.crash.reload).click());
    expect(reload).toHaveBeenCalledOnce();
    broken.now = false;
    act(() => useNavigation.getState().navigate({ name: 'settings' }));
    expect(container.querySelector('[data-testid="screen"]')?.textContent).toBe('settings');
  });
});

describe('uncaught errors', () => {
  it('reach the logger by name only, and not the browser console in production', () => {
    const target = new EventTarget();
    logUncaughtErrors(target, true);
    const event = new ErrorEvent('error', { error: new RangeError(`bad ${IIN}`), cancelable: true });
    target.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(records.map((r) => r.fields)).toEqual([{ error: 'RangeError' }]);
    expect(JSON.stringify(records)).not.toContain(IIN);
  });
});
