/** Schools of the demo district (Burabay district, Akmola region) and their classes. */
import type { Random } from './random';

export interface DemoSchool {
  name: string;
  /** Language of instruction decides the class letters. */
  language: 'kk' | 'ru';
  bin: string;
  address: string;
}

// BINs here are made up, 12 digits, never checked by the desk (the school is not a party that signs).
export const DEMO_SCHOOLS: readonly DemoSchool[] = [
  {
    name: '№ 1 жалпы білім беретін мектеп',
    language: 'kk',
    bin: '990440001111',
    address: 'Щучинск қ., Ленин к-сі, 12',
  },
  {
    name: '№ 2 жалпы білім беретін мектеп',
    language: 'kk',
    bin: '990440001222',
    address: 'Щучинск қ., Абай к-сі, 45',
  },
  {
    name: '№ 12 жалпы білім беретін мектеп',
    language: 'kk',
    bin: '990440001333',
    address: 'Щучинск қ., Жамбыл к-сі, 7',
  },
  {
    name: 'Абай атындағы № 4 мектеп-гимназия',
    language: 'kk',
    bin: '990440001444',
    address: 'Щучинск қ., Мир к-сі, 3',
  },
  {
    name: 'Бурабай ауылының жалпы білім беретін мектебі',
    language: 'kk',
    bin: '990440001555',
    address: 'Бурабай а., Кенесары к-сі, 20',
  },
  {
    name: 'Қатаркөл ауылының жалпы білім беретін мектебі',
    language: 'kk',
    bin: '990440001666',
    address: 'Қатаркөл а., Мектеп к-сі, 1',
  },
  {
    name: 'Общеобразовательная школа № 3 города Щучинска',
    language: 'ru',
    bin: '990440001777',
    address: 'г. Щучинск, ул. Горького, 28',
  },
  {
    name: 'Школа-лицей № 5 города Щучинска',
    language: 'ru',
    bin: '990440001888',
    address: 'г. Щучинск, ул. Интернациональная, 15',
  },
  {
    name: 'Школа-гимназия № 7',
    language: 'ru',
    bin: '990440001999',
    address: 'г. Щучинск, мкр. Сарыарка, 9',
  },
  {
    name: 'Зеленоборская общеобразовательная школа',
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
