// Lint enforces the runtime boundaries of ARCHITECTURE.md: shared/ is pure TypeScript, the renderer
// never reaches Node or Electron, components reach storage only through renderer/src/db/index.ts,
// electron/ never imports the renderer, and only the logger's console sink writes to the console.
// test/unit/lint/boundaries.test.ts proves each of these rules fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';
import desk from './lint/boundaries.mjs';

const TESTING = ['vitest'];
// Tests of any layer may read the shared fixtures (test/fixtures).
const FIXTURES = ['fixtures'];
// The signing code's packages (shared/signing; the test PKI in test/signing builds with them too).
const SIGNING = ['pkijs', 'asn1js', 'node-forge', '@noble/curves', '@noble/hashes'];
// The signed PDF (shared/signing/pdf): qrcode (the stamp's QR symbol, drawn as vector paths),
// @signpdf/placeholder-pdf-lib (the PAdES signature field and ByteRange placeholder over pdf-lib)
// and @signpdf/utils (its constants; its Buffer-based helpers are not used, shared/ runs in the browser).
const PDF_SIGNING = ['qrcode', '@signpdf/placeholder-pdf-lib', '@signpdf/utils'];

/**
 * The layers (see lint/boundaries.mjs): which files belong to each (a folder pattern ends in '/';
 * the most specific pattern wins), which other layers and which packages it may import. Anything
 * not listed is refused, so a new folder or a new dependency is classified here on purpose.
 */
