import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledTemplateJson } from '../../../../shared/forms';
import broken from '../../../../test/fixtures/forms/broken-template.json';
import type { Desk } from '../desk';
import { openTestDesk } from '../testing';

/** The bundled Kazakh appendix 2 with one wording changed and a new version: what an akimat imports. */
function edited(
  version: string,
  heading = 'Өтінішті қараудан бас тарту туралы ХАБАРЛАМА',
): Record<string, unknown> {
  const json = bundledTemplateJson('appendix-2', 'kk') as { blocks: { type: string; text?: string }[] };
  const blocks = json.blocks.map((b) => (b.type === 'heading' ? { ...b, text: heading } : b));
  return { ...json, version, blocks };
}

const headingOf = (t: { blocks: readonly { type: string }[] }) =>
  (t.blocks.find((b) => b.type === 'heading') as { text: string } | undefined)?.text;

let desk: Desk;
beforeEach(async () => {
  desk = await openTestDesk();
});
afterEach(() => desk.close());

describe('template repository', () => {
  it('uses the bundled template until a file is imported', async () => {
    const active = await desk.templates.active('appendix-2', 'kk');
    expect(active.entry).toMatchObject({
      ref: 'bundled',
      version: '2.0.0',
      status: 'official',
      active: true,
    });
    expect(active.template.id).toBe('appendix-2.kk');
    expect(await desk.templates.versions('appendix-2', 'kk')).toHaveLength(1);
  });

  it('imports a valid file as the new active version and keeps the history', async () => {
    const changes: string[] = [];
    desk.templates.onChange((c) => changes.push(`${c.form}.${c.language}`));
    const first = await desk.templates.importTemplate('appendix-2', 'kk', edited('2.1.0'));
    expect(first).toMatchObject({ ok: true, entry: { version: '2.1.0', active: true } });
    const second = await desk.templates.importTemplate('appendix-2', 'kk', edited('2.2.0', 'Хабарлама'));
    expect(second.ok).toBe(true);

    const active = await desk.templates.active('appendix-2', 'kk');
    expect(active.entry.version).toBe('2.2.0');
    expect(headingOf(active.template)).toBe('Хабарлама');
    const versions = await desk.templates.versions('appendix-2', 'kk');
    expect(versions.map((v) => [v.version, v.active])).toEqual([
      ['2.2.0', true],
      ['2.1.0', false],
      ['2.0.0', false],
    ]);
    expect(versions[0]?.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Other forms and languages are not touched.
    expect((await desk.templates.active('appendix-2', 'ru')).entry.ref).toBe('bundled');
    expect(changes).toEqual(['appendix-2.kk', 'appendix-2.kk']);
  });

  it('refuses a broken file with its error codes, stores nothing and keeps the active template', async () => {
    await desk.templates.importTemplate('appendix-2', 'kk', edited('2.1.0'));
    const result = await desk.templates.importTemplate('appendix-2', 'kk', broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const codes = result.errors.map((e) => `${e.path}:${e.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'version:invalid-format',
        'status:invalid-value',
        'pageNumberFormat:invalid-type',
      ]),
    );
    expect((await desk.templates.active('appendix-2', 'kk')).entry.version).toBe('2.1.0');
    expect(await desk.templates.versions('appendix-2', 'kk')).toHaveLength(2);
  });

  it('refuses a template of another form or language for this slot', async () => {
    const ru = await desk.templates.importTemplate(
      'appendix-2',
      'kk',
      bundledTemplateJson('appendix-2', 'ru'),
    );
    expect(ru).toEqual({ ok: false, errors: [{ path: 'language', code: 'language-mismatch' }] });
    const order = await desk.templates.importTemplate('appendix-2', 'kk', bundledTemplateJson('order', 'kk'));
    expect(order.ok ? [] : order.errors.map((e) => e.code)).toContain('form-mismatch');
    expect((await desk.templates.active('appendix-2', 'kk')).entry.ref).toBe('bundled');
  });

  it('refuses a changed file that reuses a version number, and re-activates an identical one', async () => {
    const sameAsBundled = await desk.templates.importTemplate('appendix-2', 'kk', edited('2.0.0'));
    expect(sameAsBundled).toEqual({ ok: false, errors: [{ path: 'version', code: 'version-exists' }] });
    await desk.templates.importTemplate('appendix-2', 'kk', edited('2.1.0'));
    const clash = await desk.templates.importTemplate('appendix-2', 'kk', edited('2.1.0', 'Басқа мәтін'));
    expect(clash).toEqual({ ok: false, errors: [{ path: 'version', code: 'version-exists' }] });

    await desk.templates.activate('appendix-2', 'kk', 'bundled');
    const again = await desk.templates.importTemplate('appendix-2', 'kk', edited('2.1.0'));
    expect(again.ok).toBe(true);
    expect(await desk.templates.versions('appendix-2', 'kk')).toHaveLength(2);
    expect((await desk.templates.active('appendix-2', 'kk')).entry.version).toBe('2.1.0');
  });

  it('rolls back to an earlier import and to the bundled template', async () => {
    const first = await desk.templates.importTemplate('appendix-2', 'kk', edited('2.1.0'));
    await desk.templates.importTemplate('appendix-2', 'kk', edited('2.2.0', 'Хабарлама'));
    if (!first.ok) throw new Error('import failed');

    expect(await desk.templates.activate('appendix-2', 'kk', first.entry.ref)).toBe(true);
    const earlier = await desk.templates.active('appendix-2', 'kk');
    expect(earlier.entry.version).toBe('2.1.0');
    expect(headingOf(earlier.template)).toBe('Өтінішті қараудан бас тарту туралы ХАБАРЛАМА');
    expect((await desk.templates.versions('appendix-2', 'kk')).filter((v) => v.active)).toHaveLength(1);

    expect(await desk.templates.activate('appendix-2', 'kk', 'bundled')).toBe(true);
    const bundled = await desk.templates.active('appendix-2', 'kk');
    expect(bundled.entry.ref).toBe('bundled');
    expect(headingOf(bundled.template)).toBe('Өтінішті қараудан бас тарту туралы хабарлама');
    // A version of another slot cannot be activated here.
    expect(await desk.templates.activate('appendix-2', 'ru', first.entry.ref)).toBe(false);
    expect(await desk.templates.activate('appendix-2', 'kk', 9999)).toBe(false);
  });

  it('never uses a stored file this release cannot read: the bundled one stands in', async () => {
    await desk.db.templates.add({
      form: 'appendix-2',
      language: 'kk',
      version: '9.0.0',
      json: { id: 'appendix-2.kk', unknownKey: true },
      importedAt: '2026-11-24T09:00:00Z',
      active: 1,
    });
    const active = await desk.templates.active('appendix-2', 'kk');
    expect(active.entry.ref).toBe('bundled');
    const versions = await desk.templates.versions('appendix-2', 'kk');
    expect(versions.map((v) => [v.version, v.valid, v.active])).toEqual([
      ['9.0.0', false, true],
      ['2.0.0', true, true],
    ]);
  });
});
