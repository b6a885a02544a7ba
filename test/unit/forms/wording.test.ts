/**
 * The wording a lawyer reads, checked in the PDF's text layer with poppler: the rules cited by
 * their official title and approving act, dates inside sentences written as each language writes
 * them, the act's clauses, Appendix 3's blanks filled as the act lays them out, and the Russian
 * Appendix 4 following the Kazakh. Kazakh dates are also checked against every date the act writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderForm } from '../../../shared/forms';
import { FORM_IDS, type FormId, type FormLanguage } from '../../../shared/forms/types';
import { dateInWords, KK_CASES, KK_MONTHS } from '../../../shared/grammar';
import { sampleValues } from '../../fixtures/forms/sample-values';
import { loadFormFonts } from './support/node-fonts';
import { normalizeSpace, pdftotext, requirePoppler, tempPdf } from './support/poppler';

const createdAt = new Date('2026-11-24T09:30:00Z');
const cleanups: (() => void)[] = [];
const texts = new Map<string, string>();
beforeEach(() => requirePoppler());
afterAll(() => cleanups.forEach((c) => c()));

beforeAll(async () => {
  requirePoppler();
  for (const form of FORM_IDS) {
    for (const language of ['kk', 'ru'] as const) {
      const bytes = await renderForm({
        form,
        language,
        values: sampleValues(form, language),
        fonts: loadFormFonts(),
        createdAt,
      });
      const file = tempPdf(bytes);
      cleanups.push(file.cleanup);
      texts.set(`${form}.${language}`, normalizeSpace(pdftotext(file.path)));
    }
  }
});

const text = (form: FormId, language: FormLanguage) => texts.get(`${form}.${language}`) ?? '';

const TITLE = {
  kk: 'Экстернат нысанында оқыту және "Негізгі орта, жалпы орта білім беру ұйымдарында экстернат нысанында оқуға рұқсат беру" мемлекеттік көрсетілетін қызмет қағидаларының',
  ru: 'Правил обучения в форме экстерната и оказания государственной услуги «Выдача разрешения на обучение в форме экстерната в организациях основного среднего, общего среднего образования»',
};
const APPROVED = {
  kk: 'Қазақстан Республикасы Білім және ғылым министрінің 2016 жылғы 22 қаңтардағы № 61 бұйрығымен бекітілген (Қазақстан Республикасы Білім және ғылым министрінің 2020 жылғы 29 мамырдағы № 225 бұйрығымен енгізілген өзгерістерімен)',
  ru: 'утвержденных приказом Министра образования и науки Республики Казахстан от 22 января 2016 года № 61 (с изменениями, внесенными приказом Министра образования и науки Республики Казахстан от 29 мая 2020 года № 225)',
};

describe('the rules by their official title and approving act', () => {
  it.each([
    ['order', 'kk'],
    ['order', 'ru'],
    ['school-request', 'kk'],
    ['school-request', 'ru'],
  ] as const)('%s.%s cites them, at paragraph 23', (form, language) => {
    const t = text(form, language);
    expect(t).toContain(TITLE[language]);
    expect(t).toContain(APPROVED[language]);
    expect(t).toContain(language === 'kk' ? 'қағидаларының 23-тармағына сәйкес' : 'пунктом 23 Правил');
    // The old short and wrong title is gone.
    expect(t).not.toContain('Правилами оказания государственной услуги');
  });
});

describe('dates inside sentences', () => {
  it('are written in the Kazakh manner in the Kazakh order, never dd.MM.yyyy with an ending', () => {
    const t = text('order', 'kk');
    expect(t).toContain('2026 жылғы 20 қарашадан бастап 2027 жылғы 25 мамырға дейін');
    expect(t).toContain('2026 жылғы 10 қарашадағы № KZ26RVE01234567 өтінішін');
    expect(t).toContain('2012 жылғы 4 қыркүйекте туған');
    expect(t).toContain('2026 жылғы 2 қарашадағы № 412');
    expect(t).not.toMatch(/\d{2}\.\d{2}\.\d{4} ?(жылғы|бастап|дейін|ж\.т\.)/u);
  });

  it('are written in the Russian manner in the Russian order', () => {
    const t = text('order', 'ru');
    expect(t).toContain('с 20 ноября 2026 года по 25 мая 2027 года');
    expect(t).toContain('от 10 ноября 2026 года № KZ26RVE01234567');
    expect(t).toContain('дата рождения: 4 сентября 2012 года');
    expect(t).not.toMatch(/\d{2}\.\d{2}\.\d{4} года/u);
  });

  it('give the school its deadline in words in both languages', () => {
    expect(text('school-request', 'kk')).toContain(
      'Мәліметтерді 2026 жылғы 19 қарашаға дейін жолдауыңызды сұраймыз.',
    );
    expect(text('school-request', 'ru')).toContain(
      'Сведения просим направить в срок до 19 ноября 2026 года.',
    );
    expect(text('school-request', 'kk')).toContain('2012 жылғы 4 қыркүйекте туған');
  });

  it('fill Appendix 3’s «_______ жылғы __ _______» with year, day and month, the number with №', () => {
    expect(text('appendix-3', 'kk')).toContain(
      '2026 жылғы 19 қарашадағы № 147-ө бұйрықтың негізінде негізгі орта, жалпы орта білім беру ұйымдарында',
    );
    expect(text('appendix-3', 'ru')).toContain('на основании приказа от 19 ноября 2026 года № 147-ө.');
  });

  it('reproduce every date the act itself writes («2020 жылғы 29 мамырдағы», «2016 жылғы 24 ақпанда» …)', () => {
    const actPath = new URL('../../../../shared/legal/order-225-2020-kk.txt', import.meta.url);
    expect(existsSync(actPath)).toBe(true);
    const act = normalizeSpace(readFileSync(actPath, 'utf8'));
    const found = [...act.matchAll(/(\d{4}) жылғы (\d{1,2}) ([а-яәғқңөұүһі]+)/gu)];
    expect(found.length).toBeGreaterThan(10);
    const unmatched = found.filter(([phrase, year, day, month]) => {
      const m = KK_MONTHS.findIndex((name) => month?.startsWith(name));
      if (m < 0) return true;
      const iso = `${year}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      return !KK_CASES.some((c) => dateInWords(iso, 'kk', c) === phrase);
    });
    expect(unmatched.map(([phrase]) => phrase)).toEqual([]);
  });
});

describe('the order’s clauses', () => {
  it.each([
    [
      'kk',
      [
        'БҰЙРЫҚ',
        'БҰЙЫРАМЫН:',
        '(ЖСН 120904542176,',
        'Негіздеме: денсаулық жағдайы бойынша білім беру ұйымына бара алмауы; дәрігерлік-консультативтік комиссияның',
        'Осы бұйрықтан үзінді көрсетілетін қызметті алушыға',
        'Осы бұйрықтың орындалуын бақылауды өзіме қалдырамын.',
        '4. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.',
        'Келісілді:',
        'Сайрам ауданы әкімінің орынбасары',
        // The level's own sub-paragraph: a district's akimat.
        'Заңының 6-бабының 4-тармағы 21-3) тармақшасына',
      ],
    ],
    [
      'ru',
      [
        'ПРИКАЗ',
        'ПРИКАЗЫВАЮ:',
        '(ИИН 120904542176,',
        'Основание: невозможность посещать организацию образования по состоянию здоровья; электронное заключение',
        'Выписку из настоящего приказа направить услугополучателю',
        'Контроль за исполнением настоящего приказа оставляю за собой.',
        '4. Настоящий приказ вводится в действие со дня его подписания.',
        'Согласовано:',
        'Заместитель акима Сайрамского района',
        'В соответствии с подпунктом 21-3) пункта 4 статьи 6 Закона',
      ],
    ],
  ] as const)('%s', (language, phrases) => {
    const t = text('order', language);
    expect(phrases.filter((p) => !t.includes(p))).toEqual([]);
  });
});

describe('the school request on the letterhead', () => {
  it.each(['kk', 'ru'] as const)(
    '%s carries both names, the BIN, the address, phone and e-mail',
    (language) => {
      const t = text('school-request', language);
      for (const p of [
        'Сайрам ауданының білім бөлімі',
        'Отдел образования Сайрамского района',
        'БСН 990440001234',
        'БИН 990440001234',
        'тел.: 8 (72531) 2-10-05, e-mail: bilim@sairam.example.kz',
        'Иляев көшесі, 3',
        'улица Иляева, 3',
      ]) {
        expect(t).toContain(p);
      }
      expect(t).toContain(language === 'kk' ? 'Шығыс № 03-12/2214' : 'Исх. № 03-12/2214');
    },
  );
});

describe('the Russian Appendix 4 follows the Kazakh', () => {
  it('puts the pupil and the school before «в организации образования», keeps «толық», adds no «(ЭЦП)»', () => {
    const t = text('appendix-4', 'ru');
    const pupil = t.indexOf('Тәжіғалиев Әлихан Ержанұлы');
    const school = t.indexOf('КГУ «Общеобразовательная средняя школа № 12');
    const ask = t.indexOf(
      'прошу выдать разрешение на обучение в форме экстерната в организации образования.',
    );
    expect(pupil).toBeGreaterThan(0);
    expect(pupil).toBeLessThan(school);
    expect(school).toBeLessThan(ask);
    expect(t).toContain('Ф.И.О. (при его наличии) и полный индивидуальный идентификационный номер');
    expect(t).toContain('Электронная цифровая подпись получателя государственной услуги');
  });

  it('and no Russian form adds «(ЭЦП)» where the Kazakh has none', () => {
    for (const form of FORM_IDS) expect(text(form, 'ru')).not.toContain('(ЭЦП)');
  });
});
