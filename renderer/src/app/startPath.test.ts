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
 * Static imports that stay in the build (`import … from`, `export … from`, bare `import '…'`).
 * `import type` is erased by the compiler; `import()` loads on demand.
 */
const STATIC = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/g;

function resolve(from: string, spec: string): string | undefined {
  const base = join(from, spec);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((p) => p in sources);
}

/** Every module reached from `entry` by the static imports of the build. */
function staticallyReached(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of sources[file]!.matchAll(STATIC)) {
      const target = resolve(file, m[1]!);
      if (target) todo.push(target);
    }
  }
  return seen;
}

describe('the production start path', () => {
  it('never loads the demo: its cases, files and users come with import() when asked for', () => {
    const reached = [...staticallyReached('renderer/src/main.tsx')];
    expect(reached.length).toBeGreaterThan(50);
    expect(reached).toContain('renderer/src/stores/deskStore.ts');
    expect(reached).toContain('shared/auth/index.ts');
    const demo = reached.filter(
      (p) => p.startsWith('renderer/src/demo/') || p === 'shared/auth/demo-users.ts',
    );
    expect(demo).toEqual([]);
  });

  it('would notice a static import of the demo (the check itself works)', () => {
    sources['renderer/src/probe.ts'] = "import {\n  loadDemoData,\n} from './demo';\n";
    try {
      expect([...staticallyReached('renderer/src/probe.ts')]).toContain('renderer/src/demo/index.ts');
    } finally {
      delete sources['renderer/src/probe.ts'];
    }
  });
});
