/** Schools of the demo district (Burabay district, Akmola region) and their classes. */
import type { Random } from './random';

export interface DemoSchool {
  /** As the portal sends it: in the language of instruction. */
  name: string;
  /** Its registered names in both languages, as the central system gives them. */
  names: { kk: string; ru: string };
  /** Language of instruction decides the class letters. */
  language: 'kk' | 'ru';
  bin: string;
  address: string;
}

// BINs here are made up, 12 digits, never checked by the desk (the school is not a party that signs).
export const DEMO_SCHOOLS: readonly DemoSchool[] = [
  {
    name: '№ 1 жалпы білім беретін мектеп',
    names: { kk: '№ 1 жалпы білім беретін мектеп', ru: 'Общеобразовательная школа № 1' },
    language: 'kk',
    bin: '990440001111',
    address: 'Щучинск қ., Ленин к-сі, 12',
  },
  {
    name: '№ 2 жалпы білім беретін мектеп',
    names: { kk: '№ 2 жалпы білім беретін мектеп', ru: 'Общеобразовательная школа № 2' },
    language: 'kk',
    bin: '990440001222',
    address: 'Щучинск қ., Абай к-сі, 45',
  },
  {
    name: '№ 12 жалпы білім беретін мектеп',
    names: { kk: '№ 12 жалпы білім беретін мектеп', ru: 'Общеобразовательная школа № 12' },
    language: 'kk',
    bin: '990440001333',
    address: 'Щучинск қ., Жамбыл к-сі, 7',
  },
  {
    name: 'Абай атындағы № 4 мектеп-гимназия',
    names: { kk: 'Абай атындағы № 4 мектеп-гимназия', ru: 'Школа-гимназия № 4 имени Абая' },
    language: 'kk',
    bin: '990440001444',
    address: 'Щучинск қ., Мир к-сі, 3',
  },
  {
    name: 'Бурабай ауылының жалпы білім беретін мектебі',
    names: {
      kk: 'Бурабай ауылының жалпы білім беретін мектебі',
      ru: 'Общеобразовательная школа села Бурабай',
    },
    language: 'kk',
    bin: '990440001555',
    address: 'Бурабай а., Кенесары к-сі, 20',
  },
  {
    name: 'Қатаркөл ауылының жалпы білім беретін мектебі',
    names: {
      kk: 'Қатаркөл ауылының жалпы білім беретін мектебі',
      ru: 'Общеобразовательная школа села Катарколь',
    },
    language: 'kk',
    bin: '990440001666',
    address: 'Қатаркөл а., Мектеп к-сі, 1',
  },
  {
    name: 'Общеобразовательная школа № 3 города Щучинска',
    names: {
      kk: 'Щучинск қаласының № 3 жалпы білім беретін мектебі',
      ru: 'Общеобразовательная школа № 3 города Щучинска',
    },
    language: 'ru',
    bin: '990440001777',
    address: 'г. Щучинск, ул. Горького, 28',
  },
  {
    name: 'Школа-лицей № 5 города Щучинска',
    names: { kk: 'Щучинск қаласының № 5 мектеп-лицейі', ru: 'Школа-лицей № 5 города Щучинска' },
    language: 'ru',
    bin: '990440001888',
    address: 'г. Щучинск, ул. Интернациональная, 15',
  },
  {
    name: 'Школа-гимназия № 7',
    names: { kk: '№ 7 мектеп-гимназия', ru: 'Школа-гимназия № 7' },
    language: 'ru',
    bin: '990440001999',
    address: 'г. Щучинск, мкр. Сарыарка, 9',
  },
  {
    name: 'Зеленоборская общеобразовательная школа',
    names: { kk: 'Зеленый Бор жалпы білім беретін мектебі', ru: 'Зеленоборская общеобразовательная школа' },
    language: 'ru',
    bin: '990440002000',
    address: 'с. Зеленый Бор, ул. Школьная, 2',
  },
];

const LETTERS = { kk: ['А', 'Ә', 'Б', 'В'], ru: ['А', 'Б', 'В', 'Г'] } as const;

/** A class like '7 «Ә»'. */
export function className(random: Random, school: DemoSchool, grade: number): string {
  return `${grade} «${random.pick(LETTERS[school.language])}»`;
}
