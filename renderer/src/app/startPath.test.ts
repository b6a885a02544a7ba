import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../i18n/parts';
import { mergeResources, partOf, pathsOf, type Resources } from '../i18n/resources';

/** `spec` resolved against the file `from`, both paths from the repository's root. */
function join(from: string, spec: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

const HERE = 'renderer/src/app/startPath.test.ts';
// The source of every module the renderer can load, by its path from the repository's root.
const sources: Record<string, string> = Object.fromEntries(
  Object.entries({
    ...import.meta.glob('../**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }),
    ...import.meta.glob('../../../shared/**/*.ts', { query: '?raw', import: 'default', eager: true }),
  }).map(([path, text]) => [join(HERE, path), String(text)]),
);

/**
 * Static imports that stay in the build (`import … from`, `export … from`, bare `import '…'`),
 * of our modules and of packages alike. `import type` is erased by the compiler; `import()` loads
 * on demand, in a chunk of its own.
 */
const STATIC = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;
/** `import.meta.glob(…, { eager: true })` is a static import of every file it matches. */
const EAGER_GLOB = /import\.meta\.glob\(\s*(\[[^\]]*\]|'[^']*')[^)]*eager:\s*true/g;

/**
 * A module of ours (its path), a file it imports (JSON, CSS: its path), a package (`npm:name`), or
 * the address of a file the build emits (`?url`: a string, no code is loaded).
 */
function resolve(from: string, spec: string): string {
  if (spec.endsWith('?url')) return `url:${spec}`;
  if (!spec.startsWith('.')) {
    const parts = spec.split('/');
    return `npm:${spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]}`;
  }
  const base = join(from, spec);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((p) => p in sources) ?? base;
}

/** Every module, file and package reached from `entry` by the static imports of the build. */
function staticallyReached(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of (sources[file] ?? '').matchAll(STATIC)) todo.push(resolve(file, m[1]!));
    for (const m of (sources[file] ?? '').matchAll(EAGER_GLOB))
      todo.push(`glob:${join(file, m[1]!.replace(/[[\]'\s]/g, ''))}`);
  }
  return seen;
}

/**
 * What the officer's way to the first queue must not carry, each loaded with `import()` where it
 * is used: together they made the start bundle grow from 942 KB to 1,105 KB (issues 8, 9 and 11),
 * and the desk open more slowly (see the README's Benchmarks).
 */
const NOT_ON_START_PATH: ReadonlyArray<{ what: string; matches: (p: string) => boolean }> = [
  {
    what: 'the demo',
    matches: (p) => p.startsWith('renderer/src/demo/') || p === 'shared/auth/demo-users.ts',
  },
  {
    what: 'signing and its crypto',
    matches: (p) =>
      ['npm:pkijs', 'npm:asn1js', 'npm:node-forge', 'npm:@noble/curves', 'npm:@noble/hashes'].includes(p) ||
      p.startsWith('renderer/src/features/signing/') ||
      // The code lists the UI translates are allowed (types.ts, pdf/errors.ts, ncalayer/problems.ts).
      (p.startsWith('shared/signing/') &&
        ![
          'shared/signing/types.ts',
          'shared/signing/pdf/errors.ts',
          'shared/signing/ncalayer/problems.ts',
        ].includes(p)),
  },
  {
    what: 'PDF writing and reading',
    matches: (p) =>
      ['npm:pdf-lib', 'npm:pdfjs-dist', 'npm:@pdf-lib/fontkit', 'npm:fflate', 'npm:qrcode'].includes(p),
  },
  {
    what: 'the dashboard and its charts',
    matches: (p) =>
      ['npm:recharts', 'npm:write-excel-file'].includes(p) ||
      p.startsWith('renderer/src/features/dashboard/') ||
      // Its aggregation; the facts of one case (facts.ts, stored.ts) are written at ingest.
      p === 'shared/metrics/aggregate.ts',
  },
  {
    what: 'the sync engine, tus uploads and the API schemas',
    matches: (p) =>
      p === 'npm:tus-js-client' ||
      p.startsWith('shared/sync/') ||
      (p.startsWith('shared/api/') && p !== 'shared/api/rejection-codes.ts') ||
      p === 'renderer/src/features/sync/syncStore.ts',
  },
  {
    what: 'the case, settings and help screens',
    matches: (p) =>
      p === 'renderer/src/features/case/CaseScreen.tsx' ||
      p === 'renderer/src/features/settings/SettingsScreen.tsx' ||
      p === 'renderer/src/features/help/HelpPanel.tsx',
  },
  { what: 'the bundled form templates', matches: (p) => p.startsWith('resources/forms/') },
  {
    // Each language's texts come with import() (i18n/resources.ts): the first screens' part of the
    // desk's own language only, the other language when the officer switches to it.
    what: 'the texts of either language',
    matches: (p) =>
      (p.startsWith('renderer/src/i18n/') && p.endsWith('.json')) ||
      (p.startsWith('glob:') && p.includes('/i18n/')),
  },
];

