import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readShellSettings, SHELL_SETTINGS_FILE, writeShellSettings } from './settings';

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

describe('writeShellSettings', () => {
  it('stores the language and the server origin for the next start', async () => {
    await writeShellSettings(dir, { language: 'kk', serverOrigin: 'https://externat.example.kz' });
    expect(await readShellSettings(dir)).toEqual({
      language: 'kk',
      serverOrigin: 'https://externat.example.kz',
    });
    expect(await readdir(dir)).toEqual([SHELL_SETTINGS_FILE]);
  });

  it('refuses a server that is not an https origin, and a file holding one is ignored', async () => {
    await expect(writeShellSettings(dir, { serverOrigin: 'http://externat.example.kz' })).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
    await writeFile(path.join(dir, SHELL_SETTINGS_FILE), JSON.stringify({ serverOrigin: 'https://*.kz' }));
    expect(await readShellSettings(dir)).toEqual({});
    expect(JSON.parse(await readFile(path.join(dir, SHELL_SETTINGS_FILE), 'utf8'))).toEqual({
      serverOrigin: 'https://*.kz',
    });
  });
});
