import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIGNING_SETTINGS, DEMO_SETTINGS } from '../../../../shared/settings';
import type { Desk } from '../desk';
import { openTestDesk } from '../testing';

let desk: Desk;
afterEach(() => desk.close());

const configured = {
  trusted: [{ role: 'root' as const, der: 'MIIBAA==', sha256: 'a'.repeat(64) }],
  tsaUrl: 'http://tsp.pki.gov.kz',
  ocsp: { fetch: true, responderUrl: 'http://ocsp.pki.gov.kz' },
};

describe('signingSettingsRepository', () => {
  it('gives the defaults until saved, then what was saved, beside the installation settings', async () => {
    desk = await openTestDesk();
    expect(await desk.signingSettings.get()).toEqual(DEFAULT_SIGNING_SETTINGS);
    const heard: unknown[] = [];
    desk.signingSettings.onChange((s) => heard.push(s));
    expect(await desk.signingSettings.save(configured)).toEqual({ ok: true, settings: configured });
    expect(await desk.signingSettings.get()).toEqual(configured);
    expect(heard).toEqual([configured]);
    expect(await desk.settings.get()).toEqual(DEMO_SETTINGS);
  });

  it('stores nothing that does not validate', async () => {
    desk = await openTestDesk();
    await desk.signingSettings.save(configured);
    const result = await desk.signingSettings.save({ ...configured, tsaUrl: 'https://*.kz' });
    expect(result).toEqual({ ok: false, issues: [{ path: ['tsaUrl'], code: 'url.format' }] });
    expect(await desk.signingSettings.get()).toEqual(configured);
  });

  it('refuses a stored record that does not validate, rather than trusting it', async () => {
    desk = await openTestDesk();
    await desk.db.settings.put({ key: 'signing', value: { trusted: 'everything' } });
    await expect(desk.signingSettings.get()).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('goes back to the defaults when the desk is emptied', async () => {
    desk = await openTestDesk();
    await desk.signingSettings.save(configured);
    await desk.clearAll();
    expect(await desk.signingSettings.get()).toEqual(DEFAULT_SIGNING_SETTINGS);
  });
});
