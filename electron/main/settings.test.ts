import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readShellSettings, SHELL_SETTINGS_FILE } from './settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'desk-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('readShellSettings', () => {
  it('reads the saved language', async () => {
    await writeFile(path.join(dir, SHELL_SETTINGS_FILE), JSON.stringify({ language: 'ru' }));
    expect(await readShellSettings(dir)).toEqual({ language: 'ru' });
  });

  it('uses defaults when the file is missing, broken or holds an unknown language', async () => {
    expect(await readShellSettings(dir)).toEqual({});
    await writeFile(path.join(dir, SHELL_SETTINGS_FILE), '{ not json');
    expect(await readShellSettings(dir)).toEqual({});
    await writeFile(path.join(dir, SHELL_SETTINGS_FILE), JSON.stringify({ language: 'en' }));
    expect(await readShellSettings(dir)).toEqual({});
  });
});
