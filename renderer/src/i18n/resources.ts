// One JSON file per part of the desk and language, merged key by key: two files may share a section
// (ncalayer.json adds `signing.ncalayer.*` beside the rest of `signing`), but never a key, which the
// merge refuses and a test proves. The parity test proves kk and ru hold the same keys.
//
// None of them is on the start path: each language comes in two parts, fetched with `import()`
// (index.ts) — `start`, the files the first screens (first start, sign-in, lock, header, queue,
// deadline notice) read, and `rest`, everything else, fetched with the lazy screens. The browser build
// fetches each part's files at once (one small chunk each, in parallel), so the other language is
// never fetched until the officer switches to it.
import { START_FILES, type Language, type Part } from './parts';

export type Resources = { [key: string]: string | Resources };

/** Every translation file, by path (`./kk/queue.json`), fetched when first asked for. */
const FILES = import.meta.glob<Resources>('./{kk,ru}/*.json', { import: 'default' });

/** Which part a file (`./kk/ux-more.json`) belongs to. */
export function partOf(path: string): Part {
  const name = path.replace(/^.*\//, '').replace(/\.json$/, '');
  return (START_FILES as readonly string[]).includes(name) ? 'start' : 'rest';
}

/** The paths of one part of one language, in a fixed order (the merge's errors name the same key). */
export function pathsOf(language: Language, part: Part): string[] {
  return Object.keys(FILES)
    .filter((p) => p.startsWith(`./${language}/`) && partOf(p) === part)
    .sort();
}

/** One part of one language, its files fetched and merged. */
export async function loadPart(language: Language, part: Part): Promise<Resources> {
  const files = await Promise.all(pathsOf(language, part).map((p) => FILES[p]!()));
  return mergeResources(files);
}

/** What merging gives, as a type: every file's keys at once (a shared section holds both files'). */
type Merged<T extends readonly object[]> = (
  T[number] extends infer U ? (U extends unknown ? (file: U) => void : never) : never
) extends (file: infer I) => void
  ? I
  : never;

/** The files merged section by section; a key two files both give is an error, never an overwrite. */
export function mergeResources<T extends readonly object[]>(files: T): Merged<T> {
  const out: Resources = {};
  const into = (target: Resources, source: object, path: string): void => {
    for (const [key, value] of Object.entries(source) as [string, unknown][]) {
      const at = path ? `${path}.${key}` : key;
      const existing = target[key];
      if (typeof value === 'object' && value !== null) {
        if (typeof existing === 'string') throw new Error(`translation key given twice: ${at}`);
        const section: Resources = existing ?? {};
        target[key] = section;
        into(section, value, at);
      } else {
        if (existing !== undefined) throw new Error(`translation key given twice: ${at}`);
        target[key] = String(value);
      }
    }
  };
  for (const file of files) into(out, file, '');
  return out as Merged<T>;
}
