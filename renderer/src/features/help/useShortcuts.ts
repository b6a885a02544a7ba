import { useEffect } from 'react';
import { shortcutOf } from './shortcuts';

/** Listens for the desk's shortcuts (shortcuts.ts) while mounted; `onHelp` opens the help panel. */
export function useShortcuts(onHelp: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const dialogOpen = document.querySelector('dialog[open]') !== null;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const shortcut = shortcutOf(
        {
          code: event.code,
          shiftKey: event.shiftKey,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          target: target ? { tagName: target.tagName, isContentEditable: target.isContentEditable } : null,
        },
        dialogOpen,
      );
      if (!shortcut) return;
      if (shortcut.act === 'help') {
        event.preventDefault();
        onHelp();
        return;
      }
      const element = shortcut.target ? document.querySelector<HTMLElement>(shortcut.target) : null;
      if (!element) return;
      event.preventDefault();
      if (shortcut.act === 'focus') element.focus();
      else element.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onHelp, enabled]);
}
