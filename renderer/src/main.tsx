import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary, logUncaughtErrors, rootErrorOptions } from './app/ErrorBoundary';
import { LinkNotice } from './app/LinkNotice';
import { firstScreenShown, whenIdle } from './app/firstScreen';
import { registerOfflineCache } from './app/offline';
import { preloadScreens } from './app/screens';
import { PDF_WORKER_URL, loadPdfjs } from './features/documents/pdf';
import { i18nReady } from './i18n';
import './app/tokens.css';
import './app/app.css';

logUncaughtErrors(window);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Drawn once the first screens' texts of the desk's language are there (a chunk fetched while this
// bundle still runs): never a key in place of a text. Should they not come, the desk opens anyway.
void i18nReady
  .catch(() => undefined)
  .then(() =>
    createRoot(root, rootErrorOptions).render(
      <StrictMode>
        <ErrorBoundary>
          <LinkNotice />
          <App />
        </ErrorBoundary>
      </StrictMode>,
    ),
  );

// After the first screen, while the network is surely there: the other screens' chunks, the PDF
// viewer and, in the browser build, the offline copy of the desk. None may delay the queue the
// officer is waiting for.
preloadScreens();
void firstScreenShown.then(() =>
  whenIdle(() => {
    void loadPdfjs()
      .catch(() => undefined)
      .finally(() => registerOfflineCache([PDF_WORKER_URL]));
  }),
);