export const LAYERS = {
  shared: {
    files: ['shared/'],
    may: ['resources'],
    // shared/signing: pkijs + asn1js (X.509, CMS, OCSP, TSP structures), node-forge (opening
    // PKCS#12, legacy and modern), @noble/curves (GOST R 34.10-2015 verification), @noble/hashes.
    packages: ['zod', 'pdf-lib', '@pdf-lib/fontkit', 'fflate', ...SIGNING, ...PDF_SIGNING],
    tests: { may: FIXTURES, packages: [...TESTING, 'fast-check'] },
    why: 'shared/ is pure TypeScript (desk, preload and server alike): no DOM, Node, Electron, React, Dexie or UI state.',
  },
  'shared-sync': {
    files: ['shared/sync/'],
    may: ['shared'],
    packages: ['zod', 'tus-js-client'],
    tests: { may: FIXTURES, packages: TESTING },
    why: 'The sync engine is pure like shared/ (HTTP, storage, clock and lock injected); tus-js-client is its resumable upload, given a fetch-based HTTP stack and a Blob reader, so it touches no platform API itself.',
  },
  resources: { files: ['resources/'], may: [], packages: [], why: 'resources/ holds data only.' },
  renderer: {
    files: ['renderer/src/'],
    may: ['shared', 'shared-sync', 'resources', 'storage-api', 'renderer-host', 'renderer-demo'],
    packages: [
      'react',
      'react-dom/client',
      'i18next',
      'react-i18next',
      'zustand',
      '@tanstack/react-virtual',
      'pdfjs-dist',
      // The head's dashboard only, in its own lazily loaded chunk: charts and the XLSX writer.
      'recharts',
      'write-excel-file/browser',
    ],
    tests: {
      may: ['storage-testing', ...FIXTURES],
      packages: [...TESTING, 'fake-indexeddb', 'happy-dom', 'pdf-lib', 'fflate'],
    },
    why: 'Components and stores reach storage only through renderer/src/db/index.ts (never Dexie, the database or a repository) and the platform only through the host contract (renderer/src/host).',
  },
  'storage-api': {
    files: ['renderer/src/db/index.ts'],
    may: ['storage', 'shared'],
    packages: [],
    why: 'renderer/src/db/index.ts is the storage API: it re-exports what the repositories offer.',
  },
  storage: {
    files: ['renderer/src/db/'],
    may: ['shared', 'resources'],
    packages: ['dexie', 'zod'],
    tests: { may: ['storage-testing', 'storage-api', ...FIXTURES], packages: [...TESTING, 'fake-indexeddb'] },
    why: 'The repositories are the only code that talks to IndexedDB (Dexie).',
  },
  'storage-testing': {
    files: ['renderer/src/db/testing.ts', 'renderer/src/db/testing-conflict.ts', 'renderer/src/db/testing-v4.ts'],
    may: ['storage', 'storage-api', 'shared'],
    packages: ['dexie'],
    why: 'Helpers for storage tests.',
  },
  'renderer-demo': {
    files: ['renderer/src/demo/'],
    may: ['shared', 'resources', 'storage-api'],
    packages: ['pdf-lib', '@pdf-lib/fontkit'],
    tests: { may: ['storage-testing', ...FIXTURES], packages: [...TESTING, 'fake-indexeddb'] },
    why: 'The demo data goes into storage through its API, like any other data.',
  },
  'renderer-host': {
    files: ['renderer/src/host/'],
    may: ['shared'],
    packages: [],
    tests: { may: FIXTURES, packages: TESTING },
    why: 'The host adapters implement shared/host with web APIs or the preload bridge only.',
  },
  'renderer-build': {
    files: ['renderer/vite.config.ts'],
    may: ['shared'],
    packages: ['node:*', 'vite', '@vitejs/plugin-react'],
    why: 'The browser build configuration.',
  },
  'electron-main': {
    files: ['electron/main/'],
    may: ['shared'],
    packages: ['electron', 'node:*', 'zod'],
    tests: { may: ['electron-testing', ...FIXTURES], packages: TESTING },
    why: 'The Electron shell never imports the renderer: they meet only at the host contract (shared/host).',
  },
  'electron-testing': {
    files: ['electron/main/testing/'],
    may: ['shared'],
    packages: ['node:*', ...TESTING],
    why: 'The stand-in for the electron module in unit tests.',
  },
  'electron-preload': {
    files: ['electron/preload/'],
    may: ['shared'],
    packages: ['electron'],
    tests: { may: ['electron-testing', ...FIXTURES], packages: ['node:*', ...TESTING] },
    why: 'The preload exposes the host contract and nothing of the renderer or of main.',
  },
  'electron-build': {
    files: ['electron.vite.config.ts'],
    may: ['shared'],
    packages: ['node:*', 'electron-vite', '@vitejs/plugin-react'],
    why: 'The Electron build configuration.',
  },
  server: {
    files: ['server/'],
    may: ['shared', 'resources'],
    packages: [
      'node:*',
      'zod',
      'hono',
      '@hono/zod-openapi',
      '@hono/node-server',
      '@tus/server',
      '@tus/utils',
      'pg',
      '@electric-sql/pglite',
    ],
    // Its tests reuse the workflow's random-case plans (test/unit/workflow/walk-plan.ts).
    tests: { may: [...FIXTURES, 'tests'], packages: [...TESTING, 'fast-check'] },
    why: 'The central server is deployable code of its own: it shares the contract and the workflow (shared/) with the desk and imports nothing of renderer/ or electron/.',
  },
  fixtures: {
    // The project's own and those of ../shared/fixtures (read where they lie, never copied).
    files: ['test/fixtures/', '../shared/fixtures/'],
    may: ['shared', 'resources'],
    packages: [],
    why: 'Test fixtures are data and the helpers that make it.',
  },
  tests: {
    files: ['test/'],
    // Benchmarks load the parts present on a branch by path (test/bench/run.ts).
    computedImports: true,
    may: [
      'fixtures',
      'shared',
      'shared-sync',
      'server',
      'resources',
      'renderer',
      'storage-api',
      'storage',
      'storage-testing',
      'renderer-demo',
      'renderer-host',
      'renderer-build',
      'electron-main',
      'electron-testing',
      'electron-preload',
      'electron-build',
    ],
    packages: [
      'node:*',
      ...TESTING,
      '@playwright/test',
      '@axe-core/playwright',
      'playwright',
      'vite',
      'eslint',
      'typescript-eslint',
      'pdf-lib',
      '@pdf-lib/fontkit',
      'fast-check',
      ...SIGNING,
      'qrcode',
      // An independent Streebog, the oracle shared/signing/streebog.ts is tested against.
      '@li0ard/streebog',
      // The fake NCALayer (test/ncalayer) and the WebSocket its client is given in Node.
      'ws',
      '@axe-core/playwright',
      // Unzipping an exported XLSX to read what it says.
      'fflate',
      // The sync tests run a desk on IndexedDB in Node (test/sync).
      'fake-indexeddb',
    ],
    why: 'Tests, benchmarks and their tools.',
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'dist-web/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      '.tmp/',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The per-runtime projects (shared/ is in each; build configs are in test/tsconfig.json).
        // The project service would stop at the root tsconfig.json, which only holds options.
        project: [
          './renderer/tsconfig.json',
          './electron/tsconfig.json',
          './test/tsconfig.json',
          './server/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { desk },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'desk/boundaries': ['error', { root: import.meta.dirname, layers: LAYERS }],
      // Personal data must never reach a console: everything goes through shared/log, which redacts
      // before any sink sees a line. Its console sink is the one exception (below).
      'no-console': 'error',
    },
  },
  {
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts', 'server/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      // A log message is a constant: what varies goes into the fields, where personal ones are
      // dropped by their name (a name inside a sentence cannot be recognised).
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name='log'][callee.property.name=/^(debug|info|warn|error)$/][arguments.0.type!='Literal']",
          message:
            'Log messages are string literals; pass what varies as fields, e.g. log.error("save failed", { code }).',
        },
      ],
    },
  },
  {
    files: ['shared/log/consoleSink.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      // No DOM in shared/: these globals exist only in a browser.
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
        'location',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { react, 'react-hooks': reactHooks, i18next },
    settings: { react: { version: '19' } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Case data is shown as text, never parsed as HTML: an applicant's name must not become markup.
      'react/no-danger': 'error',
      // Every string a person reads goes through i18next (Kazakh and Russian), never a literal in JSX.
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['title', 'aria-label', 'placeholder', 'alt', 'label'] },
        },
      ],
    },
  },
  {
    // The storage API also hands out the Dexie database (DeskDatabase, desk.db) for the demo loader
    // and sync; components and stores never take it, or they would call Dexie after all.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/db/**', 'renderer/src/demo/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)db(/index)?$',
              importNames: ['DeskDatabase', 'DB_NAME'],
              message: 'Components and stores use the repositories of openDesk(), never the Dexie database.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          property: 'db',
          message: 'Components and stores use the repositories of the desk, never desk.db (Dexie).',
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.ts', 'electron.vite.config.ts', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
