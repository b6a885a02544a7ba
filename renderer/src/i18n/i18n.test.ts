import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_GROUPS, findingText, rejectionText } from './codes';
import { FILES, kk, ru } from './all';
import { mergeResources } from './resources';

// A separate instance with the same resources as the desk's, so the tests do not need a DOM.
const i18n = i18next.createInstance();
let tKk: TFunction;
let tRu: TFunction;

beforeAll(async () => {
  await i18n.init({
    resources: { kk: { translation: kk }, ru: { translation: ru } },
    lng: 'kk',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  tKk = i18n.getFixedT('kk');
  tRu = i18n.getFixedT('ru');
});

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('translation resources', () => {
  it('hold the same keys in Kazakh and Russian (plural forms aside)', () => {
    const base = (lang: object) => [...new Set(keysOf(lang).map((k) => k.replace(PLURAL, '')))].sort();
    expect(base(kk)).toEqual(base(ru));
  });

  it('give Russian every plural form it needs wherever Kazakh has a plural', () => {
    const plurals = keysOf(kk)
      .filter((k) => k.endsWith('_one'))
      .map((k) => k.slice(0, -4));
    expect(plurals.length).toBeGreaterThan(5);
    const ruKeys = new Set(keysOf(ru));
    for (const key of plurals)
      for (const form of ['one', 'few', 'many', 'other']) expect(ruKeys).toContain(`${key}_${form}`);
  });

  it('never let two files of one language give the same key (they may share a section)', () => {
    for (const files of [FILES.kk, FILES.ru]) {
      const keys = files.flatMap((f) => keysOf(f));
      expect(keys.length).toBe(new Set(keys).size);
    }
    expect(() => mergeResources([{ a: { b: 'x' } }, { a: { c: 'y' } }])).not.toThrow();
    expect(mergeResources([{ a: { b: 'x' } }, { a: { c: 'y' } }])).toEqual({ a: { b: 'x', c: 'y' } });
    expect(() => mergeResources([{ a: { b: 'x' } }, { a: { b: 'y' } }])).toThrow(/a\.b/);
    expect(() => mergeResources([{ a: 'x' }, { a: { b: 'y' } }])).toThrow(/a/);
  });

  it('translate every code shared/ can hand the UI, in both languages', () => {
    const missing: string[] = [];
    for (const { prefix, codes } of CODE_GROUPS) {
      for (const code of codes) {
        for (const lng of ['kk', 'ru']) {
          if (!i18n.exists(`${prefix}.${code}`, { lng })) missing.push(`${lng}:${prefix}.${code}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('tell a full disk under the host’s file store in the words of IndexedDB’s full disk', () => {
    for (const t of [tKk, tRu]) expect(t('hostError.disk-full')).toBe(t('storageError.disk-full'));
    expect(tKk('hostError.disk-full')).not.toBe(tRu('hostError.disk-full'));
  });

  it('contain every literal key the desk’s source asks for', () => {
    const sources = import.meta.glob('../**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });
    const keys = new Set<string>();
    for (const [path, text] of Object.entries(sources)) {
      if (path.endsWith('.test.ts')) continue;
      for (const m of String(text).matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) keys.add(m[1]!);
    }
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys].filter(
      (k) => !i18n.exists(k, { lng: 'kk', count: 2 }) || !i18n.exists(k, { lng: 'ru', count: 2 }),
    );
    expect(missing).toEqual([]);
  });
});

describe('plural forms', () => {
  it('count working days the way each language does', () => {
    expect(tKk('days.left', { count: 1 })).toBe('1 жұмыс күні қалды');
    expect(tKk('days.left', { count: 5 })).toBe('5 жұмыс күні қалды');
    expect(tRu('days.left', { count: 1 })).toBe('ещё 1 рабочий день');
    expect(tRu('days.left', { count: 2 })).toBe('ещё 2 рабочих дня');
    expect(tRu('days.left', { count: 5 })).toBe('ещё 5 рабочих дней');
    expect(tRu('days.left', { count: 11 })).toBe('ещё 11 рабочих дней');
    expect(tRu('days.left', { count: 21 })).toBe('ещё 21 рабочий день');
    expect(tRu('days.left', { count: 24 })).toBe('ещё 24 рабочих дня');
    expect(tRu('days.overdue', { count: 3 })).toBe('просрочено на 3 рабочих дня');
    expect(tKk('days.overdue', { count: 3 })).toBe('3 жұмыс күнге кешікті');
  });

  it('count cases and ages', () => {
    expect(tRu('queue.count', { count: 1 })).toBe('1 заявление');
    expect(tRu('queue.count', { count: 3 })).toBe('3 заявления');
    expect(tRu('queue.count', { count: 10000 })).toBe('10000 заявлений');
    expect(tRu('caseScreen.years', { count: 14 })).toBe('14 лет');
    expect(tKk('caseScreen.years', { count: 14 })).toBe('14 жас');
  });
});

describe('codes with params', () => {
  it('translate the codes inside a rejection’s params', () => {
    const text = rejectionText(tRu, {
      code: 'stage.not-allowed',
      params: { stage: 'review', type: 'approved' },
    });
    expect(text).toBe('На этапе «Рассмотрение и приказ» действие «Согласование руководителем» невозможно.');
    const mismatch = rejectionText(tKk, {
      code: 'refusal.documents-mismatch',
      params: { expected: ['medical-conclusion'] },
    });
    expect(mismatch).toContain('Дәрігерлік-консультациялық комиссияның қорытындысы');
    const order = rejectionText(tRu, {
      code: 'date.out-of-order',
      params: { field: 'orderDate', notBefore: '2026-11-20' },
    });
    expect(order).toBe('«Дата приказа» не может быть раньше 20.11.2026.');
  });

  it('show the dates and documents of the rules the reducer added for the record’s truth', () => {
    const future = rejectionText(tRu, {
      code: 'date.future',
      params: { field: 'answeredOn', notAfter: '2026-11-24' },
    });
    expect(future).toBe(
      '«Дата ответа» не может быть позже 24.11.2026: нельзя записать то, чего ещё не было.',
    );
    const today = rejectionText(tKk, {
      code: 'registration.not-today',
      params: { registeredOn: '2026-11-20', today: '2026-11-24' },
    });
    expect(today).toContain('24.11.2026');
    const missing = rejectionText(tRu, {
      code: 'completeness.documents-missing',
      params: { missing: ['medical-conclusion'] },
    });
    expect(missing).toContain(tRu('documentKind.medical-conclusion'));
  });

  it('name who holds a case, or say nobody does', () => {
    const names = (id: string) => (id === 'officer-2' ? 'Иванова О. П.' : id);
    expect(
      rejectionText(tRu, { code: 'case.not-assigned', params: { assignedTo: 'officer-2' } }, names),
    ).toContain('Иванова О. П.');
    expect(rejectionText(tRu, { code: 'case.not-assigned', params: { assignedTo: null } })).toContain(
      'не назначен',
    );
  });

  it('write a finding’s dates as dd.MM.yyyy and translate its IIN reason', () => {
    expect(
      findingText(tRu, {
        code: 'medical.expired',
        severity: 'fail',
        params: { validUntil: '2026-01-31', today: '2026-11-24' },
      }),
    ).toBe('Срок действия заключения истёк 31.01.2026 (сегодня 24.11.2026).');
    expect(
      findingText(tKk, {
        code: 'progress.pupil-iin-invalid',
        severity: 'fail',
        params: { reason: 'checksum' },
      }),
    ).toBe('Табельдегі оқушының ЖСН-і жарамсыз: бақылау цифры сәйкес келмейді.');
  });
});
