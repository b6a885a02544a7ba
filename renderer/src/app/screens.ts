/**
 * The screens the officer does not need to see the first queue, each in its own chunk: the case
 * (with the signing panel and the document tools), the settings (with sync enrolment), the help
 * panel, the signature checker (pkijs, pdf-lib) and the head's dashboard (recharts). The first three
 * are fetched when the desk is idle after the first screen, so opening a case does not wait for
 * them; the checker and the dashboard, which are heavy and opened seldom, load when opened (as they
 * did before), and so does any screen opened before its idle fetch. Each comes with the rest of the
 * current language's texts (`loadRest`, i18n/index.ts), which the first screens do not need. `startPath.test.ts` proves none of
 * them, nor the sync engine, is reached from `main.tsx` by a static import.
 */
import { lazy, useEffect, useState, type ComponentType } from 'react';
import { loadRest } from '../i18n';
import { afterFirstScreen } from './firstScreen';

export { afterFirstScreen };

interface LazyScreen<P> {
  Screen: ComponentType<P>;
  preload: () => Promise<unknown>;
}

const loaders: Array<() => Promise<unknown>> = [];

function lazyScreen<P, M>(
  load: () => Promise<M>,
  pick: (m: M) => ComponentType<P>,
  preloaded: boolean,
): LazyScreen<P> {
  let loading: Promise<M> | undefined;
  // With the rest of the texts (only the first screens' come at start): no key shows in their place.
  const once = () => (loading ??= Promise.all([load(), loadRest()]).then(([m]) => m));
  if (preloaded) loaders.push(once);
  // A failed fetch (the network went while loading) is not remembered: the next attempt fetches again.
  const Screen = lazy(() =>
    once().then(
      (m) => ({ default: pick(m) }),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ),
  );
  return { Screen, preload: once };
}

export const CaseScreen = lazyScreen(
  () => import('../features/case/CaseScreen'),
  (m) => m.CaseScreen,
  true,
);
export const SettingsScreen = lazyScreen(
  () => import('../features/settings/SettingsScreen'),
  (m) => m.SettingsScreen,
  true,
);
export const HelpPanel = lazyScreen(
  () => import('../features/help/HelpPanel'),
  (m) => m.HelpPanel,
  true,
);
export const CheckSignatureScreen = lazyScreen(
  () => import('../features/signing/CheckSignatureScreen'),
  (m) => m.CheckSignatureScreen,
  false,
);
export const DashboardScreen = lazyScreen(
  () => import('../features/dashboard/DashboardScreen'),
  (m) => m.default,
  false,
);

/** Fetches the case, settings and help chunks one after another in idle time (a failure is retried when opened). */
export function preloadScreens(): void {
  afterFirstScreen(() => {
    void loaders.reduce<Promise<unknown>>(
      (previous, load) => previous.then(() => load().catch(() => undefined)),
      Promise.resolve(),
    );
  });
}

/** False until the desk is idle after its first screen: what renders only then fetches only then. */
export function useAfterFirstScreen(): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let current = true;
    afterFirstScreen(() => {
      if (current) setShown(true);
    });
    return () => {
      current = false;
    };
  }, []);
  return shown;
}
