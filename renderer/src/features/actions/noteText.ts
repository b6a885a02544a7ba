import type { TFunction } from 'i18next';
import type { NoteText } from './actionTypes';

/** A note's text in the officer's language: params that are translation keys are translated first. */
export function noteString(t: TFunction, note: NoteText): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(note.params ?? {})) params[k] = typeof v === 'object' ? t(v.t) : v;
  return t(note.key, params);
}
