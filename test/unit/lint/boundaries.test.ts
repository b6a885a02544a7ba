// Each boundary of eslint.config.mjs must really fire: small snippets are linted with the project's
// own configuration at the virtual paths where they would live (the files need not exist). Type
// information is switched off for them, as no tsconfig lists them; no boundary rule needs types.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    overrideConfig: [
      tseslint.configs.disableTypeChecked,
      { languageOptions: { parserOptions: { project: null, projectService: false } } },
    ],
  });
});

async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const messages = result!.messages;
  // A snippet that does not parse proves nothing about the rules.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages;
}

async function fired(file: string, code: string, ruleId: string): Promise<string[]> {
  return (await lint(file, code)).filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

const FEATURE = 'renderer/src/features/queue/Probe.tsx';

describe('components reach storage only through renderer/src/db/index.ts', () => {
  it.each([
    ['the Dexie package', "import Dexie from 'dexie';\nexport const d = Dexie;"],
    ['a type from Dexie', "import type { Table } from 'dexie';\nexport type T = Table;"],
    [
      'the database module',
      "import { DeskDatabase } from '../../db/database';\nexport const d = DeskDatabase;",
    ],
    [
      'a repository',
      "import { createCaseRepository } from '../../db/repositories/cases';\nexport const r = createCaseRepository;",
    ],
    ['a re-export of the desk module', "export { openDesk } from '../../db/desk';"],
    ['a dynamic import of a repository', "export const load = () => import('../../db/repositories/outbox');"],
  ])('a feature may not import %s', async (_label, code) => {
    expect(await fired(FEATURE, code, 'desk/boundaries')).toHaveLength(1);
  });

  it('nor take the Dexie database the storage API hands to the demo loader', async () => {
    const imported = "import { DeskDatabase } from '../../db';\nexport const d = DeskDatabase;";
    expect(await fired(FEATURE, imported, 'no-restricted-imports')).toHaveLength(1);
    const reached =
      "import type { Desk } from '../../db';\nexport const n = (desk: Desk) => desk.db.tables.length;";
    expect(await fired(FEATURE, reached, 'no-restricted-properties')).toHaveLength(1);
    expect(await fired('renderer/src/demo/probe.ts', reached, 'no-restricted-properties')).toEqual([]);
  });

  it('the storage API itself is allowed', async () => {
    const code =
      "import { openDesk, type Desk } from '../../db';\nexport const o: () => Promise<Desk> = openDesk;";
    expect(await fired(FEATURE, code, 'desk/boundaries')).toEqual([]);
  });

  it('stores and the app are held to the same rule; the repositories may use Dexie', async () => {
    const dexie = "import Dexie from 'dexie';\nexport const d = Dexie;";
    expect(await fired('renderer/src/stores/probe.ts', dexie, 'desk/boundaries')).toHaveLength(1);
    expect(await fired('renderer/src/app/Probe.tsx', dexie, 'desk/boundaries')).toHaveLength(1);
    expect(await fired('renderer/src/db/repositories/probe.ts', dexie, 'desk/boundaries')).toEqual([]);
  });

  it('test helpers of the storage are for tests only', async () => {
    const code = "import { openTestDesk } from '../../db/testing';\nexport const t = openTestDesk;";
    expect(await fired('renderer/src/features/queue/probe.ts', code, 'desk/boundaries')).toHaveLength(1);
    expect(await fired('renderer/src/features/queue/probe.test.ts', code, 'desk/boundaries')).toEqual([]);
  });
});

describe('runtimes stay apart', () => {
  it('electron/ may not import the renderer', async () => {
    const code = "import { getHost } from '../../renderer/src/host';\nexport const h = getHost;";
    expect(await fired('electron/main/probe.ts', code, 'desk/boundaries')).toHaveLength(1);
    expect(await fired('electron/preload/probe.ts', code, 'desk/boundaries')).toHaveLength(1);
  });

  it('the preload may not import main, and main may use Node and Electron', async () => {
    const preload =
      "import { registerIpcHandlers } from '../main/ipc';\nexport const r = registerIpcHandlers;";
    expect(await fired('electron/preload/probe.ts', preload, 'desk/boundaries')).toHaveLength(1);
    const main =
      "import { app } from 'electron';\nimport path from 'node:path';\nexport const p = [app, path];";
    expect(await fired('electron/main/probe.ts', main, 'desk/boundaries')).toEqual([]);
  });

  it.each([
    ['a dynamic import of a Node module', "export const fs = () => import('node:fs');"],
    ['the same as a template string', 'export const fs = () => import(`node:fs`);'],
    ['a static Node import', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;"],
    ['a Node module without its prefix', "import fs from 'fs';\nexport const r = fs;"],
    ['Electron', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;"],
    ['a computed import()', 'export const load = (name: string) => import(`node:${name}`);'],
    ['a package nobody classified', "import lodash from 'lodash';\nexport const l = lodash;"],
  ])('the renderer refuses %s', async (_label, code) => {
    expect(await fired('renderer/src/features/documents/probe.ts', code, 'desk/boundaries')).toHaveLength(1);
  });

  it('shared/ stays pure', async () => {
    const react = "import { useState } from 'react';\nexport const u = useState;";
    expect(await fired('shared/workflow/probe.ts', react, 'desk/boundaries')).toHaveLength(1);
    const renderer = "import { getHost } from '../../renderer/src/host';\nexport const h = getHost;";
    expect(await fired('shared/workflow/probe.ts', renderer, 'desk/boundaries')).toHaveLength(1);
    const dom = 'export const w = window.location.href;';
    expect(await fired('shared/workflow/probe.ts', dom, 'no-restricted-globals')).toHaveLength(1);
    const zod = "import { z } from 'zod';\nexport const s = z.string();";
    expect(await fired('shared/workflow/probe.ts', zod, 'desk/boundaries')).toEqual([]);
  });

  it('a file in a folder no layer claims is refused (deny by default)', async () => {
    const messages = await fired('scripts/probe.ts', 'export const x = 1;', 'desk/boundaries');
    expect(messages).toEqual([expect.stringContaining('belongs to no layer')]);
  });
});

describe('React and logging', () => {
  it('dangerouslySetInnerHTML is refused', async () => {
    const code =
      'export const P = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;';
    expect(await fired(FEATURE, code, 'react/no-danger')).toHaveLength(1);
  });

  it('console.* is refused everywhere but the console sink', async () => {
    const code = "console.error('x');\n";
    for (const file of [
      'renderer/src/stores/probe.ts',
      'electron/main/probe.ts',
      'shared/workflow/probe.ts',
    ]) {
      expect(await fired(file, code, 'no-console')).toHaveLength(1);
    }
    expect(await fired('shared/log/consoleSink.ts', code, 'no-console')).toEqual([]);
  });

  it('a log message must be a constant; what varies goes into the fields', async () => {
    const head = "import { log } from '../../../shared/log';\n";
    const file = 'renderer/src/stores/probe.ts';
    const rule = 'no-restricted-syntax';
    expect(
      await fired(file, `${head}export const f = (iin: string) => log.error(\`no \${iin}\`);`, rule),
    ).toHaveLength(1);
    expect(await fired(file, `${head}export const f = (m: string) => log.warn(m);`, rule)).toHaveLength(1);
    expect(
      await fired(file, `${head}export const f = (code: string) => log.error('failed', { code });`, rule),
    ).toEqual([]);
  });
});

describe('the central server imports shared/ and resources/ only', () => {
  const SERVER = 'server/src/store/probe.ts';
  it.each([
    ['the renderer', "import { openDesk } from '../../../renderer/src/db/desk';\nexport const o = openDesk;"],
    [
      'the Electron shell',
      "import { createWindow } from '../../../electron/main/window';\nexport const w = createWindow;",
    ],
    ['a package it does not use', "import Dexie from 'dexie';\nexport const d = Dexie;"],
  ])('server/ may not import %s', async (_label, code) => {
    expect(await fired(SERVER, code, 'desk/boundaries')).toHaveLength(1);
  });

  it('but may import the contract, the workflow and its own packages', async () => {
    const code =
      "import { ROUTES } from '../../../shared/api';\nimport pg from 'pg';\nimport { readFileSync } from 'node:fs';\nexport const x = [ROUTES, pg, readFileSync];";
    expect(await fired(SERVER, code, 'desk/boundaries')).toEqual([]);
  });
});
