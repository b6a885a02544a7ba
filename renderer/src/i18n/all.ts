/**
 * Every text of both languages at once, for the tests (the desk fetches them part by part:
 * resources.ts). `startPath.test.ts` keeps this module off the start path.
 */
import { mergeResources, type Resources } from './resources';

const GLOB = import.meta.glob<Resources>('./{kk,ru}/*.json', { import: 'default', eager: true });

/** Every file of one language. */
export const FILES = {
  kk: Object.entries(GLOB).flatMap(([p, f]) => (p.startsWith('./kk/') ? [f] : [])),
  ru: Object.entries(GLOB).flatMap(([p, f]) => (p.startsWith('./ru/') ? [f] : [])),
};
export const kk: Resources = mergeResources(FILES.kk);
export const ru: Resources = mergeResources(FILES.ru);
