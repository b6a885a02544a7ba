import { describe, expect, it } from 'vitest';
import { foldForSearch } from './searchFold';
import { normalizeText } from './queueModel';

const fold = (text: string) => foldForSearch(normalizeText(text));

describe('foldForSearch', () => {
  it('folds each Kazakh letter to the Russian letter on its key', () => {
    const pairs: Array<[string, string]> = [
      ['ә', 'а'],
      ['ғ', 'г'],
      ['қ', 'к'],
      ['ң', 'н'],
      ['ө', 'о'],
      ['ұ', 'у'],
      ['ү', 'у'],
      ['һ', 'х'],
      ['і', 'и'],
    ];
    for (const [kazakh, russian] of pairs) {
      expect(fold(kazakh), kazakh).toBe(fold(russian));
      expect(fold(kazakh.toUpperCase()), kazakh.toUpperCase()).toBe(fold(russian));
    }
  });

  it('gives names typed on a Russian keyboard, in Cyrillic and in Latin the same skeleton', () => {
    const spellings: string[][] = [
      ['Тоқтарова', 'токтарова', 'Toktarova', 'Toqtarova', 'TOKTAROVA'],
      ['Жанар', 'Zhanar', 'Janar'],
      ['Айгерім', 'Айгерим', 'Aigerim', 'Aygerim'],
      ['Ерлан', 'Yerlan', 'Erlan'],
      ['Хамит', 'Khamit', 'Hamit'],
      ['Шұғыла', 'Шугыла', 'Shugyla', 'Şuğyla'],
      ['Жылқыбай', 'Zhylkybai', 'Zhylkybay'],
      ['Әсемгүл', 'Асемгуль', 'Asemgul', 'Äsemgül'],
      ['Нұрлыбек', 'Nurlybek'],
      ['Өмірзақ', 'Omirzak', 'Ömirzaq'],
      ['Цой', 'Tsoi', 'Tsoy'],
      ['Юлия', 'Iuliia', 'Yuliya'],
      ['Чингиз', 'Chingiz', 'Çingiz'],
      ['Фёдор', 'Федор', 'Fedor'],
    ];
    for (const [first, ...others] of spellings) {
      for (const other of others) expect(fold(other), `${other} = ${first}`).toBe(fold(first!));
    }
  });

  it('keeps different names apart and leaves digits alone', () => {
    expect(fold('Тоқтарова')).not.toBe(fold('Тохтарова'.replace('х', 'м')));
    expect(fold('Сәуле')).not.toBe(fold('Салем'));
    expect(fold('850101400403 kz 2026 00123')).toBe('850101400403 kz 2026 00123');
  });

  it('keeps a prefix a prefix: what is typed so far starts the folded word', () => {
    const word = fold('Тоқтарова');
    for (let n = 1; n <= 'Тоқтарова'.length; n++) {
      expect(word.startsWith(fold('Тоқтарова'.slice(0, n)))).toBe(true);
      expect(word.startsWith(fold('токтарова'.slice(0, n)))).toBe(true);
    }
  });
});