describe('the production start path', () => {
  const reached = [...staticallyReached('renderer/src/main.tsx')];

  it('is followed through our modules and into the packages they import', () => {
    expect(reached.length).toBeGreaterThan(50);
    expect(reached).toContain('renderer/src/stores/deskStore.ts');
    expect(reached).toContain('renderer/src/features/queue/QueueScreen.tsx');
    expect(reached).toContain('shared/auth/index.ts');
    expect(reached).toContain('npm:dexie');
    expect(reached).toContain('npm:@tanstack/react-virtual');
    expect(reached).toContain('renderer/src/i18n/resources.ts');
  });

  it.each(NOT_ON_START_PATH)('does not carry $what: it comes with import() when needed', ({ matches }) => {
    expect(reached.filter(matches)).toEqual([]);
  });

  it('would notice a static import of any of them (the check itself works)', () => {
    const probes: Record<string, string> = {
      'the demo': "import {\n  loadDemoData,\n} from '../demo';\n",
      'signing and its crypto': "import { SignedData } from 'pkijs';\n",
      'PDF writing and reading': "export { PDFDocument } from 'pdf-lib';\n",
      'the dashboard and its charts':
        "import DashboardScreen from '../features/dashboard/DashboardScreen';\n",
      'the sync engine, tus uploads and the API schemas':
        "import { useSync } from '../features/sync/syncStore';\n",
      'the case, settings and help screens': "import { CaseScreen } from '../features/case/CaseScreen';\n",
      'the bundled form templates': "import { getBundledTemplate } from '../../../shared/forms/templates';\n",
      'the texts of either language': "import ruQueue from '../i18n/ru/queue.json';\n",
    };
    for (const { what, matches } of NOT_ON_START_PATH) {
      sources['renderer/src/app/probe.ts'] = probes[what]!;
      try {
        expect([...staticallyReached('renderer/src/app/probe.ts')].filter(matches), what).not.toEqual([]);
      } finally {
        delete sources['renderer/src/app/probe.ts'];
      }
    }
    // An eager glob is a static import of what it matches.
    sources['renderer/src/app/probe.ts'] =
      "const all = import.meta.glob('../i18n/ru/*.json', { import: 'default', eager: true });\n";
    try {
      expect([...staticallyReached('renderer/src/app/probe.ts')]).toContain(
        'glob:renderer/src/i18n/ru/*.json',
      );
    } finally {
      delete sources['renderer/src/app/probe.ts'];
    }
    // Types are erased and import() is its own chunk: neither puts a module on the start path.
    sources['renderer/src/app/probe.ts'] =
      "import type { SyncStatus } from '../../../shared/sync';\nconst m = () => import('pdf-lib');\n";
    try {
      expect([...staticallyReached('renderer/src/app/probe.ts')]).toEqual(['renderer/src/app/probe.ts']);
    } finally {
      delete sources['renderer/src/app/probe.ts'];
    }
  });
});

