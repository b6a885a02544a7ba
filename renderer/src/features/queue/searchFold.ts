/**
 * One spelling for searching names however they were typed. Officers type Kazakh names on a
 * Russian keyboard («токтарова» for «Тоқтарова»), or in Latin letters as a passport or an e-mail
 * writes them («Toktarova», «Toqtarova», «Zhanar», «Janar»). Both the cases' words and the typed
 * query are folded into the same Latin skeleton, so every spelling meets every other one, and a
 * query is still matched against the start of a word (the folding keeps prefixes: a letter never
 * depends on the letters after it, except the word-initial «ye»/«ie» of Latin passports, which
 * folds to «e» as «Ерлан» = «Yerlan» needs).
 *
 * The Kazakh letters fold to the Russian letter their key stands on (ә→а, ғ→г, қ→к, ң→н, ө→о,
 * ұ/ү→у, һ→х, і→и), and then every Cyrillic letter to Latin; й, и, і, ы and Latin y meet as «i»
 * (Айгерім = Aigerim = Aygerim, Жылқыбай = Zhylkybai).
 */

/** Single letters: Cyrillic to Latin, and the Kazakh Latin alphabets' letters to plain Latin. */
// prettier-ignore
const LETTERS: Readonly<Record<string, string>> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', э: 'e', ж: 'zh', з: 'z',
  и: 'i', і: 'i', й: 'i', ы: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'h', һ: 'h', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ь: '', ю: 'iu', я: 'ia',
  // Latin: the 2021 Kazakh alphabet (ä ğ ı ñ ö q ş ü ū), the 2018 one (j for ж), English habits.
  ä: 'a', ğ: 'g', ı: 'i', y: 'i', ñ: 'n', ö: 'o', q: 'k', ş: 'sh', ç: 'ch', ü: 'u', ū: 'u',
  j: 'zh', x: 'h', w: 'v',
};

// Everything but digits, spaces and the Latin letters that stand for themselves (not j, q, w, x, y)
// goes through the table.
const FOLDED = /[^a-ik-pr-vz0-9 ]/g;
// Latin «kh» is х (Khamit = Хамит); «ye»/«ie» opening a word is е (Yerlan, Yesenov).
const KH = /kh/g;
const INITIAL_YE = /(^| )ie/g;

/**
 * The search skeleton of lowercased, NFC text whose words are separated by single spaces. Letters
 * the table does not know (other scripts) stay as they are.
 */
export function foldForSearch(text: string): string {
  return text
    .replace(FOLDED, (c) => LETTERS[c] ?? c)
    .replace(KH, 'h')
    .replace(INITIAL_YE, '$1e');
}
