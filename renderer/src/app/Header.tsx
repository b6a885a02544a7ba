import type { ReactNode } from 'react';
import type { Language } from '../i18n';

interface HeaderProps {
  title: string;
  akimat: string;
  languageLabel: string;
  language: Language;
  languages: ReadonlyArray<{ value: Language; label: string }>;
  onLanguage: (language: Language) => void;
  /** Whether the computer has a network now, in words. */
  network: { online: boolean; label: string; hint: string };
  nav: ReadonlyArray<{ key: string; label: string; current: boolean; onClick: () => void }>;
  /** The sync status (features/sync), shown beside the language. */
  status?: ReactNode;
  /** Shown when someone is signed in. */
  user?: {
    name: string;
    role: string;
    lockLabel: string;
    onLock: () => void;
    signOutLabel: string;
    onSignOut: () => void;
  };
}

export function Header(p: HeaderProps) {
  return (
    <header className="app-header">
      <div className="app-brand">
        <h1>{p.title}</h1>
        <span className="app-akimat">{p.akimat}</span>
      </div>
      {p.nav.length > 0 ? (
        <nav className="app-nav">
          {p.nav.map((n) => (
            <button
              key={n.key}
              type="button"
              className="link-button"
              aria-current={n.current ? 'page' : undefined}
              onClick={n.onClick}
            >
              {n.label}
            </button>
          ))}
        </nav>
      ) : null}
      <div className="app-tools">
        <span
          className={`app-network ${p.network.online ? 'app-network-online' : 'app-network-offline'}`}
          data-testid="network-status"
          data-online={p.network.online}
          role="status"
          title={p.network.hint}
        >
          {p.network.label}
        </span>
        {p.status}
        <label htmlFor="desk-language">{p.languageLabel}</label>
        <select
          id="desk-language"
          value={p.language}
          onChange={(e) => p.onLanguage(e.target.value as Language)}
        >
          {p.languages.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
        {p.user ? (
          <span className="app-user">
            <span data-testid="current-user">{p.user.name}</span> <span className="muted">{p.user.role}</span>{' '}
            <button type="button" className="link-button" onClick={p.user.onLock}>
              {p.user.lockLabel}
            </button>{' '}
            <button type="button" className="link-button" onClick={p.user.onSignOut}>
              {p.user.signOutLabel}
            </button>
          </span>
        ) : null}
      </div>
    </header>
  );
}
