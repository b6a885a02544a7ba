import { describe, expect, it } from 'vitest';
import { makeIin } from '../iin';
import {
  actTypeOf,
  actWording,
  binIssue,
  DEMO_SETTINGS,
  isValidBin,
  legalBasisFor,
  signatoryTitleOf,
  validateSettings,
  type Settings,
} from './index';

function demo(): Settings {
  return structuredClone(DEMO_SETTINGS);
}

function codesOf(input: unknown): Array<{ path: string; code: string }> {
  const result = validateSettings(input);
  return result.ok ? [] : result.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
}

describe('BIN', () => {
  it('accepts a number whose control digit matches the IIN algorithm', () => {
    expect(isValidBin(DEMO_SETTINGS.akimat.bin)).toBe(true);
    // The IIN generator computes the same control digit, so its output is a well-formed 12-digit number too.
    expect(isValidBin(makeIin('1999-03-04', 'male', 321))).toBe(true);
  });

  it('reports a wrong control digit and a malformed number differently', () => {
    const bin = DEMO_SETTINGS.akimat.bin;
    const wrong = bin.slice(0, 11) + String((Number(bin[11]) + 1) % 10);
    expect(binIssue(wrong)).toBe('bin.checksum');
    expect(binIssue('99034000321')).toBe('bin.format');
    expect(binIssue('9903400032a7')).toBe('bin.format');
  });
});

describe('legal basis by level of the akimat', () => {
  it('maps the city of republican significance to paragraph 3 and districts and regional cities to paragraph 4', () => {
    expect(legalBasisFor('republican-city')).toBe('art6-p3-sp25-7');
    expect(legalBasisFor('district')).toBe('art6-p4-sp21-3');
    expect(legalBasisFor('regional-city')).toBe('art6-p4-sp21-3');
  });
});

describe('validateSettings', () => {
  it('accepts the embedded demo settings and trims text', () => {
    const input = demo();
    input.akimat.name.ru = '  Акимат  ';
    const result = validateSettings(input);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.settings.akimat.name.ru).toBe('Акимат');
  });

  it('keeps the demo defaults frozen so an edited copy cannot leak into them', () => {
    expect(Object.isFrozen(DEMO_SETTINGS.akimat.name)).toBe(true);
    expect(Object.isFrozen(DEMO_SETTINGS.officeHours)).toBe(true);
  });

  it('names the field and the code of each problem', () => {
    const input = demo();
    input.akimat.name.kk = '   ';
    input.akimat.bin = DEMO_SETTINGS.akimat.bin.slice(0, 11) + '0';
    input.officeHours.lunchFrom = '25:00';
    input.maxAttachmentBytes = 10;
    expect(codesOf(input)).toEqual(
      expect.arrayContaining([
        { path: 'akimat.name.kk', code: 'required' },
        { path: 'akimat.bin', code: 'bin.checksum' },
        { path: 'officeHours.lunchFrom', code: 'time.format' },
        { path: 'maxAttachmentBytes', code: 'size.range' },
      ]),
    );
  });

  it('rejects office hours out of order and an unknown time zone', () => {
    const input = demo();
    input.officeHours.lunchTo = '12:00';
    input.officeHours.timeZone = 'Asia/Nowhere';
    expect(codesOf(input)).toEqual(
      expect.arrayContaining([
        { path: 'officeHours.closes', code: 'hours.order' },
        { path: 'officeHours.timeZone', code: 'timezone.unknown' },
      ]),
    );
  });

  it('hold no users: they live in the user directory, where roles are given, not typed', () => {
    expect('users' in DEMO_SETTINGS).toBe(false);
    const withUsers = { ...demo(), users: [{ id: 'officer-1', fullName: 'x', role: 'head' }] };
    expect(codesOf(withUsers)).toContainEqual({ path: '', code: 'invalid' });
  });

  it('lock the desk after 1 to 60 minutes without activity, 10 by default', () => {
    expect(DEMO_SETTINGS.lockAfterMinutes).toBe(10);
    expect(codesOf({ ...demo(), lockAfterMinutes: 1 })).toEqual([]);
    expect(codesOf({ ...demo(), lockAfterMinutes: 60 })).toEqual([]);
    for (const bad of [0, 61, 2.5])
      expect(codesOf({ ...demo(), lockAfterMinutes: bad })).toEqual([
        { path: 'lockAfterMinutes', code: 'lock.range' },
      ]);
    const { lockAfterMinutes: _absent, ...without } = demo();
    expect(codesOf(without)).toEqual([{ path: 'lockAfterMinutes', code: 'invalid' }]);
  });

  it('rejects unknown fields, languages and levels instead of dropping them', () => {
    expect(codesOf({ ...demo(), extra: 1 })).toContainEqual({ path: '', code: 'invalid' });
    expect(codesOf({ ...demo(), language: 'en' })).toContainEqual({ path: 'language', code: 'invalid' });
    const input = demo() as unknown as { akimat: { level: string } };
    input.akimat.level = 'region';
    expect(codesOf(input)).toContainEqual({ path: 'akimat.level', code: 'invalid' });
    expect(codesOf('not an object')).toEqual([{ path: '', code: 'invalid' }]);
  });
});

