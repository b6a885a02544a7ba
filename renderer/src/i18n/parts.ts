/**
 * The desk's texts come in two parts per language (resources.ts): `start`, what the first screens
 * need — the first start, sign-in, the lock, the header, the queue and the deadline notice — and
 * `rest`, fetched with the first lazy screen (case, settings, help, signature check, dashboard, sync
 * status). `startPath.test.ts` proves every key the start path's modules name is in `start`.
 */
export type Language = 'kk' | 'ru';
export const LANGUAGES: readonly Language[] = ['kk', 'ru'];
export type Part = 'start' | 'rest';

/** Files (renderer/src/i18n/<language>/<name>.json) of the `start` part; every other file is `rest`. */
export const START_FILES = [
  'auth',
  'codes',
  'common',
  'header',
  'notify',
  'queue',
  'recovery',
  'ux',
  'ux-more',
] as const;
