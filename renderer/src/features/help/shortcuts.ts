/**
 * The desk's keyboard shortcuts: one table, read by the key handler and by the help panel, so the
 * panel lists exactly what works. A shortcut acts on an element marked for it (data-shortcut) or
 * found by its role on screen, so a screen that does not show the element simply has no shortcut.
 * Single keys, as in Gmail or Linear, and never while the officer types or a dialog is open.
 */
export type ShortcutId = 'next' | 'previous' | 'queue' | 'search' | 'action' | 'approve' | 'return' | 'help';

export interface Shortcut {
  id: ShortcutId;
  /**
   * KeyboardEvent.code: the physical key, so a shortcut works whichever layout is on (officers
   * type in Kazakh and Russian, where the J key gives «о»).
   */
  code: string;
  shift: boolean;
  /** How the help panel writes the key (the Latin letter printed on it). */
  label: string;
  /** What it acts on; 'help' opens the help panel instead. */
  target?: string;
  act: 'click' | 'focus' | 'help';
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'next', code: 'KeyJ', shift: false, label: 'J', target: '[data-shortcut="next-case"]', act: 'click' },
  {
    id: 'previous',
    code: 'KeyK',
    shift: false,
    label: 'K',
    target: '[data-shortcut="previous-case"]',
    act: 'click',
  },
  { id: 'queue', code: 'KeyU', shift: false, label: 'U', target: '[data-shortcut="queue"]', act: 'click' },
  { id: 'search', code: 'Slash', shift: false, label: '/', target: 'input[type="search"]', act: 'focus' },
  {
    id: 'action',
    code: 'KeyA',
    shift: false,
    label: 'A',
    target: '.action-buttons button.primary',
    act: 'click',
  },
  // The head's two answers in the approval view. A key opens the answer's dialog, as its button
  // does: approving still asks for the head's own secret there (requiresStepUp), returning for the
  // comment. The buttons exist only for the head at the approval stage, so elsewhere the keys do nothing.
  {
    id: 'approve',
    code: 'KeyY',
    shift: false,
    label: 'Y',
    target: '.action-buttons button[data-action="approved"]',
    act: 'click',
  },
  {
    id: 'return',
    code: 'KeyR',
    shift: false,
    label: 'R',
    target: '.action-buttons button[data-action="returned"]',
    act: 'click',
  },
  { id: 'help', code: 'Slash', shift: true, label: 'Shift + /', act: 'help' },
];

export interface KeyLike {
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element the key went to. */
  target: { tagName?: string; isContentEditable?: boolean } | null;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * The shortcut a key stands for, or undefined: a key typed into a field, with a modifier (the
 * browser's and the system's own shortcuts), or while a dialog is open is never one.
 */
export function shortcutOf(event: KeyLike, dialogOpen: boolean): Shortcut | undefined {
  if (dialogOpen || event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const target = event.target;
  if (target && (TYPING.has(target.tagName ?? '') || target.isContentEditable)) return undefined;
  return SHORTCUTS.find((s) => s.code === event.code && s.shift === event.shiftKey);
}