describe('the issuing body', () => {
  it('derives the act and the signatory’s title from the kind, so header, act and signatory agree', () => {
    const s = demo();
    expect(actTypeOf(s)).toBe('order');
    expect(signatoryTitleOf(s)).toEqual({
      kk: 'Білім бөлімінің басшысы',
      ru: 'Руководитель отдела образования',
    });
    s.issuer.kind = 'akimat';
    expect(actTypeOf(s)).toBe('resolution');
    expect(signatoryTitleOf(s)).toEqual({ kk: 'Аудан әкімі', ru: 'Аким района' });
    s.akimat.level = 'republican-city';
    expect(signatoryTitleOf(s).kk).toBe('Қала әкімі');
    s.issuer.kind = 'education-department';
    expect(signatoryTitleOf(s).ru).toBe('Руководитель управления образования');
  });

  it('lets the akimat correct the act and the title, and treats emptied fields as not set', () => {
    const input = demo() as unknown as {
      issuer: Record<string, unknown> & { signatory: Record<string, unknown> };
    };
    input.issuer.actType = 'resolution';
    input.issuer.signatory.title = { kk: 'Бөлім басшысының м.а.', ru: 'И.о. руководителя отдела' };
    const corrected = validateSettings(input);
    expect(corrected.ok && actTypeOf(corrected.settings)).toBe('resolution');
    expect(corrected.ok && signatoryTitleOf(corrected.settings).ru).toBe('И.о. руководителя отдела');

    input.issuer.actType = '';
    input.issuer.signatory.title = { kk: ' ', ru: '' };
    const cleared = validateSettings(input);
    expect(cleared.ok).toBe(true);
    if (cleared.ok) {
      expect(actTypeOf(cleared.settings)).toBe('order');
      expect(signatoryTitleOf(cleared.settings).kk).toBe('Білім бөлімінің басшысы');
    }
    // A title in one language only is a mistake, not "not set".
    input.issuer.signatory.title = { kk: 'Басшы', ru: '' };
    expect(codesOf(input)).toContainEqual({ path: 'issuer.signatory.title.ru', code: 'required' });
  });

  it('checks the BIN, the phone and the e-mail, which may stay empty until the akimat fills them', () => {
    const input = demo();
    input.issuer.bin = '990440001235';
    input.issuer.phone = 'call me';
    input.issuer.email = 'bilim@';
    expect(codesOf(input)).toEqual(
      expect.arrayContaining([
        { path: 'issuer.bin', code: 'bin.checksum' },
        { path: 'issuer.phone', code: 'phone.format' },
        { path: 'issuer.email', code: 'email.format' },
      ]),
    );
    input.issuer.bin = DEMO_SETTINGS.issuer.bin;
    input.issuer.phone = '';
    input.issuer.email = '';
    expect(validateSettings(input).ok).toBe(true);
    expect(codesOf({ ...demo(), issuer: { ...demo().issuer, kind: 'ministry' } })).toContainEqual({
      path: 'issuer.kind',
      code: 'invalid',
    });
  });

  it('words each act in both languages; a resolution names its body', () => {
    expect(actWording('order', 'kk', 'Бурабай ауданының білім бөлімі')).toMatchObject({
      heading: 'БҰЙРЫҚ',
      enacting: 'БҰЙЫРАМЫН:',
      thisGenitive: 'Осы бұйрықтың',
      thisAblative: 'Осы бұйрықтан',
    });
    expect(actWording('resolution', 'kk', 'Бурабай ауданының әкімдігі')).toMatchObject({
      heading: 'ҚАУЛЫ',
      enacting: 'Бурабай ауданының әкімдігі ҚАУЛЫ ЕТЕДІ:',
      thisGenitive: 'Осы қаулының',
    });
    expect(actWording('resolution', 'ru', 'Акимат Бурабайского района')).toMatchObject({
      heading: 'ПОСТАНОВЛЕНИЕ',
      enacting: 'акимат Бурабайского района ПОСТАНОВЛЯЕТ:',
      thisNominative: 'Настоящее постановление',
    });
    expect(actWording('order', 'ru', 'x').thisNominative).toBe('Настоящий приказ');
  });
});
