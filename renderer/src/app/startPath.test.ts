import { describe, expect, it } from 'vitest';

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
    expect(reached).toContain('renderer/src/i18n/kk/queue.json');
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
    };
    for (const { what, matches } of NOT_ON_START_PATH) {
      sources['renderer/src/app/probe.ts'] = probes[what]!;
      try {
        expect([...staticallyReached('renderer/src/app/probe.ts')].filter(matches), what).not.toEqual([]);
      } finally {
        delete sources['renderer/src/app/probe.ts'];
      }
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
