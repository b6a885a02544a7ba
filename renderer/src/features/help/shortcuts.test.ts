import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutOf, type KeyLike } from './shortcuts';

const key = (code: string, over: Partial<KeyLike> = {}): KeyLike => ({
  code,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: { tagName: 'BODY' },
  ...over,
});

describe('shortcutOf', () => {
  it('finds each shortcut by its key', () => {
    for (const s of SHORTCUTS) expect(shortcutOf(key(s.code, { shiftKey: s.shift }), false)?.id).toBe(s.id);
    expect(new Set(SHORTCUTS.map((s) => `${s.code}${s.shift}`)).size).toBe(SHORTCUTS.length);
    // The same physical key with and without Shift: search and help.
    expect(shortcutOf(key('Slash'), false)?.id).toBe('search');
    expect(shortcutOf(key('Slash', { shiftKey: true }), false)?.id).toBe('help');
    expect(shortcutOf(key('KeyJ', { shiftKey: true }), false)).toBeUndefined();
  });

  it('approve and return are keys of their own, aimed at the head’s two buttons of the approval view', () => {
    expect(shortcutOf(key('KeyY'), false)?.target).toBe('.action-buttons button[data-action="approved"]');
    expect(shortcutOf(key('KeyR'), false)?.target).toBe('.action-buttons button[data-action="returned"]');
    // Typed in the return comment or the secret field, the same keys are letters.
    expect(shortcutOf(key('KeyR', { target: { tagName: 'TEXTAREA' } }), false)).toBeUndefined();
    expect(shortcutOf(key('KeyY', { target: { tagName: 'INPUT' } }), false)).toBeUndefined();
    expect(shortcutOf(key('KeyY'), true)).toBeUndefined();
  });

  it('never takes a key typed into a field, with a modifier, or while a dialog is open', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT'])
      expect(shortcutOf(key('KeyJ', { target: { tagName } }), false)).toBeUndefined();
    expect(
      shortcutOf(key('KeyJ', { target: { tagName: 'DIV', isContentEditable: true } }), false),
    ).toBeUndefined();
    expect(shortcutOf(key('KeyJ', { ctrlKey: true }), false)).toBeUndefined();
    expect(shortcutOf(key('KeyA', { metaKey: true }), false)).toBeUndefined();
    expect(shortcutOf(key('KeyU', { altKey: true }), false)).toBeUndefined();
    expect(shortcutOf(key('KeyJ'), true)).toBeUndefined();
    expect(shortcutOf(key('KeyX'), false)).toBeUndefined();
  });
});
