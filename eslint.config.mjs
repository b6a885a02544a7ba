// Lint enforces the runtime boundaries of ARCHITECTURE.md: shared/ is pure TypeScript, the renderer
// never reaches Node or Electron, and only electron/ touches the OS.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'electron', 'electron/*'];

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
        project: ['./renderer/tsconfig.json', './electron/tsconfig.json', './test/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Personal data must never reach logs; only the explicit logger may write (it redacts).
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'shared/ must not depend on renderer/ or electron/.',
            },
            {
              group: [
                ...nodeOnly,
                'react',
                'react-dom',
                'react/*',
                'dexie',
                'zustand',
                'i18next',
                'react-i18next',
              ],
              message: 'shared/ is pure TypeScript: no Node, Electron, React, Dexie or UI state.',
            },
          ],
        },
      ],
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
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every string a person reads goes through i18next (Kazakh and Russian), never a literal in JSX.
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['title', 'aria-label', 'placeholder', 'alt', 'label'] },
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeOnly,
              message:
                'The renderer runs in a sandbox: reach the platform through the host contract (shared/host).',
            },
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to Electron only through the host contract.',
            },
          ],
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
