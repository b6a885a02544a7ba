/**
 * The forms panel and the template settings, loaded when first shown rather than with the desk:
 * their PDF libraries (pdf-lib, fontkit, pako) would otherwise be parsed before the queue can be
 * drawn. The browser build's offline copy stores every file of the build (see app/offline.ts), so
 * this works unplugged too.
 */
import { useEffect, useState } from 'react';
import type { CaseState } from '../../../../shared/workflow';
import { useLanguage } from '../../i18n/useLanguage';
import { Alert } from '../../ui/Alert';
import type * as FormsEntry from './entry';

type FormsModule = typeof FormsEntry;

let loading: Promise<FormsModule> | undefined;
let loaded: FormsModule | undefined;

/** One request for the forms chunk; a failed one (e.g. offline before it was stored) can be retried. */
export function loadFormsModule(): Promise<FormsModule> {
  loading ??= import('./entry').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

type Loaded = { module: FormsModule } | { failed: true } | { pending: true };

function useFormsModule(): [Loaded, () => void] {
  const [state, setState] = useState<Loaded>(loaded ? { module: loaded } : { pending: true });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadFormsModule().then(
      (module) => live && setState({ module }),
      () => live && setState({ failed: true }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = () => {
    setState({ pending: true });
    setAttempt((n) => n + 1);
  };
  return [state, retry];
}

/** The loading line or, when the chunk could not be fetched, a way to try again. */
function NotYet({ state, retry }: { state: Loaded; retry: () => void }) {
  const { t } = useLanguage();
  if ('failed' in state)
    return (
      <Alert
        tone="error"
        actions={
          <button type="button" onClick={retry}>
            {t('common.tryAgain')}
          </button>
        }
      >
        {t('forms.lazy.failed')}
      </Alert>
    );
  return (
    <p className="muted" role="status">
      {t('forms.lazy.loading')}
    </p>
  );
}

export function LazyFormsPanel({ state }: { state: CaseState }) {
  const [forms, retry] = useFormsModule();
  if (!('module' in forms)) return <NotYet state={forms} retry={retry} />;
  const { FormsPanel } = forms.module;
  return <FormsPanel state={state} />;
}

export function LazyFormTemplatesSection() {
  const [forms, retry] = useFormsModule();
  if (!('module' in forms)) return <NotYet state={forms} retry={retry} />;
  const { FormTemplatesSection } = forms.module;
  return <FormTemplatesSection />;
}
