import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronFake, resetElectronFake } from '../testing/fakeElectron';
import { openExternal } from './openExternal';

vi.mock('electron', async () => (await import('../testing/fakeElectron')).electronFake);

beforeEach(resetElectronFake);

describe('openExternal', () => {
  it('hands https URLs to the OS', async () => {
    await openExternal('https://egov.kz/cms/kk');
    expect(electronFake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://egov.kz/cms/kk');
  });

  it.each([
    'http://egov.kz/',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(document.cookie)',
    'smb://server/share',
    'ms-settings:privacy',
  ])('refuses %s with not-allowed', async (url) => {
    await expect(openExternal(url)).rejects.toMatchObject({ code: 'not-allowed' });
    expect(electronFake.shell.openExternal).not.toHaveBeenCalled();
  });
});