// Every translation file of both languages, read here (a test) at once.
const FILES = import.meta.glob<Resources>('../i18n/{kk,ru}/*.json', { import: 'default', eager: true });
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The keys of a merged part, plural forms and sections included (`queue`, `queue.count`). */
function pathsIn(node: Resources, prefix = '', out = new Set<string>()): Set<string> {
  for (const [k, v] of Object.entries(node)) {
    const at = prefix ? `${prefix}.${k}` : k;
    out.add(at.replace(PLURAL, ''));
    if (typeof v === 'object') pathsIn(v, at, out);
  }
  return out;
}

/**
 * The keys a module names: every literal that looks like one ('queue.title', "a.b"), and every
 * template that builds one from a fixed section (`queueName.${queue}` names all of `queueName`).
 */
function keysNamed(source: string, sections: ReadonlySet<string>): { keys: string[]; prefixes: string[] } {
  const keys = [...source.matchAll(/['"`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"`]/g)].map((m) => m[1]!);
  const prefixes = [...source.matchAll(/`([a-zA-Z][\w-]*(?:\.[\w-]+)*)\.\$\{/g)].map((m) => m[1]!);
  const ours = (k: string) => sections.has(k.split('.')[0]!);
  return { keys: keys.filter(ours), prefixes: prefixes.filter(ours) };
}

/**
 * Names on the start path that the first screens never show, by module: a key prefix each (or
 * `*`: none of the module's names is a text), with why. Anything else a start-path module names
 * must be in the first part, or the first screens would show it as a key.
 */
const NOT_SHOWN_AT_START: Record<string, { prefixes: readonly string[]; why: string }> = {
  'renderer/src/db/repositories/sync-state.ts': { prefixes: ['*'], why: 'row keys of the syncState table' },
  'renderer/src/db/cases/discard.ts': { prefixes: ['*'], why: 'row keys of the syncState table' },
  'renderer/src/i18n/codes.ts': {
    prefixes: ['signing', 'finding', 'sync.reason'],
    why: 'the code lists of the case, signature-check and sync screens, drawn only after loadRest()',
  },
};

describe('the texts on the start path', () => {
  const reached = [...staticallyReached('renderer/src/main.tsx')].filter((p) => p in sources);
  const part = (language: string, which: 'start' | 'rest' | 'all'): Resources =>
    mergeResources(
      Object.entries(FILES)
        .filter(([p]) => p.includes(`/${language}/`) && (which === 'all' || partOf(p) === which))
        .map(([, file]) => file),
    );

  it.each(LANGUAGES)(
    'are all in the first part of %s: every key a start-path module names, fetched before the first screen',
    (language) => {
      const all = pathsIn(part(language, 'all'));
      const start = pathsIn(part(language, 'start'));
      const sections = new Set([...all].filter((k) => !k.includes('.')));
      const missing: string[] = [];
      let count = 0;
      for (const file of reached) {
        const except = NOT_SHOWN_AT_START[file]?.prefixes ?? [];
        const shown = (k: string) => !except.some((e) => e === '*' || k === e || k.startsWith(`${e}.`));
        const named = keysNamed(sources[file]!, sections);
        const keys = named.keys.filter(shown);
        const prefixes = named.prefixes.filter(shown);
        for (const key of keys.filter((k) => all.has(k.replace(PLURAL, '')))) {
          count++;
          if (!start.has(key.replace(PLURAL, ''))) missing.push(`${file}: ${key}`);
        }
        for (const prefix of prefixes) {
          count++;
          const under = [...all].filter((k) => k.startsWith(`${prefix}.`));
          if (under.length === 0 || under.some((k) => !start.has(k))) missing.push(`${file}: ${prefix}.*`);
        }
      }
      expect(count).toBeGreaterThan(100);
      expect(missing).toEqual([]);
    },
  );

  it('leave the rest of the files to the lazy screens', () => {
    for (const language of LANGUAGES) {
      expect(pathsOf(language, 'start').length).toBeGreaterThan(3);
      expect(pathsOf(language, 'rest').length).toBeGreaterThan(pathsOf(language, 'start').length);
    }
  });
});
